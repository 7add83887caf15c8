#include "facts.h"

#include <stdlib.h>

#include "base/lib.h"

const contract_fact_def contract_fact_defs[FACT__COUNT] = {
    [FACT_ALWAYS] = {"always", "基本条項", "basic clause"},
    [FACT_REMOTE_MAINTENANCE] = {"remote-maintenance", "リモート保守", "remote maintenance"},
    [FACT_CLOUD] = {"cloud", "クラウド", "cloud hosting"},
    [FACT_PATIENT_DATA] = {"patient-data-in-maintenance", "保守での患者データ利用", "patient data used in maintenance"},
    [FACT_MEDICAL_DEVICE] = {"medical-device", "医療機器", "medical device"},
    [FACT_MULTIPLE_VENDORS] = {"multiple-vendors", "複数事業者", "several vendors"},
    [FACT_SUBCONTRACTING] = {"subcontracting", "再委託", "subcontracting"},
    [FACT_ON_PREMISES] = {"on-premises", "オンプレミス", "on-premises"},
    [FACT_VENDOR_UPDATES] = {"vendor-security-updates", "事業者によるセキュリティアップデート",
                             "security updates by the vendor"},
};

contract_fact_id contract_fact_parse(const char *code)
{
    for (int i = 0; i < FACT__COUNT; i++)
        if (str_eq(contract_fact_defs[i].code, code))
            return (contract_fact_id)i;
    return FACT__COUNT;
}

/* Folds one system's value into a fact: yes wins over unknown, unknown over no. */
static void fold(contract_fact *f, ws_tri v, const char *name, strbuf *names)
{
    if (v == TRI_YES) {
        if (names->len)
            sb_add(names, ", ");
        sb_add(names, name);
        f->value = TRI_YES;
    } else if (v == TRI_UNKNOWN && f->value != TRI_YES) {
        f->value = TRI_UNKNOWN;
    }
}

/* Who applies security updates: the vendor is yes, the hospital or nobody no, not recorded unknown. */
static ws_tri updates_by_vendor(const char *by)
{
    return !by ? TRI_UNKNOWN : str_eq(by, "vendor") ? TRI_YES : TRI_NO;
}

static ws_tri hosting_is(const char *hosting, const char *want)
{
    if (!hosting)
        return TRI_UNKNOWN;
    if (str_eq(hosting, "hybrid"))
        return TRI_YES; /* a hybrid system has both an on-premises and a cloud part */
    return str_eq(hosting, want) ? TRI_YES : TRI_NO;
}

/* Vendors of the contract's systems other than the contract's vendor: coordination is needed. */
static void vendors_fact(const contract *c, const ws_system *systems, size_t n, contract_fact *f)
{
    strbuf names = {0};
    strlist seen = {0};
    sl_push(&seen, c->vendor_name);
    for (size_t i = 0; i < n; i++) {
        const char *v = systems[i].vendor_name;
        if (!v || sl_contains(&seen, v))
            continue;
        sl_push(&seen, v);
        sb_addf(&names, "%s%s", names.len ? ", " : "", v);
    }
    f->value = names.len ? TRI_YES : TRI_NO;
    if (names.len)
        f->systems = xasprintf("%s, %s", c->vendor_name, sb_str(&names));
    sl_free(&seen);
    sb_free(&names);
}

status_code contract_facts_compute(store *s, const contract *c, contract_facts *out, status_detail *err)
{
    *out = (contract_facts){0};
    ws_system *systems = xcalloc(c->nsystems ? c->nsystems : 1, sizeof *systems);
    for (size_t i = 0; i < c->nsystems; i++) {
        status_code r = ws_system_get(s, c->system_ids[i], &systems[i], err);
        if (r != STATUS_OK) {
            for (size_t k = 0; k < i; k++)
                ws_system_free(&systems[k]);
            free(systems);
            return r;
        }
    }
    out->f[FACT_ALWAYS].value = TRI_YES;
    out->f[FACT_SUBCONTRACTING].value = TRI_UNKNOWN;
    static const contract_fact_id per_system[] = {FACT_REMOTE_MAINTENANCE, FACT_CLOUD, FACT_PATIENT_DATA,
                                                  FACT_MEDICAL_DEVICE, FACT_ON_PREMISES, FACT_VENDOR_UPDATES};
    for (size_t k = 0; k < AZ_ARRAY_LEN(per_system); k++) {
        contract_fact_id id = per_system[k];
        contract_fact *f = &out->f[id];
        f->value = TRI_NO;
        strbuf names = {0}, detail = {0}, others = {0};
        for (size_t i = 0; i < c->nsystems; i++) {
            const ws_system *sys = &systems[i];
            ws_tri v = id == FACT_REMOTE_MAINTENANCE ? sys->remote_maintenance
                       : id == FACT_CLOUD            ? hosting_is(sys->hosting, "cloud")
                       : id == FACT_PATIENT_DATA     ? sys->patient_data_in_maintenance
                       : id == FACT_MEDICAL_DEVICE   ? sys->medical_device
                       : id == FACT_VENDOR_UPDATES   ? updates_by_vendor(sys->security_updates_by)
                                                     : hosting_is(sys->hosting, "on-premises");
            fold(f, v, sys->name, &names);
            if (v != TRI_YES)
                sb_addf(&others, "%s%s", others.len ? ", " : "", sys->name);
            if (v == TRI_YES && id == FACT_REMOTE_MAINTENANCE && !str_empty(sys->remote_method))
                sb_addf(&detail, "%s%s", detail.len ? ", " : "", sys->remote_method);
        }
        /* yes names the systems that have it; no and unknown name the systems asked */
        f->systems = names.len ? sb_take(&names) : others.len ? sb_take(&others) : NULL;
        f->detail = detail.len ? sb_take(&detail) : NULL;
        sb_free(&names);
        sb_free(&detail);
        sb_free(&others);
    }
    vendors_fact(c, systems, c->nsystems, &out->f[FACT_MULTIPLE_VENDORS]);
    for (size_t i = 0; i < c->nsystems; i++)
        ws_system_free(&systems[i]);
    free(systems);
    return STATUS_OK;
}

void contract_facts_free(contract_facts *f)
{
    for (int i = 0; i < FACT__COUNT; i++) {
        free(f->f[i].systems);
        free(f->f[i].detail);
    }
    *f = (contract_facts){0};
}

char *contract_fact_text(contract_fact_id id, const contract_fact *f, bool english)
{
    const contract_fact_def *d = &contract_fact_defs[id];
    const char *value = f->value == TRI_YES ? (english ? "yes" : "あり")
                        : f->value == TRI_NO ? (english ? "no" : "なし")
                                             : (english ? "not recorded" : "不明（台帳に記録なし）");
    strbuf sb = {0};
    sb_addf(&sb, "%s: %s", english ? d->en : d->ja, value);
    if (f->systems || f->detail) {
        sb_addf(&sb, " (%s", f->systems ? f->systems : "");
        if (f->detail)
            sb_addf(&sb, "%s%s", f->systems ? "; " : "", f->detail);
        sb_add(&sb, ")");
    }
    return sb_take(&sb);
}
