/* Private to assess/: field-level writes that append their history row (assess.c, proposal.c). */
#ifndef ANZEN_ASSESS_APPLY_H
#define ANZEN_ASSESS_APPLY_H

#include "answers.h"

typedef struct {
    int64_t assessment_id;
    const char *item_id;
    answer_party party;
    int64_t party_vendor_id;
} answer_key;

/* Sets one answer field to text (NULL/"" clears) inside an open transaction, creating the answer
 * row if needed, and appends one history row to `action` when the value changes.
 * Fields: value checked due done owner owner_vendor (the vendor id, "3") note reason, evidence
 * (the linked register entries, one per line: "#3", "#3 title" or a reference text, see
 * evidence_resolve_line; history records "#id title" lines).
 * Returns 1 changed, 0 unchanged, -1 with *err. */
int answer_apply(store *s, int64_t action, const answer_key *k, const char *field, const char *text, const char *who,
                 status_detail *err);
/* The stored value and reason of an answer (NULL when none), for checks before a change; the
 * same statement answer_apply reads the old value with. Caller frees both. */
void answer_value_reason(store *s, const answer_key *k, char **value, char **reason);
/* The same for assessment columns: signed_by signed_role signed_at changed_since_signoff ("1"/NULL)
 * archived_at. */
int assessment_apply(store *s, int64_t action, int64_t aid, const char *field, const char *text, status_detail *err);
/* The same for a proposal's status (open accepted rejected superseded); NULL/"" deletes the
 * proposal (the undo of the answer that created it). */
int proposal_apply(store *s, int64_t action, int64_t pid, const char *status, const char *who, status_detail *err);


#endif
