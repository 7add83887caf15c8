/* Inventory facts offered by an imported bundle: for each system of the bundle that exists here
 * (by name), every fact it states that differs from what this database holds becomes an open
 * offer (exchange_offer), applied only when someone accepts it - never silently. Accepting saves
 * the system (its own history rows) and marks the offer, in one transaction; rejecting marks it.
 * Both append a history row (entity "offer", field "status"). */
#ifndef ANZEN_EXCHANGE_OFFER_H
#define ANZEN_EXCHANGE_OFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/lib.h"
#include "store/lib.h"
#include "workspace/lib.h"

typedef struct {
    int64_t id, import_id, system_id;
    char *system_name;
    char *field;          /* a fact (bundle_system.h): "ports", "backup_method" … */
    char *value, *current; /* readable text of the offered and the current value (NULL = not stated) */
    char *status;         /* "open" "accepted" "rejected" */
    char *decided_at, *decided_by;
} offer;

void offer_list_free(offer *list, size_t n);

/* Inside the caller's transaction (the import): adds the open offers for one bundle system;
 * *added = how many. A fact offered already with the same value and still open is not added twice. */
status_code offer_add_for_system(store *s, int64_t import_id, const ws_system *theirs, const char *who, size_t *added,
                                 status_detail *err);

/* Offers (all = every status; else only open ones), oldest first. */
status_code offer_list(store *s, bool all, offer **out, size_t *n, status_detail *err);

/* Accepts or rejects offers ids[0..n) in one transaction. OFFER_NOT_FOUND, OFFER_NOT_OPEN; a
 * system that refuses the value (ws_system_save's checks) its status. */
status_code offer_decide(store *s, const int64_t *ids, size_t n, bool accept, const char *who, status_detail *err);

#endif
