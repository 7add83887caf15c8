/* Linking register entries (evidence.h) to answers: one entry to one item's answer of a party,
 * as one answer change (assess_answer_set with AF_EVIDENCE), so a link is one transaction with
 * its history row, undone by assess_undo, kept by carry and marks a signed-off assessment
 * changed. */
#ifndef ANZEN_ASSESS_EVIDENCE_LINK_H
#define ANZEN_ASSESS_EVIDENCE_LINK_H

#include <stdbool.h>
#include <stdint.h>

#include "assess.h"
#include "evidence.h"

/* Links entry evidence_id to the item's answer of party (party_vendor_id 0 = the assessment's
 * vendor), after its other links; unlinks it when link is false. Linking a linked entry or
 * unlinking one that is not linked changes nothing (*changed 0). EVIDENCE_NOT_FOUND, and every
 * status of assess_answer_set (unknown item, heading, vendor). */
status_code evidence_link_set(store *s, int64_t evidence_id, int64_t assessment_id, const char *item_id,
                              answer_party party, int64_t party_vendor_id, bool link, const char *who, int *changed,
                              status_detail *err);

#endif
