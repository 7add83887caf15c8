/* Maintenance contracts (保守契約): the record a contract annex (契約書別紙) is made from.
 *
 * A contract belongs to the organisation and one vendor, covers one or more systems, and has a
 * reference (保守契約第…号), a term (start / end, ISO dates) and the clause-library catalog
 * (id + version, fixed at creation) its clauses come from. Clause decisions (clause.h),
 * parameter values (param.h) and the 責任分界表 (matrix.h) hang off it.
 *
 * Every change is ONE transaction that appends history rows with entity "contract" and
 * entity_id = the contract: the contract's own fields with item_id NULL, a clause decision with
 * item_id = the clause's node id (fields "decision", "reason"), a parameter with item_id = the
 * clause (field = the parameter name), a matrix cell with item_id "matrix:COMPONENT:PHASE"
 * (fields "party", "vendor", "note"). On any error nothing is written.
 * Ownership: structs own their strings; free with the matching *_free. Every function that can
 * fail returns a status_code and fills the status_detail it is given (base/status.h). */
#ifndef ANZEN_CONTRACT_H
#define ANZEN_CONTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "store/lib.h"
#include "workspace/lib.h"

/* The clause library a new contract uses when none is named. */
#define CONTRACT_DEFAULT_CLAUSES "anzen-contract-clauses"

typedef struct {
    int64_t id;
    char *ref;                   /* 保守契約第12号; NULL when not given */
    int64_t vendor_id;
    char *vendor_name;           /* read-only */
    int64_t *system_ids;         /* in the order given at creation */
    char **system_names;         /* read-only, same order */
    size_t nsystems;
    char *term_start, *term_end; /* ISO or NULL */
    char *clause_catalog, *clause_version;
    char *created_at, *created_by, *updated_at;
} contract;

void contract_free(contract *c);
void contract_list_free(contract *list, size_t n);

typedef struct {
    int64_t vendor_id;
    const int64_t *system_ids;
    size_t nsystems;
    const char *ref;                   /* NULL or "" = none */
    const char *term_start, *term_end; /* ISO or NULL */
    const char *clause_catalog;        /* NULL = CONTRACT_DEFAULT_CLAUSES */
    const char *clause_version;        /* NULL = the newest version with items */
} contract_spec;

/* Creates a contract. CONTRACT_NO_SYSTEM, CONTRACT_SYSTEM_TWICE, DATE_NOT_ISO (field term_start /
 * term_end), TERM_ENDS_BEFORE_START, VENDOR_NOT_FOUND, SYSTEM_NOT_FOUND, CATALOG_NOT_CLAUSES for a
 * catalog that is not of kind "clauses", CATALOG_NOT_FOUND when it is not in the store. */
status_code contract_create(store *s, const contract_spec *spec, const char *who, int64_t *id, status_detail *err);

/* Changes reference and term (NULL member = keep, "" = clear). */
status_code contract_update(store *s, int64_t id, const char *ref, const char *term_start, const char *term_end,
                          const char *who, status_detail *err);

status_code contract_get(store *s, int64_t id, contract *out, status_detail *err);
/* Finds "3", "#3" or an exact reference. */
status_code contract_find(store *s, const char *key, int64_t *id, status_detail *err);
/* All contracts by id into *out and *n; system_id > 0 keeps those covering that system. A failed
 * read is its status with no rows. CONTRACT_NOT_FOUND from get and find. */
status_code contract_list(store *s, int64_t system_id, contract **out, size_t *n, status_detail *err);

/* "保守契約第12号" or "#3" when there is no reference: how messages name a contract. Caller frees. */
char *contract_label(const contract *c);

#endif
