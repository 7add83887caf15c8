/* The clauses of a contract: every item of its clause library, each proposed or not from its
 * triggers (facts.h; a clause is proposed when ANY of its triggers holds), and the user's
 * decision — include or exclude, with a reason — kept in contract_clause and in history.
 *
 * A clause is in the annex ("included") when the user included it, or when it is proposed and
 * the user did not exclude it. Included clauses are numbered as articles (第1条 …) in catalog
 * order. Proposals are computed on every read, so a change of a system's profile shows at once;
 * decisions stay until changed. */
#ifndef ANZEN_CONTRACT_CLAUSE_H
#define ANZEN_CONTRACT_CLAUSE_H

#include <stdbool.h>

#include "catalog/lib.h"
#include "facts.h"

typedef enum { CLAUSE_UNDECIDED, CLAUSE_INCLUDE, CLAUSE_EXCLUDE } contract_decision;
const char *contract_decision_name(contract_decision d); /* "", "include", "exclude" */

typedef struct {
    const catalog_node *node; /* in the list's catalog */
    bool proposed;
    contract_fact_id met[FACT__COUNT]; /* the triggers that hold, in the clause's order */
    size_t nmet;
    contract_decision decision;
    char *reason, *decided_by, *decided_at; /* NULL while undecided */
    bool included; /* in the annex */
    int article;   /* 第N条 when included, else 0 */
} contract_clause;

typedef struct {
    catalog *cat; /* the contract's clause library (owned) */
    contract_facts facts;
    contract_clause *items; /* the catalog's items in order */
    size_t len;
} contract_clause_list;

/* Loads the clause library of the contract, evaluates the facts and the decisions. CLAUSES_GONE
 * when the library version is no longer in the store. */
status_code contract_clauses(store *s, const contract *c, contract_clause_list *out, status_detail *err);
void contract_clause_list_free(contract_clause_list *l);

/* By node id ("c06") or printed reference ("C06"), case-insensitive; NULL when unknown. */
const contract_clause *contract_clause_find(const contract_clause_list *l, const char *key);

/* Why a clause is (or is not) proposed: "リモート保守: あり (PACS; IPsec-VPN)", facts joined with
 * " / "; "常に提案（基本条項）" for always. Caller frees. */
char *contract_clause_why(const contract_clause_list *l, const contract_clause *cl, bool english);

/* Includes or excludes a clause (reason required), or returns it to its proposal
 * (CLAUSE_UNDECIDED, reason ignored). CLAUSE_NOT_FOUND for an unknown clause,
 * CLAUSE_REASON_REQUIRED (field = the decision) without a reason. */
status_code contract_clause_decide(store *s, int64_t contract_id, const char *clause, contract_decision d,
                                 const char *reason, const char *who, status_detail *err);

#endif
