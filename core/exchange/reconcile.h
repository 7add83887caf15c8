/* Reconciliation of one assessment in a workshop: per assessable item the hospital's answer,
 * the vendor's (one vendor) and the agreed one side by side, with a state; and agreeing on an
 * item: the agreed answer takes the hospital's answer, the vendor's, or a value given, and records
 * both participants (the acting user as answered_by, the named counterpart as agreed_with) and
 * the time, in one transaction with history (kind "agree", undoable like an answer).
 * For the CLI (anzen reconcile, anzen answer agree) and the TUI workshop screen. */
#ifndef ANZEN_EXCHANGE_RECONCILE_H
#define ANZEN_EXCHANGE_RECONCILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assess/lib.h"
#include "base/lib.h"
#include "catalog/lib.h"
#include "store/lib.h"

typedef enum {
    RECONCILE_EQUAL,         /* both answered the same value */
    RECONCILE_DIFFERENT,     /* both answered, different values */
    RECONCILE_ONLY_HOSPITAL, /* only the hospital answered */
    RECONCILE_ONLY_VENDOR,   /* only the vendor answered */
    RECONCILE_NONE,          /* neither answered */
    RECONCILE__COUNT
} reconcile_state;
const char *reconcile_state_name(reconcile_state s); /* "equal" "different" "only-hospital" "only-vendor" "none" */

typedef struct {
    const catalog_node *node;     /* borrowed from the view's catalog */
    const answer *hospital, *vendor, *agreed; /* borrowed from the view's answers; NULL = none */
    reconcile_state state;
    bool agreed_current; /* an agreed answer exists and is at least as new as both sides' */
    strlist differing;   /* besides the value: fields both sides filled differently ("due", "note" …) */
} reconcile_row;

typedef struct {
    int64_t assessment_id, vendor_id;
    catalog *cat;      /* owned */
    answer_set answers; /* owned */
    reconcile_row *rows; /* assessable items in catalog order */
    size_t nrows;
    int count[RECONCILE__COUNT];
    int agreed; /* items with an agreed answer */
} reconcile_view;

/* Loads the view; vendor_id 0 = the assessment's vendor (none: only hospital / agreed answers). */
status_code reconcile_load(store *s, int64_t assessment_id, int64_t vendor_id, reconcile_view *out, status_detail *err);
void reconcile_view_free(reconcile_view *v);
/* Whether the assessment has a vendor's or an agreed answer with a value (true also on an SQL
 * error, so the caller falls back to reconcile_load). Without one every count of a view is on the
 * hospital's side: a summary of the workshop can say so without loading the catalog. */
bool reconcile_has_other_side(store *s, int64_t assessment_id);
/* The row of an item, or NULL. */
const reconcile_row *reconcile_find(const reconcile_view *v, const char *item_id);

typedef enum { RECONCILE_TAKE_HOSPITAL, RECONCILE_TAKE_VENDOR, RECONCILE_TAKE_VALUE } reconcile_take;

/* Agrees on one item. TAKE_HOSPITAL / TAKE_VENDOR copy that side's value, dates, owner, note and
 * evidence into the agreed answer (AGREE_NOTHING when that side has no answer); TAKE_VALUE sets
 * the value only (a catalog value; ANSWER_VALUE_UNKNOWN otherwise). `with` (the counterpart) is
 * required: AGREE_WITH_REQUIRED. *changed = fields changed (0: it was agreed so already). */
status_code reconcile_agree(store *s, int64_t assessment_id, const char *item_id, reconcile_take take,
                            const char *value, int64_t vendor_id, const char *with, const char *who, int *changed,
                            status_detail *err);

#endif
