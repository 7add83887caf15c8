/* assess/ — answers (answers), assessments: create, answer, undo, sign-off, carry, diff (assess),
 * crosswalk proposals (proposal), the item map of a carry across versions (carry_map), progress per heading (progress), summaries of many assessments
 * (summary), header fields per assessment (assess_field). Private: apply.h (field writes with history), proposal_internal.h.
 * Within the folder: answers <- apply <- proposal <- assess; answers <- progress <- summary. May include: base, text, store, history, catalog, workspace. */
#ifndef ANZEN_ASSESS_LIB_H
#define ANZEN_ASSESS_LIB_H

#include "answers.h"
#include "assess.h"
#include "assess_field.h"
#include "carry_map.h"
#include "proposal.h"
#include "progress.h"
#include "summary.h"

#endif
