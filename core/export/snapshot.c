#include "snapshot.h"

#include <cjson/cJSON.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "catalog/lib.h"
#include "history/lib.h"
#include "text/lib.h"
#include "doc.h"
#include "format.h"

#define DATA_OPEN "<script type=\"application/json\" id=\"anzen-snapshot-data\">"
#define MANIFEST_OPEN "<script type=\"application/json\" id=\"anzen-snapshot-manifest\">"
#define BLOCK_CLOSE "</script>\n"

/* ---- canonical text and hashes ---- */

static char *canon(const cJSON *j)
{
    char *s = cJSON_PrintUnformatted(j);
    if (!s) {
        fprintf(stderr, "anzen: out of memory (JSON)\n");
        abort();
    }
    char *r = xstrdup(s);
    cJSON_free(s);
    return r;
}

static void sha_hex(const char *s, char out[SNAPSHOT_HASH_HEX])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, strlen(s), (const uint8_t *)s);
    sha256_digest(&ctx, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

/* The canonical text for a <script> data block: < > & as \u escapes (they occur only inside
 * JSON strings, where the escape means the same character). */
static char *script_text(const cJSON *j)
{
    char *c = canon(j);
    strbuf sb = {0};
    for (const char *p = c; *p; p++) {
        if (*p == '<')
            sb_add(&sb, "\\u003c");
        else if (*p == '>')
            sb_add(&sb, "\\u003e");
        else if (*p == '&')
            sb_add(&sb, "\\u0026");
        else
            sb_addc(&sb, *p);
    }
    free(c);
    return sb_take(&sb);
}

static void add_str(cJSON *o, const char *key, const char *v)
{
    if (v)
        cJSON_AddStringToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

static const char *js(const cJSON *o, const char *key)
{
    return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

/* The same, "" when absent: the page is also rendered from data a verifier was handed, which
 * may lack any key. */
static const char *jz(const cJSON *o, const char *key)
{
    const char *v = js(o, key);
    return v ? v : "";
}

/* ---- the data ---- */

static cJSON *assessment_entry(const assessment *a, const catalog *c, const assess_field_list *vals)
{
    cJSON *e = cJSON_CreateObject();
    char *id = xasprintf("assessment/%lld", (long long)a->id);
    cJSON_AddStringToObject(e, "id", id);
    free(id);
    cJSON_AddStringToObject(e, "type", "assessment");
    cJSON_AddNumberToObject(e, "assessment", (double)a->id);
    cJSON_AddStringToObject(e, "catalog", a->catalog_id);
    cJSON_AddStringToObject(e, "version", a->catalog_version);
    add_str(e, "catalog_title", c ? c->title.ja : NULL);
    add_str(e, "kind", c ? c->kind : NULL);
    cJSON_AddStringToObject(e, "scope", a->scope == SCOPE_ORG ? "organisation" : "system");
    add_str(e, "system", a->system_name);
    add_str(e, "vendor", a->vendor_name);
    cJSON_AddNumberToObject(e, "fy", a->fy);
    char *fyl = jpdate_fy_label_both(a->fy, false);
    cJSON_AddStringToObject(e, "fy_label", fyl);
    free(fyl);
    add_str(e, "title", a->title);
    add_str(e, "created_at", a->created_at);
    add_str(e, "created_by", a->created_by);
    add_str(e, "signed_by", a->signed_by);
    add_str(e, "signed_role", a->signed_role);
    add_str(e, "signed_at", a->signed_at);
    cJSON_AddBoolToObject(e, "changed_since_signoff", a->changed_since_signoff);
    cJSON_AddNumberToObject(e, "items", a->items);
    cJSON_AddNumberToObject(e, "answered", a->answered);
    /* header fields in catalog order (all of them, so an empty one shows as null) */
    cJSON *fields = cJSON_AddArrayToObject(e, "fields");
    for (size_t i = 0; c && i < c->nfields; i++) {
        const assess_field_value *v = assess_field_get(vals, c->fields[i].key);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "key", c->fields[i].key);
        add_str(o, "label", c->fields[i].label.ja);
        add_str(o, "value", v ? v->value : NULL);
        add_str(o, "updated_by", v ? v->updated_by : NULL);
        add_str(o, "updated_at", v ? v->updated_at : NULL);
        cJSON_AddItemToArray(fields, o);
    }
    return e;
}

static cJSON *answer_entry(int64_t aid, const answer *x, const catalog *c)
{
    cJSON *e = cJSON_CreateObject();
    char *party = x->party == PARTY_VENDOR ? xasprintf("vendor-%lld", (long long)x->party_vendor_id)
                                           : xstrdup(answer_party_name(x->party));
    char *id = xasprintf("answer/%lld/%s/%s", (long long)aid, x->item_id, party);
    cJSON_AddStringToObject(e, "id", id);
    free(id);
    cJSON_AddStringToObject(e, "type", "answer");
    cJSON_AddNumberToObject(e, "assessment", (double)aid);
    cJSON_AddStringToObject(e, "item", x->item_id);
    const catalog_node *n = c ? catalog_find_node(c, x->item_id) : NULL;
    add_str(e, "ref", n ? n->ref : NULL);
    add_str(e, "item_title", n ? (n->title.ja ? n->title.ja : n->text.ja) : NULL);
    cJSON_AddStringToObject(e, "party", party);
    free(party);
    add_str(e, "value", x->value);
    const answer_def *d = c && x->value ? catalog_find_answer(c, x->value) : NULL;
    add_str(e, "label", d ? d->label.ja : NULL);
    add_str(e, "reason", x->reason);
    add_str(e, "checked", x->checked);
    add_str(e, "due", x->due);
    add_str(e, "done", x->done);
    add_str(e, "owner", x->owner != RESP_NONE ? responsibility_name(x->owner) : NULL);
    add_str(e, "owner_vendor", x->owner_vendor_name);
    add_str(e, "note", x->note);
    cJSON *ev = cJSON_AddArrayToObject(e, "evidence");
    for (size_t i = 0; i < x->nevidence; i++) {
        /* the register entry as it stood: title, reference, review date */
        const answer_evidence *r = &x->evidence[i];
        strbuf sb = {0};
        sb_add(&sb, r->title ? r->title : "");
        if (!str_empty(r->ref) && !str_eq(r->ref, r->title))
            sb_addf(&sb, "（%s）", r->ref);
        if (!str_empty(r->review))
            sb_addf(&sb, " 見直し期限 %s", r->review);
        cJSON_AddItemToArray(ev, cJSON_CreateString(sb_str(&sb)));
        sb_free(&sb);
    }
    add_str(e, "answered_by", x->answered_by);
    add_str(e, "updated_at", x->updated_at);
    return e;
}

/* Adds (name, 1) to a list of {key: name, "actions": n} kept sorted by name. */
static void tally(cJSON *arr, const char *key, const char *name)
{
    name = name ? name : "";
    cJSON *it;
    int pos = 0;
    cJSON_ArrayForEach(it, arr)
    {
        int cmp = strcmp(js(it, key), name);
        if (cmp == 0) {
            cJSON *n = cJSON_GetObjectItemCaseSensitive(it, "actions");
            cJSON_SetNumberValue(n, n->valuedouble + 1);
            return;
        }
        if (cmp > 0)
            break;
        pos++;
    }
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, key, name);
    cJSON_AddNumberToObject(o, "actions", 1);
    cJSON_InsertItemInArray(arr, pos, o);
}

static cJSON *history_entry(int64_t aid, const history_row *rows, size_t n)
{
    cJSON *e = cJSON_CreateObject();
    char *id = xasprintf("history/%lld", (long long)aid);
    cJSON_AddStringToObject(e, "id", id);
    free(id);
    cJSON_AddStringToObject(e, "type", "history");
    cJSON_AddNumberToObject(e, "assessment", (double)aid);
    size_t actions = 0;
    cJSON *by = cJSON_CreateArray(), *kinds = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && rows[i].action == rows[i - 1].action)
            continue;
        actions++;
        tally(by, "who", rows[i].who);
        tally(kinds, "kind", rows[i].kind);
    }
    cJSON_AddNumberToObject(e, "actions", (double)actions);
    cJSON_AddNumberToObject(e, "changes", (double)n);
    add_str(e, "first", n ? rows[0].at : NULL);
    add_str(e, "last", n ? rows[n - 1].at : NULL);
    add_str(e, "last_by", n ? rows[n - 1].who : NULL);
    cJSON_AddItemToObject(e, "by", by);
    cJSON_AddItemToObject(e, "kinds", kinds);
    return e;
}

/* The entries of one assessment appended to entries; a failed read is its status. */
static status_code assessment_entries(store *st, int64_t aid, cJSON *entries, status_detail *err)
{
    assessment a;
    status_code r = assess_get(st, aid, &a, err);
    if (r != STATUS_OK)
        return r;
    const catalog *c = catalog_db_get(st, a.catalog_id, a.catalog_version);
    assess_field_list vals = {0};
    answer_set set = {0};
    history_row *rows = NULL;
    size_t n = 0;
    history_filter f = {.assessment_id = aid};
    if ((r = assess_field_load(st, aid, &vals, err)) == STATUS_OK &&
        (r = assess_load_answers(st, aid, &set, err)) == STATUS_OK &&
        (r = history_list(st, &f, &rows, &n, err)) == STATUS_OK) {
        cJSON_AddItemToArray(entries, assessment_entry(&a, c, &vals));
        for (size_t k = 0; k < set.len; k++)
            cJSON_AddItemToArray(entries, answer_entry(aid, &set.items[k], c));
        cJSON_AddItemToArray(entries, history_entry(aid, rows, n));
    }
    history_list_free(rows, n);
    answer_set_free(&set);
    assess_field_list_free(&vals);
    assessment_free(&a);
    return r;
}

static status_code data_json(store *st, const int64_t *ids, size_t n, const char *date, cJSON **out,
                             status_detail *err)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", "anzen-snapshot/1");
    cJSON_AddStringToObject(root, "date", date);
    cJSON *entries = cJSON_AddArrayToObject(root, "entries");
    for (size_t i = 0; i < n; i++) {
        status_code r = assessment_entries(st, ids[i], entries, err);
        if (r != STATUS_OK) {
            cJSON_Delete(root);
            return r;
        }
    }
    *out = root;
    return STATUS_OK;
}

static cJSON *manifest_of(const cJSON *data, char overall[SNAPSHOT_HASH_HEX])
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "format", "anzen-snapshot-manifest/1");
    cJSON_AddStringToObject(m, "algorithm", "SHA-256");
    char *all = canon(data);
    sha_hex(all, overall);
    free(all);
    cJSON_AddStringToObject(m, "overall", overall);
    cJSON *list = cJSON_AddArrayToObject(m, "entries");
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(data, "entries"))
    {
        char *t = canon(e), hex[SNAPSHOT_HASH_HEX];
        sha_hex(t, hex);
        free(t);
        cJSON *o = cJSON_CreateObject();
        add_str(o, "id", js(e, "id"));
        cJSON_AddStringToObject(o, "sha256", hex);
        cJSON_AddItemToArray(list, o);
    }
    return m;
}

/* ---- the readable page, from the data alone ---- */

static const export_column_def kv_columns[] = {
    {"key", "項目", 16, EXPORT_COL_TEXT, false},
    {"value", "内容", 60, EXPORT_COL_TEXT, true},
};

static const export_column_def answer_columns[] = {
    {"ref", "番号", 8, EXPORT_COL_TEXT, false},       {"item", "項目", 22, EXPORT_COL_TEXT, true},
    {"party", "回答者", 8, EXPORT_COL_TEXT, false},   {"value", "回答", 6, EXPORT_COL_MARK, false},
    {"reason", "理由", 16, EXPORT_COL_TEXT, true},
    {"checked", "確認日", 10, EXPORT_COL_DATE, false}, {"due", "目標日", 10, EXPORT_COL_DATE, false},
    {"done", "完了日", 10, EXPORT_COL_DATE, false},    {"owner", "担当", 10, EXPORT_COL_TEXT, true},
    {"note", "メモ", 20, EXPORT_COL_TEXT, true},       {"evidence", "証跡", 14, EXPORT_COL_TEXT, true},
    {"by", "入力者", 8, EXPORT_COL_TEXT, true},       {"at", "更新日時", 20, EXPORT_COL_TEXT, false},
};

static const export_column_def manifest_columns[] = {
    {"entry", "エントリ", 36, EXPORT_COL_TEXT, true},
    {"sha256", "SHA-256", 64, EXPORT_COL_TEXT, true},
};

static int num(const cJSON *o, const char *key)
{
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(n) && n->valuedouble > -1e9 && n->valuedouble < 1e9 ? (int)n->valuedouble : 0;
}

static void kv(export_table *t, const char *key, const char *value)
{
    export_table_row(t, (const char *[]){key, value ? value : ""});
}

static char *list_text(const cJSON *arr, const char *key)
{
    strbuf sb = {0};
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        if (sb.len)
            sb_addc(&sb, '\n');
        if (key)
            sb_addf(&sb, "%s: %d", jz(it, key),
                    num(it, "actions"));
        else if (cJSON_IsString(it))
            sb_add(&sb, it->valuestring);
    }
    return sb.data ? sb_take(&sb) : xstrdup("");
}

static char *num_text(const cJSON *o, const char *key)
{
    return xasprintf("%d", num(o, key));
}

static void page_assessment(export_doc *doc, const cJSON *e, export_table **answers)
{
    char *heading = xasprintf("評価 #%d %s %s", num(e, "assessment"),
                              *jz(e, "catalog_title") ? jz(e, "catalog_title") : jz(e, "catalog"),
                              jz(e, "fy_label"));
    export_section *sec = export_section_add(doc, heading);
    free(heading);
    sec->page_break = true;
    export_table *t = export_table_add(sec, "assessment", NULL, kv_columns, AZ_ARRAY_LEN(kv_columns));
    char *cat = xasprintf("%s@%s（%s）", jz(e, "catalog"), jz(e, "version"), jz(e, "kind"));
    kv(t, "様式", cat);
    free(cat);
    kv(t, "対象", str_eq(jz(e, "scope"), "organisation") ? "医療機関全体" : jz(e, "system"));
    kv(t, "事業者", jz(e, "vendor"));
    kv(t, "表題", jz(e, "title"));
    char *created = xasprintf("%s %s", jz(e, "created_at") ? jz(e, "created_at") : "",
                              jz(e, "created_by") ? jz(e, "created_by") : "");
    kv(t, "作成", created);
    free(created);
    if (js(e, "signed_at")) {
        char *s = xasprintf("%s（%s） %s%s", jz(e, "signed_by"), jz(e, "signed_role"), jz(e, "signed_at"),
                            cJSON_IsTrue(cJSON_GetObjectItem(e, "changed_since_signoff")) ? " 承認後に変更あり" : "");
        kv(t, "承認", s);
        free(s);
    } else {
        kv(t, "承認", "未承認");
    }
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(e, "fields"))
    {
        char *v = js(f, "value") ? xasprintf("%s（%s %s）", jz(f, "value"), jz(f, "updated_by") ? jz(f, "updated_by") : "",
                                             jz(f, "updated_at") ? jz(f, "updated_at") : "")
                                 : xstrdup("");
        kv(t, js(f, "label") ? jz(f, "label") : jz(f, "key"), v);
        free(v);
    }
    char *items = num_text(e, "items"), *answered = num_text(e, "answered");
    char *count = xasprintf("%s 項目中 %s 項目回答済", items, answered);
    kv(t, "回答状況", count);
    free(count);
    free(items);
    free(answered);
    *answers = export_table_add(sec, "answers", "回答（全回答者）", answer_columns, AZ_ARRAY_LEN(answer_columns));
}

static void page_answer(export_table *t, const cJSON *e)
{
    char *ev = list_text(cJSON_GetObjectItem(e, "evidence"), NULL);
    char *owner = js(e, "owner_vendor") ? xasprintf("%s（%s）", jz(e, "owner"), jz(e, "owner_vendor"))
                                        : xstrdup(jz(e, "owner"));
    const char *value = js(e, "label") ? jz(e, "label") : jz(e, "value");
    const char *cells[] = {jz(e, "ref"),  jz(e, "item_title"), jz(e, "party"), value, jz(e, "reason"), jz(e, "checked"),
                           jz(e, "due"),  jz(e, "done"),       owner,          jz(e, "note"), ev,
                           jz(e, "answered_by"), jz(e, "updated_at")};
    export_table_row(t, cells);
    free(ev);
    free(owner);
}

static void page_history(export_doc *doc, const cJSON *e)
{
    export_section *sec = doc->sections[doc->len - 1];
    export_table *t = export_table_add(sec, "history", "変更履歴の要約", kv_columns, AZ_ARRAY_LEN(kv_columns));
    char *a = num_text(e, "actions"), *c = num_text(e, "changes");
    kv(t, "操作数", a);
    kv(t, "変更項目数", c);
    free(a);
    free(c);
    kv(t, "最初の変更", jz(e, "first"));
    char *last = xasprintf("%s %s", jz(e, "last") ? jz(e, "last") : "", jz(e, "last_by") ? jz(e, "last_by") : "");
    kv(t, "最後の変更", last);
    free(last);
    char *by = list_text(cJSON_GetObjectItem(e, "by"), "who"), *kinds = list_text(cJSON_GetObjectItem(e, "kinds"), "kind");
    kv(t, "操作者別", by);
    kv(t, "種類別", kinds);
    free(by);
    free(kinds);
}

static export_doc *page_doc(const cJSON *data, const cJSON *manifest)
{
    export_doc *doc = export_doc_new("snapshot", "立入検査用スナップショット");
    const cJSON *entries = cJSON_GetObjectItemCaseSensitive(data, "entries");
    int nassess = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, entries) nassess += str_eq(jz(e, "type"), "assessment");
    char *sub = xasprintf("評価 %d 件の回答・日付・メモ・証跡・承認と変更履歴の要約", nassess);
    export_doc_set_subtitle(doc, sub);
    free(sub);
    export_doc_set_date(doc, jz(data, "date"));
    export_doc_meta(doc, "作成日", jz(data, "date"));
    export_doc_meta(doc, "SHA-256（全体）", jz(manifest, "overall"));
    export_doc_meta(doc, "形式", jz(data, "format"));
    export_section *intro = export_section_add(doc, "このファイルについて");
    export_paragraph_add(intro, "このページは anzen が記録した回答をそのまま収めたもので、末尾に機械可読の JSON "
                                "とその SHA-256 マニフェストを埋め込んでいる。`anzen verify ファイル` で、作成後に"
                                "1バイトでも変更されていないかを確かめられる。全体の SHA-256 は立入検査の記録に控えておく。");
    export_table *answers = NULL;
    cJSON_ArrayForEach(e, entries)
    {
        if (str_eq(jz(e, "type"), "assessment"))
            page_assessment(doc, e, &answers);
        else if (str_eq(jz(e, "type"), "answer") && answers)
            page_answer(answers, e);
        else if (str_eq(jz(e, "type"), "history") && doc->len > 1)
            page_history(doc, e);
    }
    export_section *ms = export_section_add(doc, "マニフェスト（SHA-256）");
    ms->page_break = true;
    export_table *t = export_table_add(ms, "manifest", NULL, manifest_columns, AZ_ARRAY_LEN(manifest_columns));
    kv(t, "（全体）", jz(manifest, "overall"));
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(manifest, "entries")) kv(t, jz(e, "id"), jz(e, "sha256"));
    return doc;
}

/* The whole page: the HTML renderer's page with the two data blocks before </body>. */
static char *page_of(const cJSON *data, const cJSON *manifest, size_t *len)
{
    export_doc *doc = page_doc(data, manifest);
    char *html = NULL;
    size_t hlen = 0;
    FILE *fp = open_memstream(&html, &hlen);
    if (!fp) {
        fprintf(stderr, "anzen: out of memory (snapshot)\n");
        abort();
    }
    export_sink sink = {fp, "snapshot", NULL};
    export_status s = export_format_html.render(doc, &sink);
    fclose(fp);
    export_doc_free(doc);
    if (s != EXPORT_OK) {
        fprintf(stderr, "anzen: internal: snapshot page not rendered\n");
        abort();
    }
    const char *body_end = strstr(html, "</body>");
    size_t head = body_end ? (size_t)(body_end - html) : hlen;
    char *dt = script_text(data), *mt = script_text(manifest);
    strbuf sb = {0};
    sb_addn(&sb, html, head);
    sb_add(&sb, DATA_OPEN);
    sb_add(&sb, dt);
    sb_add(&sb, BLOCK_CLOSE);
    sb_add(&sb, MANIFEST_OPEN);
    sb_add(&sb, mt);
    sb_add(&sb, BLOCK_CLOSE);
    sb_add(&sb, html + head);
    free(dt);
    free(mt);
    free(html);
    *len = sb.len;
    return sb_take(&sb);
}

status_code snapshot_build(store *st, const int64_t *ids, size_t n, const char *date, char **page, size_t *len,
                           char overall[SNAPSHOT_HASH_HEX], status_detail *err)
{
    *page = NULL;
    *len = 0;
    char iso[11];
    if (date) {
        if (!jpdate_is_iso(date))
            return status_fail(err, &(status_info){STATUS_DATE_NOT_ISO, .field = "date", .value = date});
        snprintf(iso, sizeof iso, "%s", date);
    } else {
        jpdate_format_iso(jpdate_today(), iso);
    }
    cJSON *data;
    status_code r = data_json(st, ids, n, iso, &data, err);
    if (r != STATUS_OK)
        return r;
    cJSON *manifest = manifest_of(data, overall);
    *page = page_of(data, manifest, len);
    cJSON_Delete(manifest);
    cJSON_Delete(data);
    return STATUS_OK;
}

/* ---- verifying ---- */

/* The JSON text of the block that starts with `open`, NULL when absent. Caller frees. */
static char *block(const char *data, size_t len, const char *open)
{
    size_t ol = strlen(open);
    for (size_t i = 0; i + ol <= len; i++) {
        if (memcmp(data + i, open, ol) != 0)
            continue;
        const char *start = data + i + ol;
        size_t rest = len - i - ol;
        for (size_t k = 0; k + 9 <= rest; k++)
            if (memcmp(start + k, "</script>", 9) == 0)
                return xstrndup(start, k);
        return NULL;
    }
    return NULL;
}

static cJSON *parse_block(const char *data, size_t len, const char *open, const char *format, bool *present)
{
    char *text = block(data, len, open);
    *present = text != NULL;
    cJSON *j = text ? cJSON_Parse(text) : NULL;
    free(text);
    if (j && !str_eq(js(j, "format"), format)) {
        cJSON_Delete(j);
        j = NULL;
    }
    return j;
}

static void add_diff(snapshot_check *c, const char *id, snapshot_change ch)
{
    c->diffs = xrealloc(c->diffs, (c->ndiffs + 1) * sizeof *c->diffs);
    c->diffs[c->ndiffs++] = (snapshot_diff){xstrdup(id ? id : "?"), ch};
}

static const cJSON *manifest_entry(const cJSON *manifest, const char *id)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(manifest, "entries")) if (str_eq(js(e, "id"), id)) return e;
    return NULL;
}

void snapshot_verify(const char *data, size_t len, snapshot_check *out)
{
    memset(out, 0, sizeof *out);
    bool present;
    cJSON *d = parse_block(data, len, DATA_OPEN, "anzen-snapshot/1", &present);
    if (!d || !cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(d, "entries"))) {
        out->problem = present ? SNAPSHOT_BAD_DATA : SNAPSHOT_NO_DATA;
        cJSON_Delete(d);
        return;
    }
    cJSON *m = parse_block(data, len, MANIFEST_OPEN, "anzen-snapshot-manifest/1", &present);
    if (!m) {
        out->problem = present ? SNAPSHOT_BAD_MANIFEST : SNAPSHOT_NO_MANIFEST;
        cJSON_Delete(d);
        return;
    }
    cJSON *fresh = manifest_of(d, out->overall);
    out->overall_changed = !str_eq(js(m, "overall"), out->overall);
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(fresh, "entries"))
    {
        out->entries++;
        const cJSON *old = manifest_entry(m, js(e, "id"));
        if (!old)
            add_diff(out, js(e, "id"), SNAPSHOT_ENTRY_ADDED);
        else if (!str_eq(js(old, "sha256"), js(e, "sha256")))
            add_diff(out, js(e, "id"), SNAPSHOT_ENTRY_CHANGED);
    }
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(m, "entries")) if (!manifest_entry(fresh, js(e, "id")))
        add_diff(out, js(e, "id"), SNAPSHOT_ENTRY_REMOVED);
    /* the page is a function of the data: anything else that differs was edited by hand */
    size_t plen;
    char *page = page_of(d, fresh, &plen);
    size_t at = 0;
    while (at < plen && at < len && page[at] == data[at])
        at++;
    out->page_changed = at != plen || plen != len;
    out->page_offset = at;
    free(page);
    cJSON_Delete(fresh);
    cJSON_Delete(m);
    cJSON_Delete(d);
    out->ok = !out->ndiffs && !out->overall_changed && !out->page_changed;
}

void snapshot_check_free(snapshot_check *c)
{
    for (size_t i = 0; i < c->ndiffs; i++)
        free(c->diffs[i].id);
    free(c->diffs);
    memset(c, 0, sizeof *c);
}
