/* The contract screens (core/contract, core/export annex): the list of contracts (contract_list.c)
 * and one contract (contract.c) — its clauses (proposed / included / excluded with the reason),
 * their parameters, the 責任分界表 as a grid, a preview of the annex and its export. */
#ifndef ANZEN_TUI_CONTRACT_SCREENS_H
#define ANZEN_TUI_CONTRACT_SCREENS_H

#include <stdint.h>

#include "app.h"

/* Contracts, all of them (system_id 0, from the dashboard) or those covering one system (from
 * the inventory); n creates one (for that system), Enter opens it. */
screen *contracts_screen_new(app *a, int64_t system_id);
/* One contract. NULL (with the reason on the status line) when it cannot be read. */
screen *contract_screen_new(app *a, int64_t contract_id);

/* The text in the UI language: both are required, so a missing translation does not compile. */
#define CT(ja, en) (msg_english() ? (en) : (ja))

#endif
