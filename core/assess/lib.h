/* assess/ — answers (answers), assessments: create, answer, undo, sign-off, carry, diff (assess),
 * crosswalk proposals (proposal), the item map of a carry across versions (carry_map), progress per heading (progress), summaries of many assessments
 * (summary), header fields per assessment (assess_field), the evidence register (evidence) and its links to
 * answers (evidence_link), the walk-through's rules: open items, the next one,
 * the dates a form wants (walk), what is open before a sign-off (signoff_check), per-user state: last item visited, settings (user_state). Private: apply.h (field writes with history), proposal_internal.h.
 * Within the folder: answers <- evidence <- apply <- proposal <- assess <- evidence_link, signoff_check; answers <- progress <- summary; progress <- walk;
 * user_state alone. May include: base, text, store, history, catalog, workspace. */
#ifndef ANZEN_ASSESS_LIB_H
#define ANZEN_ASSESS_LIB_H

#include "answers.h"
#include "assess.h"
#include "assess_field.h"
#include "carry_map.h"
#include "evidence.h"
#include "evidence_link.h"
#include "proposal.h"
#include "progress.h"
#include "signoff_check.h"
#include "summary.h"
#include "user_state.h"
#include "walk.h"

#endif
