/* Private to assess/: generating proposals after an answer (called by assess.c). */
#ifndef ANZEN_ASSESS_PROPOSAL_INTERNAL_H
#define ANZEN_ASSESS_PROPOSAL_INTERNAL_H

#include "assess.h"
#include "proposal.h"

/* After `item` of assessment `a` (catalog c) got `value`: stores proposals for mapped items of other
 * assessments with the same scope and fiscal year, replacing (superseding) an open one from the
 * same source item. Both are history rows of `action`, the answer's action, so undoing the answer
 * takes them back. Returns how many, or -1 with *err. */
int proposals_generate(store *s, int64_t action, const assessment *a, const catalog *c, const char *item,
                       const char *value, const char *who, status_detail *err);

#endif
