/* The system fields described once (fields.h). */
#include "fields.h"

#include <stdlib.h>
#include <string.h>

#include "text/lib.h"
#include "base/lib.h"

#define F(key, opt, kind, ja, en) {#key, opt, kind, false, ja, en, offsetof(ws_system, key)}

const ws_field ws_system_fields[] = {
    {"name", "name", WS_FIELD_TEXT, true, "名称", "Name", offsetof(ws_system, name)},
    {"category", "category", WS_FIELD_CATEGORY, true, "区分", "Category", offsetof(ws_system, category)},
    {"vendor_pk", "vendor", WS_FIELD_VENDOR, false, "事業者", "Vendor", offsetof(ws_system, vendor_id)},
    F(product, "product", WS_FIELD_TEXT, "製品名", "Product"),
    F(product_version, "product-version", WS_FIELD_TEXT, "バージョン", "Version"),
    F(hosting, "hosting", WS_FIELD_HOSTING, "設置形態", "Hosting"),
    F(remote_maintenance, "remote", WS_FIELD_TRI, "リモート保守", "Remote maintenance"),
    F(remote_method, "remote-method", WS_FIELD_TEXT, "リモート接続方法", "Remote method"),
    F(remote_source_restriction, "remote-restriction", WS_FIELD_TEXT, "接続元の制限", "Remote access restriction"),
    F(medical_device, "medical-device", WS_FIELD_TRI, "医療機器", "Medical device"),
    F(patient_data_in_maintenance, "patient-data", WS_FIELD_TRI, "保守で患者データを扱う", "Patient data in maintenance"),
    F(sbom_available, "sbom", WS_FIELD_TRI, "SBOM", "SBOM available"),
    F(sbom_ref, "sbom-ref", WS_FIELD_TEXT, "SBOM の所在", "SBOM reference"),
    F(end_of_support, "end-of-support", WS_FIELD_DATE, "サポート終了日", "End of support"),
    F(backup_method, "backup-method", WS_FIELD_LINES, "バックアップ方法", "Backup method"),
    F(backup_generations, "backup-generations", WS_FIELD_INT, "バックアップ世代数", "Backup generations"),
    F(restore_by, "restore-by", WS_FIELD_TEXT, "復元作業者", "Restored by"),
    F(restore_method, "restore-method", WS_FIELD_LINES, "復元手順", "Restore procedure"),
    F(disposal, "disposal", WS_FIELD_LINES, "使用停止・廃棄", "Disposal"),
    F(documents, "documents", WS_FIELD_LINES, "事業者資料", "Vendor documents"),
    F(note, "note", WS_FIELD_LINES, "備考", "Note"),
    F(security_updates_by, "security-updates", WS_FIELD_UPDATES_BY, "セキュリティアップデート", "Security updates by"),
    F(security_updates_in_contract, "updates-in-contract", WS_FIELD_TRI, "更新責任の契約記載", "Updates stated in contract"),
};
const size_t ws_system_field_count = AZ_ARRAY_LEN(ws_system_fields);
#undef F

const ws_choice ws_hosting_choices[] = {
    {"", "-", "-"},
    {"on-premises", "オンプレミス", "on-premises"},
    {"cloud", "クラウド", "cloud"},
    {"hybrid", "ハイブリッド", "hybrid"},
};
const size_t ws_hosting_choice_count = AZ_ARRAY_LEN(ws_hosting_choices);

const ws_choice ws_updates_by_choices[] = {
    {"", "-", "-"},
    {"hospital", "医療機関", "hospital"},
    {"vendor", "事業者", "vendor"},
    {"none", "なし", "none"},
};
const size_t ws_updates_by_choice_count = AZ_ARRAY_LEN(ws_updates_by_choices);

const ws_field *ws_system_field(const char *key)
{
    for (size_t i = 0; i < ws_system_field_count; i++)
        if (str_eq(ws_system_fields[i].key, key))
            return &ws_system_fields[i];
    return NULL;
}

static const char *choice_label(const ws_choice *c, size_t n, const char *code, bool english)
{
    if (str_empty(code))
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (str_eq(c[i].code, code))
            return english ? c[i].en : c[i].ja;
    return code;
}

const char *ws_hosting_label(const char *code, bool english)
{
    return choice_label(ws_hosting_choices, ws_hosting_choice_count, code, english);
}

const char *ws_updates_by_label(const char *code, bool english)
{
    return choice_label(ws_updates_by_choices, ws_updates_by_choice_count, code, english);
}

#define MEMBER(sys, f, T) ((T *)(void *)((char *)(sys) + (f)->offset))
#define CMEMBER(sys, f, T) ((const T *)(const void *)((const char *)(sys) + (f)->offset))

char *ws_field_text(const ws_system *sys, const ws_field *f)
{
    switch (f->kind) {
    case WS_FIELD_TRI:
        return xstrdup(ws_tri_name(*CMEMBER(sys, f, ws_tri)));
    case WS_FIELD_INT: {
        int v = *CMEMBER(sys, f, int);
        return v ? xasprintf("%d", v) : xstrdup("");
    }
    case WS_FIELD_VENDOR: {
        int64_t v = *CMEMBER(sys, f, int64_t);
        return v ? xasprintf("%lld", (long long)v) : xstrdup("");
    }
    default: {
        const char *v = *CMEMBER(sys, f, char *const);
        return xstrdup(v ? v : "");
    }
    }
}

static void set_text(ws_system *sys, const ws_field *f, const char *v)
{
    char **p = MEMBER(sys, f, char *);
    free(*p);
    *p = str_empty(v) ? NULL : xstrdup(v);
}

status_code ws_field_set(ws_system *sys, const ws_field *f, const char *text, status_detail *err)
{
    const char *in = text ? text : "";
    switch (f->kind) {
    case WS_FIELD_TEXT:
    case WS_FIELD_LINES:
        set_text(sys, f, in);
        return STATUS_OK;
    case WS_FIELD_DATE: {
        char iso[11] = "";
        if (*in && !jpdate_parse_iso(in, iso, err))
            return status_failed(err);
        set_text(sys, f, iso);
        return STATUS_OK;
    }
    case WS_FIELD_TRI: {
        ws_tri t;
        if (!ws_tri_parse(in, &t))
            return status_fail(err, &(status_info){STATUS_NOT_YES_NO, .value = in});
        *MEMBER(sys, f, ws_tri) = t;
        return STATUS_OK;
    }
    case WS_FIELD_INT:
    case WS_FIELD_VENDOR: {
        int64_t n = 0;
        str_num k = *in ? str_to_int64(in, 0, f->kind == WS_FIELD_INT ? 10000 : INT64_MAX, &n) : STR_NUM_OK;
        if (k != STR_NUM_OK)
            return status_fail(err, &(status_info){k == STR_NUM_RANGE ? STATUS_NUMBER_OUT_OF_RANGE : STATUS_NOT_A_NUMBER,
                                                   .value = in, .extra = f->kind == WS_FIELD_INT ? "0..10000" : NULL});
        if (f->kind == WS_FIELD_INT)
            *MEMBER(sys, f, int) = (int)n;
        else
            *MEMBER(sys, f, int64_t) = n;
        return STATUS_OK;
    }
    case WS_FIELD_CATEGORY: {
        const ws_category *c = ws_category_parse(in);
        if (!c)
            return status_fail(err, &(status_info){STATUS_CATEGORY_UNKNOWN, .value = in});
        set_text(sys, f, c->code);
        return STATUS_OK;
    }
    case WS_FIELD_HOSTING:
    case WS_FIELD_UPDATES_BY: {
        bool hosting = f->kind == WS_FIELD_HOSTING;
        const char *v = hosting ? ws_hosting_parse(in) : ws_updates_by_parse(in);
        if (!v)
            return status_fail(err, &(status_info){hosting ? STATUS_HOSTING_UNKNOWN : STATUS_UPDATES_BY_UNKNOWN,
                                                   .value = in});
        set_text(sys, f, v);
        return STATUS_OK;
    }
    }
    return STATUS_OK;
}

bool ws_system_unsupported(const ws_system *sys, const char *today)
{
    return !str_empty(sys->end_of_support) && !str_empty(today) && strcmp(sys->end_of_support, today) < 0;
}
