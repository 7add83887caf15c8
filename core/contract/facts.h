/* The facts of a contract's systems that clause triggers test (data/README.md, `triggers`):
 * remote maintenance, cloud hosting, patient data used in maintenance, medical device, on-premises,
 * several vendors, subcontracting, security updates applied by the vendor. Each fact is yes / no / unknown with the systems that make it
 * so, read from the システム台帳 (workspace) at the moment of asking — so changing a system's
 * profile changes the proposals at once. */
#ifndef ANZEN_CONTRACT_FACTS_H
#define ANZEN_CONTRACT_FACTS_H

#include <stdbool.h>

#include "contract.h"

typedef enum {
    FACT_ALWAYS,
    FACT_REMOTE_MAINTENANCE,
    FACT_CLOUD,
    FACT_PATIENT_DATA,
    FACT_MEDICAL_DEVICE,
    FACT_MULTIPLE_VENDORS,
    FACT_SUBCONTRACTING,
    FACT_ON_PREMISES,
    FACT_VENDOR_UPDATES, /* the vendor applies the system's security updates (guideline 7.0) */
    FACT__COUNT
} contract_fact_id;

typedef struct {
    const char *code; /* the trigger name in the catalog: "remote-maintenance" */
    const char *ja, *en; /* "リモート保守", "remote maintenance" */
} contract_fact_def;

extern const contract_fact_def contract_fact_defs[FACT__COUNT];
/* FACT__COUNT when the code is unknown. */
contract_fact_id contract_fact_parse(const char *code);

typedef struct {
    ws_tri value;  /* TRI_YES when some system has it */
    char *systems; /* "PACS, 電子カルテ": the systems (or vendors) that make it yes; NULL when none */
    char *detail;  /* extra facts shown with the reason: "IPsec-VPN"; NULL when none */
} contract_fact;

typedef struct {
    contract_fact f[FACT__COUNT];
} contract_facts;

/* Evaluates every fact for the contract's systems (FACT_ALWAYS is always yes; subcontracting is
 * unknown, the inventory does not record it). */
status_code contract_facts_compute(store *s, const contract *c, contract_facts *out, status_detail *err);
void contract_facts_free(contract_facts *f);

/* "リモート保守: あり (PACS; IPsec-VPN)" / "remote maintenance: yes (PACS; IPsec-VPN)". Caller frees. */
char *contract_fact_text(contract_fact_id id, const contract_fact *f, bool english);

#endif
