/* Deemed compliance (みなし遵守) with guideline 7.0 保守委託機関編, as the secondary sources describe
 * it (data/catalogs/mhlw-gl7-maintenance-7.0.yaml, figure 1 note ※2): a facility whose systems'
 * security updates are ALL applied by vendors, with that duty written in the contract, terms or
 * SLA, may follow 保守委託機関編 (with 概説編) in place of the other volumes.
 *
 * Every system of the inventory counts (anzen cannot tell a "server" from other equipment; the
 * sources count a terminal as one when the medical processing ends on it). A system meets the rule
 * when its security updates are by the vendor and the duty is stated: by a clause included in one
 * of its contracts whose triggers name vendor-security-updates (C23 in the shipped library), or, for
 * a contract kept outside anzen, by the system's "stated in contract" fact. Each system that does
 * not meet it carries exactly one reason.
 *
 * Chapter 10 also asks for MDS/SDS from every vendor and for vendors answering はい or 対象外 on
 * every item of the 【別紙】: reported per vendor of the inventory's systems from the newest
 * assessment of the 別紙 catalog answered for that vendor. It does not change the verdict (a いいえ
 * calls for a risk assessment, not for another volume), it is listed beside it.
 *
 * Computed on every call from the inventory, the contracts and the answers; nothing is stored. */
#ifndef ANZEN_CONTRACT_DEEMED_H
#define ANZEN_CONTRACT_DEEMED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/lib.h"

/* The catalog of the 【別紙】 and the trigger that marks the security-update clause. */
#define DEEMED_ANNEX_CATALOG "mhlw-gl7-mds-sds-annex"
#define DEEMED_UPDATE_TRIGGER "vendor-security-updates"

typedef enum {
    DEEMED_MET,                 /* updates by the vendor, stated in the contract */
    DEEMED_UPDATES_NOT_RECORDED, /* who applies security updates is not recorded */
    DEEMED_UPDATES_BY_HOSPITAL,
    DEEMED_UPDATES_BY_NOBODY,
    DEEMED_NO_CONTRACT_CLAUSE, /* by the vendor, but no contract clause states it */
    DEEMED__COUNT
} deemed_reason;

typedef struct {
    const char *code; /* "updates-by-hospital", for --json */
    const char *ja, *en; /* "セキュリティアップデートは医療機関が実施", "updates by the hospital" */
} deemed_reason_def;
extern const deemed_reason_def deemed_reasons[DEEMED__COUNT];

typedef struct {
    int64_t system_id;
    char *system_name, *vendor_name; /* vendor NULL when none */
    char *updates_by;                /* as stored, NULL when not recorded */
    deemed_reason reason;
    /* where the duty is stated, when it is: a contract of anzen (contract_id > 0, its label,
     * the clause's printed ref and article; decided = included by decision, not only proposed)
     * or the inventory's "stated in contract" (by_hand). */
    int64_t contract_id;
    char *contract_label, *clause_ref;
    int article;
    bool decided, by_hand;
} deemed_system;

typedef struct {
    int64_t vendor_id;
    char *vendor_name;
    int64_t assessment_id; /* the newest 別紙 assessment for this vendor; 0 when there is none */
    int fy;
    int items, negative, unanswered;
    char **negative_items; /* "title" (ref when printed) of the items answered with a negative meaning */
    size_t nnegative_items;
} deemed_vendor;

typedef struct {
    bool eligible;   /* at least one system, and every system DEEMED_MET */
    deemed_system *systems; /* by name */
    size_t nsystems;
    deemed_vendor *vendors; /* the vendors of the systems, by name */
    size_t nvendors;
    bool annex_catalog_loaded; /* the 別紙 catalog is in the store */
} deemed_report;

status_code deemed_compute(store *s, bool english, deemed_report *out, status_detail *err);
void deemed_report_free(deemed_report *r);
/* Whether a system in service records who applies its security updates: until one does, nobody
 * has asked about the rule, and a summary (the dashboard's line) need not compute the report.
 * True also on an SQL error, so the caller computes it and reports the error. */
bool deemed_recorded(store *s);

#endif
