/* The assessments linked to a contract — for each of its systems and each catalog, the newest
 * fiscal year's system-scope assessment — with their answers, and the open items among them:
 * items whose effective answer is negative (いいえ / 未実施 …) or partial, or that have no answer
 * yet. They are listed in the annex for negotiation. */
#ifndef ANZEN_CONTRACT_OPEN_ITEMS_H
#define ANZEN_CONTRACT_OPEN_ITEMS_H

#include "assess/lib.h"
#include "contract.h"

typedef struct {
    assessment as;
    catalog *cat; /* the assessment's catalog version (owned) */
    answer_set answers;
} contract_link;

typedef struct {
    contract_link *items; /* by system (contract order), then catalog id */
    size_t len;
} contract_links;

status_code contract_links_load(store *s, const contract *c, contract_links *out, status_detail *err);
void contract_links_free(contract_links *l);

typedef struct {
    const contract_link *link;
    const catalog_node *node;
    const answer *ans;     /* the effective answer; NULL = not answered */
    const answer_def *def; /* its value in the catalog's answer set; NULL = not answered */
} contract_open_item;

/* Open items in link order, then catalog order. Returns the count; *out (free() it) borrows from l. */
size_t contract_open_items(const contract_links *l, contract_open_item **out);

#endif
