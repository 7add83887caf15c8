#include "doc_source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The assessment row without its summary: assess_get would compute progress, which loads the
 * catalog and the answers a second time (a third of an export's time at 1,000 items). */
static status_code assessment_row(store *st, int64_t id, assessment *out, status_detail *err)
{
    int64_t found = 0;
    char key[32];
    snprintf(key, sizeof key, "%lld", (long long)id);
    status_code r = assess_find(st, key, &found, err);
    if (r != STATUS_OK)
        return r;
    assessment *list = NULL;
    size_t n = 0;
    if ((r = assess_list_rows(st, NULL, &list, &n, err)) != STATUS_OK)
        return r;
    r = STATUS_ASSESSMENT_NOT_FOUND;
    for (size_t i = 0; i < n; i++)
        if (list[i].id == id) {
            *out = list[i];
            memset(&list[i], 0, sizeof list[i]);
            r = STATUS_OK;
        }
    assessment_list_free(list, n);
    if (r != STATUS_OK)
        status_fail(err, &(status_info){STATUS_ASSESSMENT_NOT_FOUND, .id = id});
    return r;
}

/* Reads the organisation, system and vendor; a missing one (its NOT_FOUND status) leaves its
 * have_ flag false, any other failure is returned. */
static status_code load_workspace(store *st, doc_source *out, status_detail *err)
{
    status_code r = ws_org_get(st, &out->org, err);
    out->have_org = r == STATUS_OK;
    if (r != STATUS_OK && r != STATUS_ORG_MISSING)
        return r;
    if (out->as.scope == SCOPE_SYSTEM && out->as.system_id) {
        r = ws_system_get(st, out->as.system_id, &out->sys, err);
        out->have_system = r == STATUS_OK;
        if (r != STATUS_OK && r != STATUS_SYSTEM_NOT_FOUND)
            return r;
    }
    if (out->as.vendor_id) {
        r = ws_vendor_get(st, out->as.vendor_id, &out->vendor, err);
        out->have_vendor = r == STATUS_OK;
        if (r != STATUS_OK && r != STATUS_VENDOR_NOT_FOUND)
            return r;
    }
    status_detail_free(err);
    return STATUS_OK;
}

status_code doc_source_open(store *st, int64_t id, const char *date, bool english, doc_source *out,
                            status_detail *err)
{
    memset(out, 0, sizeof *out);
    out->st = st;
    out->english = english;
    if (date) {
        if (!jpdate_is_iso(date) || !jpdate_parse(date, &out->today, NULL))
            return status_fail(err, &(status_info){STATUS_DATE_NOT_ISO, .field = "date", .value = date});
    } else {
        out->today = jpdate_today();
    }
    jpdate_format_iso(out->today, out->date);
    status_code r = assessment_row(st, id, &out->as, err);
    if (r != STATUS_OK)
        return r;
    out->cat = catalog_db_load(st, out->as.catalog_id, out->as.catalog_version);
    if (!out->cat) {
        char *label = xasprintf("%s@%s", out->as.catalog_id, out->as.catalog_version);
        r = status_fail(err, &(status_info){STATUS_CATALOG_GONE, .entity = label, .id = id});
        free(label);
        assessment_free(&out->as);
        return r;
    }
    if ((r = assess_load_answers(st, id, &out->answers, err)) == STATUS_OK) {
        if ((r = assess_field_load(st, id, &out->fields, err)) == STATUS_OK)
            r = load_workspace(st, out, err);
    }
    if (r != STATUS_OK)
        doc_source_close(out);
    return r;
}

void doc_source_close(doc_source *src)
{
    if (src->have_org)
        ws_org_free(&src->org);
    if (src->have_system)
        ws_system_free(&src->sys);
    if (src->have_vendor)
        ws_vendor_free(&src->vendor);
    assess_field_list_free(&src->fields);
    answer_set_free(&src->answers);
    catalog_free(src->cat);
    assessment_free(&src->as);
    memset(src, 0, sizeof *src);
}

const answer *doc_source_answer(const doc_source *src, const char *item_id)
{
    return answer_set_effective(&src->answers, item_id);
}

const char *doc_source_value_label(const doc_source *src, const char *value)
{
    if (!value)
        return "";
    const answer_def *d = catalog_find_answer(src->cat, value);
    return d ? i18n_get(&d->label, src->english) : value;
}

bool doc_source_meaning(const doc_source *src, const answer *x, answer_meaning *out)
{
    const answer_def *d = x && x->value ? catalog_find_answer(src->cat, x->value) : NULL;
    if (d)
        *out = d->meaning;
    return d != NULL;
}

const char *doc_resp_label(responsibility r)
{
    switch (r) {
    case RESP_HOSPITAL: return "医療機関";
    case RESP_VENDOR: return "事業者";
    case RESP_JOINT: return "共同";
    case RESP_NA: return "対象外";
    case RESP_NONE: break;
    }
    return "";
}

responsibility doc_source_owner(const catalog_node *n, const answer *x)
{
    if (x && x->owner != RESP_NONE)
        return x->owner;
    return n ? n->resp : RESP_NONE;
}

char *doc_source_owner_text(const doc_source *src, const catalog_node *n, const answer *x)
{
    responsibility r = doc_source_owner(n, x);
    if (r == RESP_NONE)
        return xstrdup("");
    /* the vendor named on the answer, else the assessment's vendor for a vendor-side party */
    const char *vendor = x && x->owner != RESP_NONE ? x->owner_vendor_name : NULL;
    if (!vendor && (r == RESP_VENDOR || r == RESP_JOINT))
        vendor = src->as.vendor_name;
    if (vendor && (r == RESP_VENDOR || r == RESP_JOINT))
        return xasprintf("%s（%s）", doc_resp_label(r), vendor);
    return xstrdup(doc_resp_label(r));
}

char *doc_source_evidence_line(const doc_source *src, const answer_evidence *e)
{
    strbuf sb = {0};
    sb_add(&sb, e->title ? e->title : "");
    if (!str_empty(e->ref) && !str_eq(e->ref, e->title))
        sb_addf(&sb, "（%s）", e->ref);
    if (!str_empty(e->review)) {
        evidence_state st = evidence_state_on(e->review, src->today);
        sb_addf(&sb, " 見直し期限 %s%s", e->review,
                st == EVIDENCE_EXPIRED ? " 期限切れ" : st == EVIDENCE_DUE ? " 見直し時期" : "");
    }
    return sb_take(&sb);
}

char *doc_source_evidence_text(const doc_source *src, const answer *x)
{
    strbuf sb = {0};
    for (size_t i = 0; x && i < x->nevidence; i++) {
        char *line = doc_source_evidence_line(src, &x->evidence[i]);
        sb_addf(&sb, "%s%s", i ? "\n" : "", line);
        free(line);
    }
    return sb.data ? sb_take(&sb) : xstrdup("");
}

char *doc_source_note_text(const answer *x)
{
    if (!x)
        return xstrdup("");
    if (str_empty(x->reason))
        return xstrdup(x->note ? x->note : "");
    return xasprintf("理由: %s%s%s", x->reason, str_empty(x->note) ? "" : "\n", x->note ? x->note : "");
}

const char *doc_source_node_title(const doc_source *src, const catalog_node *n)
{
    if (n->kind == NODE_ITEM && n->text.ja)
        return i18n_get(&n->text, src->english);
    return n->title.ja ? i18n_get(&n->title, src->english) : i18n_get(&n->text, src->english);
}

char *doc_source_scope_text(const doc_source *src)
{
    if (src->as.scope == SCOPE_ORG)
        return xstrdup("医療機関全体");
    const char *sys = src->as.system_name ? src->as.system_name : "?";
    return xstrdup(sys);
}

void doc_source_meta(const doc_source *src, export_doc *doc)
{
    export_doc_meta(doc, "施設名", src->have_org ? src->org.name : "");
    char *scope = doc_source_scope_text(src);
    export_doc_meta(doc, "対象システム", scope);
    free(scope);
    export_doc_meta(doc, "事業者", src->as.vendor_name ? src->as.vendor_name : "");
    char *fy = jpdate_fy_label_both(src->as.fy, false);
    export_doc_meta(doc, "年度", fy);
    free(fy);
    const char *shortname = src->cat->short_title.ja ? i18n_get(&src->cat->short_title, src->english)
                                                     : i18n_get(&src->cat->title, src->english);
    char *form = xasprintf("%s（%s@%s）", shortname, src->cat->id, src->cat->version);
    export_doc_meta(doc, "様式", form);
    free(form);
    doc_source_field_meta(src, doc);
    if (src->as.signed_at) {
        char *sign = xasprintf("%s（%s） %.10s%s", src->as.signed_by ? src->as.signed_by : "",
                               src->as.signed_role ? src->as.signed_role : "", src->as.signed_at,
                               src->as.changed_since_signoff ? " 承認後に変更あり" : "");
        export_doc_meta(doc, "承認", sign);
        free(sign);
    }
    export_doc_meta(doc, "作成日", src->date);
    export_doc_set_date(doc, src->date);
    export_doc_set_lang(doc, src->english ? "en" : "ja");
    if (src->have_org && src->org.security_officer)
        export_doc_set_author(doc, src->org.security_officer);
}

const char *doc_source_field(const doc_source *src, const char *key)
{
    const assess_field_value *v = assess_field_get(&src->fields, key);
    return v ? v->value : "";
}

void doc_source_field_meta(const doc_source *src, export_doc *doc)
{
    for (size_t i = 0; i < src->cat->nfields; i++) {
        const catalog_field *f = &src->cat->fields[i];
        export_doc_meta(doc, i18n_get(&f->label, src->english), doc_source_field(src, f->key));
    }
}
