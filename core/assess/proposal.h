/* Crosswalk proposals: answering an item proposes answers for the items mapped to it in other
 * assessments of the same scope and fiscal year; stored, never applied silently. */
#ifndef ANZEN_ASSESS_PROPOSAL_H
#define ANZEN_ASSESS_PROPOSAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/lib.h"
#include "workspace/lib.h"

typedef enum { PROPOSAL_OPEN, PROPOSAL_ACCEPTED, PROPOSAL_REJECTED, PROPOSAL_SUPERSEDED } proposal_status;
const char *proposal_status_name(proposal_status st);

typedef struct {
    int64_t id;
    int64_t assessment_id; /* target */
    char *item_id;         /* target item */
    char *value;           /* proposed value (target catalog's answer with the source's meaning) */
    int64_t source_assessment_id;
    char *source_catalog, *source_item, *source_value;
    char *rel; /* mapping relation: cites equal subset superset intersect related */
    proposal_status status;
    char *created_at, *created_by, *decided_at, *decided_by;
} proposal;

/* Proposals for an assessment; open_only to hide decided ones. */
status_code assess_proposals(store *s, int64_t assessment_id, bool open_only, proposal **out, size_t *n, status_detail *err);
void proposal_list_free(proposal *list, size_t n);
/* Accepting sets the hospital answer's value (one transaction, with history); rejecting records
 * the decision. A proposal that is not open → PROPOSAL_NOT_OPEN (its state in the field). */
status_code assess_proposal_accept(store *s, int64_t proposal_id, const char *who, status_detail *err);
status_code assess_proposal_reject(store *s, int64_t proposal_id, const char *who, status_detail *err);

#endif
