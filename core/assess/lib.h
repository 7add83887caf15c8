/* assess/ — answers (answers), assessments: create, answer, undo, sign-off, carry, diff (assess),
 * crosswalk proposals (proposal), progress per heading (progress), summaries of many assessments
 * (summary), header fields per assessment (assess_field), the evidence register (evidence) and
 * its links to answers (evidence_link). Private: apply.h (field writes with history), proposal_internal.h.
 * Within the folder: answers <- evidence <- apply <- proposal <- assess <- evidence_link; answers <- progress <- summary. May include: base, text, store, history, catalog, workspace. */
#ifndef ANZEN_ASSESS_LIB_H
#define ANZEN_ASSESS_LIB_H

#include "answers.h"
#include "assess.h"
#include "assess_field.h"
#include "evidence.h"
#include "evidence_link.h"
#include "proposal.h"
#include "progress.h"
#include "summary.h"

#endif
