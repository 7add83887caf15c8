/* contract/ — maintenance contracts for the contract annex (契約書別紙): the contract record
 * (contract), the facts of its systems that clause triggers test (facts), clause proposals and
 * decisions (clause), typed parameter values (param), linked assessments and open items
 * (open_items), the 責任分界表 (matrix), deemed compliance with guideline 7.0 保守委託機関編 (deemed).
 * Within the folder: contract <- facts <- clause <- param; contract <- open_items <- matrix; clause <- deemed.
 * May include: base, text, store, history, catalog, workspace, assess. */
#ifndef ANZEN_CONTRACT_LIB_H
#define ANZEN_CONTRACT_LIB_H

#include "clause.h"
#include "contract.h"
#include "deemed.h"
#include "facts.h"
#include "matrix.h"
#include "open_items.h"
#include "param.h"

#endif
