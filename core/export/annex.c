/* The annex builder: contract → template data → Markdown, plus its digest and the writer. */
#include "annex.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/lib.h"
#include "catalog/lib.h"
#include "contract/lib.h"
#include "escape.h"
#include "store/lib.h"
#include "text/lib.h"
#include "write.h"

static const tmpl_field system_fields[] = {
    {"name", TMPL_TEXT, NULL}, {"category", TMPL_TEXT, NULL}, {"product", TMPL_TEXT, NULL},
    {"remote_method", TMPL_TEXT, NULL}, {NULL, TMPL_TEXT, NULL}};
static const tmpl_field article_fields[] = {
    {"number", TMPL_TEXT, NULL}, {"ref", TMPL_TEXT, NULL},     {"title", TMPL_TEXT, NULL},
    {"text", TMPL_TEXT, NULL},   {"cites", TMPL_TEXT, NULL},   {"related", TMPL_TEXT, NULL},
    {"why", TMPL_TEXT, NULL},    {"decision", TMPL_TEXT, NULL}, {NULL, TMPL_TEXT, NULL}};
static const tmpl_field matrix_fields[] = {{"component", TMPL_TEXT, NULL}, {"normal", TMPL_TEXT, NULL},
                                           {"emergency", TMPL_TEXT, NULL}, {"exit", TMPL_TEXT, NULL},
                                           {NULL, TMPL_TEXT, NULL}};
static const tmpl_field param_fields[] = {
    {"article", TMPL_TEXT, NULL}, {"ref", TMPL_TEXT, NULL},   {"clause", TMPL_TEXT, NULL},
    {"label", TMPL_TEXT, NULL},   {"value", TMPL_TEXT, NULL}, {"status", TMPL_TEXT, NULL},
    {NULL, TMPL_TEXT, NULL}};
static const tmpl_field open_fields[] = {
    {"system", TMPL_TEXT, NULL}, {"catalog", TMPL_TEXT, NULL}, {"ref", TMPL_TEXT, NULL},  {"title", TMPL_TEXT, NULL},
    {"answer", TMPL_TEXT, NULL}, {"due", TMPL_TEXT, NULL},     {"note", TMPL_TEXT, NULL}, {"reason", TMPL_TEXT, NULL},
    {"evidence", TMPL_TEXT, NULL}, {NULL, TMPL_TEXT, NULL}};
static const tmpl_field excluded_fields[] = {
    {"ref", TMPL_TEXT, NULL}, {"title", TMPL_TEXT, NULL}, {"reason", TMPL_TEXT, NULL}, {NULL, TMPL_TEXT, NULL}};

const tmpl_field annex_schema[] = {
    {"title", TMPL_TEXT, NULL},        {"contract_ref", TMPL_TEXT, NULL},   {"hospital", TMPL_TEXT, NULL},
    {"hospital_address", TMPL_TEXT, NULL}, {"hospital_representative", TMPL_TEXT, NULL},
    {"vendor", TMPL_TEXT, NULL},       {"vendor_contact", TMPL_TEXT, NULL}, {"systems_text", TMPL_TEXT, NULL},
    {"term_start", TMPL_TEXT, NULL},   {"term_end", TMPL_TEXT, NULL},       {"term", TMPL_TEXT, NULL},
    {"date", TMPL_TEXT, NULL},         {"date_wareki", TMPL_TEXT, NULL},    {"library", TMPL_TEXT, NULL},
    {"library_title", TMPL_TEXT, NULL}, {"systems", TMPL_LIST, system_fields},
    {"articles", TMPL_LIST, article_fields}, {"matrix", TMPL_LIST, matrix_fields},
    {"params", TMPL_LIST, param_fields}, {"open_items", TMPL_LIST, open_fields},
    {"excluded", TMPL_LIST, excluded_fields}, {NULL, TMPL_TEXT, NULL}};

void annex_doc_free(annex_doc *d)
{
    free(d->title);
    free(d->date);
    free(d->body);
    free(d->footer);
    *d = (annex_doc){0};
}

bool annex_format_parse(const char *name, annex_format *out)
{
    if (!name)
        return false;
    if (strcasecmp(name, "md") == 0 || strcasecmp(name, "markdown") == 0)
        *out = ANNEX_MD;
    else if (strcasecmp(name, "html") == 0 || strcasecmp(name, "htm") == 0)
        *out = ANNEX_HTML;
    else if (strcasecmp(name, "docx") == 0)
        *out = ANNEX_DOCX;
    else
        return false;
    return true;
}

bool annex_format_from_path(const char *path, annex_format *out)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    const char *dot = path ? strrchr(slash ? slash : path, '.') : NULL;
    return dot && annex_format_parse(dot + 1, out);
}

const char *annex_format_name(annex_format f)
{
    return f == ANNEX_MD ? "md" : f == ANNEX_HTML ? "html" : "docx";
}

/* ---- digest ---- */

/* CRLF and lone CR → LF; exactly one final LF. Caller frees. */
static char *canonical(const char *md)
{
    strbuf sb = {0};
    for (const char *p = md; *p; p++) {
        if (*p == '\r') {
            sb_addc(&sb, '\n');
            if (p[1] == '\n')
                p++;
        } else {
            sb_addc(&sb, *p);
        }
    }
    while (sb.len && sb.data[sb.len - 1] == '\n')
        sb.data[--sb.len] = '\0';
    sb_addc(&sb, '\n');
    return sb_take(&sb);
}

void annex_digest(const char *markdown, char hex[65])
{
    char *c = canonical(markdown);
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, strlen(c), (const uint8_t *)c);
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
    for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    free(c);
}

/* ---- the template ---- */

char *annex_template_path(const char *explicit_path)
{
    if (!str_empty(explicit_path))
        return xstrdup(explicit_path);
    char *user = paths_user_dir();
    if (user) {
        char *p = xasprintf("%s/templates/%s", user, ANNEX_TEMPLATE_NAME);
        free(user);
        if (access(p, R_OK) == 0)
            return p;
        free(p);
    }
    char *dir = paths_templates_dir();
    char *p = xasprintf("%s/%s", dir ? dir : "templates", ANNEX_TEMPLATE_NAME);
    free(dir);
    return p;
}

/* ---- citations: "システム運用編 10-3、10-4／CSチェックリスト R7 医療機関 2-②" ---- */

typedef struct {
    catalog **items;
    size_t len, cap;
    catalog_info *infos;
    size_t ninfos;
    bool listed;
    status_detail err; /* reading the catalog list failed: the annex is not built without its citations */
} catalog_cache;

static void cache_free(catalog_cache *cc)
{
    for (size_t i = 0; i < cc->len; i++)
        catalog_free(cc->items[i]);
    free(cc->items);
    catalog_info_free(cc->infos, cc->ninfos);
    status_detail_free(&cc->err);
}

static const catalog *cache_get(store *s, catalog_cache *cc, const char *id, const char *version)
{
    for (size_t i = 0; i < cc->len; i++)
        if (str_eq(cc->items[i]->id, id) && str_eq(cc->items[i]->version, version))
            return cc->items[i];
    catalog *c = catalog_db_load(s, id, version);
    if (!c)
        return NULL;
    GROW(cc->items, cc->cap, cc->len + 1);
    return cc->items[cc->len++] = c;
}

/* The catalog version that holds the node: the one named, else the newest (last listed) that has it. */
static const catalog *resolve(store *s, catalog_cache *cc, const node_map *m, const catalog_node **node)
{
    if (!cc->listed) {
        cc->listed = true;
        if (catalog_db_list(s, &cc->infos, &cc->ninfos, &cc->err) != STATUS_OK)
            return NULL;
    }
    for (size_t i = cc->ninfos; i-- > 0;) {
        const catalog_info *ci = &cc->infos[i];
        if (!str_eq(ci->id, m->to_catalog) || (m->to_version && !str_eq(ci->version, m->to_version)))
            continue;
        const catalog *c = cache_get(s, cc, ci->id, ci->version);
        if (c && (*node = catalog_find_node(c, m->to_node)))
            return c;
    }
    return NULL;
}

static char *citations(store *s, catalog_cache *cc, const catalog_node *n, bool cites)
{
    strlist groups = {0};
    strbuf *refs = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < n->nmaps; i++) {
        const node_map *m = &n->maps[i];
        if (str_eq(m->rel, "cites") != cites)
            continue;
        const catalog_node *target = NULL;
        const catalog *c = resolve(s, cc, m, &target);
        if (!c)
            continue;
        const char *name = c->short_title.ja ? c->short_title.ja : c->title.ja;
        size_t g = 0;
        while (g < groups.len && !str_eq(groups.items[g], name))
            g++;
        if (g == groups.len) {
            sl_push(&groups, name);
            GROW(refs, cap, groups.len);
            refs[g] = (strbuf){0};
        }
        const char *ref = target->ref ? target->ref : target->title.ja ? target->title.ja : target->id;
        sb_addf(&refs[g], "%s%s", refs[g].len ? "、" : "", ref);
    }
    strbuf out = {0};
    for (size_t g = 0; g < groups.len; g++) {
        sb_addf(&out, "%s%s %s", g ? "／" : "", groups.items[g], sb_str(&refs[g]));
        sb_free(&refs[g]);
    }
    free(refs);
    sl_free(&groups);
    return sb_take(&out);
}

/* ---- the data ---- */

static char *wareki(const char *iso)
{
    jp_date d;
    if (str_empty(iso) || !jpdate_parse(iso, &d, NULL))
        return xstrdup(iso ? iso : "");
    return jpdate_format_wareki(d, false);
}

static const char *ref_of(const catalog_node *n)
{
    return n->ref ? n->ref : n->id;
}

/* A missing organisation, vendor or system leaves its fields empty; any other failure is the result. */
static status_code absent_ok(status_code r, status_code absent, status_detail *err)
{
    if (r != absent)
        return r;
    status_detail_free(err);
    return STATUS_OK;
}

static status_code add_header(tmpl_record *r, store *s, const contract *k, const contract_clause_list *cl,
                              const char *date, status_detail *err)
{
    ws_org org = {0};
    status_code st = absent_ok(ws_org_get(s, &org, err), STATUS_ORG_MISSING, err);
    ws_vendor v = {0};
    if (st == STATUS_OK)
        st = absent_ok(ws_vendor_get(s, k->vendor_id, &v, err), STATUS_VENDOR_NOT_FOUND, err);
    if (st != STATUS_OK) {
        ws_org_free(&org);
        return st;
    }
    tmpl_set(r, "title", "保守契約書 別紙（情報セキュリティに関する特記事項）");
    tmpl_set(r, "contract_ref", k->ref);
    tmpl_set(r, "hospital", org.name ? org.name : "（医療機関名未登録）");
    tmpl_set(r, "hospital_address", org.address);
    tmpl_set(r, "hospital_representative", org.administrator);
    tmpl_set(r, "vendor", k->vendor_name);
    tmpl_set(r, "vendor_contact", v.contact);
    strbuf sys = {0};
    for (size_t i = 0; i < k->nsystems; i++)
        sb_addf(&sys, "%s%s", i ? "、" : "", k->system_names[i]);
    tmpl_set(r, "systems_text", sb_str(&sys));
    sb_free(&sys);
    char *ws = wareki(k->term_start), *we = wareki(k->term_end), *wd = wareki(date);
    tmpl_set(r, "term_start", ws);
    tmpl_set(r, "term_end", we);
    if (k->term_start || k->term_end)
        tmpl_setf(r, "term", "%s から %s まで", *ws ? ws : "（未定）", *we ? we : "（未定）");
    else
        tmpl_set(r, "term", "");
    tmpl_set(r, "date", date);
    tmpl_set(r, "date_wareki", wd);
    free(ws);
    free(we);
    free(wd);
    tmpl_setf(r, "library", "%s@%s（改訂 %d）", cl->cat->id, cl->cat->version, cl->cat->revision);
    tmpl_set(r, "library_title", cl->cat->title.ja);
    tmpl_list(r, "systems");
    for (size_t i = 0; i < k->nsystems && st == STATUS_OK; i++) {
        ws_system sy;
        if ((st = ws_system_get(s, k->system_ids[i], &sy, err)) != STATUS_OK) {
            st = absent_ok(st, STATUS_SYSTEM_NOT_FOUND, err);
            continue;
        }
        tmpl_record *x = tmpl_push(r, "systems");
        const ws_category *cat = ws_category_parse(sy.category);
        tmpl_set(x, "name", sy.name);
        tmpl_set(x, "category", cat ? cat->ja : sy.category);
        if (sy.product)
            tmpl_setf(x, "product", "%s%s%s", sy.product, sy.product_version ? " " : "",
                      sy.product_version ? sy.product_version : "");
        tmpl_set(x, "remote_method", sy.remote_maintenance == TRI_YES ? (sy.remote_method ? sy.remote_method : "あり") : "なし");
        ws_system_free(&sy);
    }
    ws_org_free(&org);
    ws_vendor_free(&v);
    return st;
}

static status_code add_articles(tmpl_record *r, store *s, const contract_clause_list *cl,
                                const contract_param_list *pl, status_detail *err)
{
    catalog_cache cc = {0};
    tmpl_list(r, "articles");
    tmpl_list(r, "excluded");
    for (size_t i = 0; i < cl->len; i++) {
        const contract_clause *c = &cl->items[i];
        if (c->decision == CLAUSE_EXCLUDE) {
            tmpl_record *x = tmpl_push(r, "excluded");
            tmpl_set(x, "ref", ref_of(c->node));
            tmpl_set(x, "title", c->node->title.ja);
            tmpl_set(x, "reason", c->reason);
        }
        if (!c->included)
            continue;
        tmpl_record *a = tmpl_push(r, "articles");
        tmpl_setf(a, "number", "第%d条", c->article);
        tmpl_set(a, "ref", ref_of(c->node));
        tmpl_set(a, "title", c->node->title.ja);
        char *text = contract_clause_text(c, pl, false);
        tmpl_set(a, "text", text);
        free(text);
        char *cites = citations(s, &cc, c->node, true), *rel = citations(s, &cc, c->node, false);
        tmpl_set(a, "cites", cites);
        tmpl_set(a, "related", rel);
        free(cites);
        free(rel);
        char *why = contract_clause_why(cl, c, false);
        tmpl_set(a, "why", why);
        free(why);
        tmpl_set(a, "decision", c->decision == CLAUSE_INCLUDE ? c->reason : "");
    }
    status_code st = STATUS_OK;
    if (cc.err.code != STATUS_OK) {
        st = cc.err.code;
        if (err) {
            status_detail_free(err);
            *err = cc.err;
            cc.err = (status_detail){0};
        }
    }
    cache_free(&cc);
    return st;
}

static void add_matrix(tmpl_record *r, const contract_matrix *m)
{
    tmpl_list(r, "matrix");
    static const char *const cols[PHASE__COUNT] = {"normal", "emergency", "exit"};
    for (int comp = 0; comp < COMP__COUNT; comp++) {
        tmpl_record *x = tmpl_push(r, "matrix");
        tmpl_set(x, "component", contract_components[comp].ja);
        for (int ph = 0; ph < PHASE__COUNT; ph++) {
            const contract_cell *cell = &m->cells[comp][ph];
            char *t = contract_cell_text(cell, false);
            if (!str_empty(cell->note))
                tmpl_setf(x, cols[ph], "%s\n（注）%s", t, cell->note);
            else
                tmpl_set(x, cols[ph], t);
            free(t);
        }
    }
}

static void add_params(tmpl_record *r, const contract_param_list *pl)
{
    tmpl_list(r, "params");
    for (size_t i = 0; i < pl->len; i++) {
        const contract_param_value *p = &pl->items[i];
        if (!p->clause->included)
            continue;
        tmpl_record *x = tmpl_push(r, "params");
        tmpl_setf(x, "article", "第%d条", p->clause->article);
        tmpl_set(x, "ref", ref_of(p->clause->node));
        tmpl_set(x, "clause", p->clause->node->title.ja);
        tmpl_set(x, "label", p->def->label.ja ? p->def->label.ja : p->def->name);
        const char *unit = p->def->unit.ja;
        if (unit)
            tmpl_setf(x, "value", "%s %s", p->value, unit);
        else
            tmpl_set(x, "value", p->value);
        tmpl_set(x, "status", p->is_default ? "既定値" : "個別に設定");
    }
}

static void add_open_items(tmpl_record *r, const contract_open_item *items, size_t n)
{
    tmpl_list(r, "open_items");
    for (size_t i = 0; i < n; i++) {
        const contract_open_item *o = &items[i];
        tmpl_record *x = tmpl_push(r, "open_items");
        const catalog *c = o->link->cat;
        tmpl_set(x, "system", o->link->as.system_name);
        tmpl_set(x, "catalog", c->short_title.ja ? c->short_title.ja : c->title.ja);
        tmpl_set(x, "ref", ref_of(o->node));
        tmpl_set(x, "title", o->node->title.ja ? o->node->title.ja : o->node->text.ja);
        tmpl_set(x, "answer", o->def ? o->def->label.ja : "未回答");
        tmpl_set(x, "due", o->ans ? o->ans->due : NULL);
        tmpl_set(x, "note", o->ans ? o->ans->note : NULL);
        tmpl_set(x, "reason", o->ans ? o->ans->reason : NULL);
        strbuf ev = {0}; /* the linked register entries' titles */
        for (size_t k = 0; o->ans && k < o->ans->nevidence; k++)
            sb_addf(&ev, "%s%s", k ? "、" : "", o->ans->evidence[k].title ? o->ans->evidence[k].title : "");
        tmpl_set(x, "evidence", ev.data);
        sb_free(&ev);
    }
}

/* Everything the annex says, read in one go. */
static status_code collect(store *s, int64_t id, const char *date, tmpl_record *r, char **title, status_detail *err)
{
    contract k;
    status_code st = contract_get(s, id, &k, err);
    if (st != STATUS_OK)
        return st;
    contract_clause_list cl = {0};
    contract_param_list pl = {0};
    contract_links links = {0};
    contract_matrix m = {0};
    contract_open_item *open = NULL;
    st = contract_clauses(s, &k, &cl, err);
    if (st == STATUS_OK)
        st = contract_params(s, id, &cl, &pl, err);
    if (st == STATUS_OK)
        st = contract_links_load(s, &k, &links, err);
    if (st == STATUS_OK)
        st = contract_matrix_get(s, &k, &cl, &links, &m, err);
    if (st == STATUS_OK)
        st = add_header(r, s, &k, &cl, date, err);
    if (st == STATUS_OK)
        st = add_articles(r, s, &cl, &pl, err);
    if (st == STATUS_OK) {
        size_t nopen = contract_open_items(&links, &open);
        add_matrix(r, &m);
        add_params(r, &pl);
        add_open_items(r, open, nopen);
        char *label = contract_label(&k);
        *title = xasprintf("保守契約書 別紙 %s（%s）", label, k.vendor_name);
        free(label);
    }
    free(open);
    contract_matrix_free(&m);
    contract_links_free(&links);
    contract_param_list_free(&pl);
    if (cl.cat)
        contract_clause_list_free(&cl);
    contract_free(&k);
    return st;
}

static void md_escape(strbuf *out, const char *raw, bool in_table)
{
    export_md_add(out, raw, in_table);
}

status_code annex_build(store *s, int64_t contract_id, const annex_opts *opts, annex_doc *out, diag_list *diags,
                      status_detail *err)
{
    *out = (annex_doc){0};
    char today[11];
    const char *date = opts && opts->date ? opts->date : NULL;
    if (!date) {
        jpdate_format_iso(jpdate_today(), today);
        date = today;
    }
    char *path = annex_template_path(opts ? opts->template_path : NULL);
    size_t len = 0;
    char *text = util_read_file(path, &len);
    if (!text) {
        status_code r = status_fail(err, &(status_info){STATUS_TEMPLATE_UNREADABLE, .entity = path, .extra = strerror(errno)});
        free(path);
        return r;
    }
    if (strlen(text) != len || !utf8_valid(text)) {
        diag_add(diags, path, 0, 0, "the template is not UTF-8 text");
        free(text);
        status_code r = status_fail(err, &(status_info){STATUS_TEMPLATE_INVALID, .entity = path});
        free(path);
        return r;
    }
    tmpl *t = tmpl_parse(path, text, annex_schema, diags);
    free(text);
    if (!t) {
        status_code r = status_fail(err, &(status_info){STATUS_TEMPLATE_INVALID, .entity = path});
        free(path);
        return r;
    }
    free(path);
    tmpl_record *r = tmpl_record_new();
    char *title = NULL;
    status_code st = collect(s, contract_id, date, r, &title, err);
    if (st == STATUS_OK) {
        char *md = tmpl_render(t, r, md_escape);
        out->body = canonical(md);
        free(md);
        annex_digest(out->body, out->sha256);
        out->title = title;
        out->date = xstrdup(date);
        out->footer = xasprintf("正本確認用 SHA-256（本文）: %s", out->sha256);
    } else {
        free(title);
    }
    tmpl_record_free(r);
    tmpl_free(t);
    return st;
}

char *annex_markdown(const annex_doc *d)
{
    return xasprintf("%s\n---\n\n%s\n", d->body, d->footer);
}

/* ---- writing ---- */

typedef struct {
    const annex_doc *doc;
    annex_format fmt;
} write_ctx;

static export_status render_to(void *vctx, export_sink *out)
{
    write_ctx *w = vctx;
    char *data = NULL;
    size_t len = 0;
    export_status s = EXPORT_OK;
    if (w->fmt == ANNEX_DOCX) {
        s = annex_docx(w->doc, &data, &len, out->err);
    } else {
        data = w->fmt == ANNEX_MD ? annex_markdown(w->doc) : annex_html(w->doc);
        if (!data)
            s = export_fail(out->err, EXPORT_ERR_RENDER, "cmark-gfm");
        len = data ? strlen(data) : 0;
    }
    if (s == EXPORT_OK && fwrite(data, 1, len, out->fp) != len)
        s = export_fail(out->err, EXPORT_ERR_IO, "%s", out->path);
    free(data);
    return s == EXPORT_OK ? export_sink_finish(out) : s;
}

export_status annex_write(const annex_doc *d, annex_format fmt, const char *path, bool force, export_error *err)
{
    write_ctx w = {d, fmt};
    return export_write_with(render_to, &w, path, force, err);
}
