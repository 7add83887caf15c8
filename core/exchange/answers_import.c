/* anzen import answers: a vendor's filled spreadsheet as vendor answers (answers_import.h). The
 * file is read whole into rows first (every check), then written in one transaction. */
#include "answers_import.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "bundle.h"
#include "catalog/lib.h"
#include "history/lib.h"
#include "sheet/lib.h"
#include "text/lib.h"
#include "vendor_sheet.h"

enum { D_CHECKED, D_DUE, D_DONE, D__COUNT };
enum { CSV_HEADER_SCAN = 30 };

static const char *const device_tags[] = {"server", "pc", "network"};
static const char *const device_labels[] = {"サーバ", "端末PC", "ネットワーク機器"};

/* One item as the file gives it. */
typedef struct {
    char *item;
    char *cell; /* "チェックリスト!D12": the row's answer cell */
    char *value; /* the catalog's value; NULL = empty */
    char *dates[D__COUNT];
    char *reason, *note;
    bool has_date[D__COUNT], has_reason, has_note;
} srow;

typedef struct {
    srow *items;
    size_t len, cap;
} srows;

static void srows_free(srows *r)
{
    for (size_t i = 0; i < r->len; i++) {
        srow *x = &r->items[i];
        free(x->item);
        free(x->cell);
        free(x->value);
        for (int d = 0; d < D__COUNT; d++)
            free(x->dates[d]);
        free(x->reason);
        free(x->note);
    }
    free(r->items);
    memset(r, 0, sizeof *r);
}

void answers_import_result_free(answers_import_result *r)
{
    if (!r)
        return;
    free(r->vendor_name);
    free(r->imported_at);
    free(r->imported_by);
    memset(r, 0, sizeof *r);
}

/* ---- a sheet or a CSV table, addressed alike ---- */

typedef struct {
    const char *file;  /* the file's name, for messages */
    const char *name;  /* the sheet in references: the sheet's name, or the CSV file's */
    const xlsx_sheet *x;
    const csv_table *csv;
} grid;

static const char *g_text(const grid *g, uint32_t r, uint32_t c)
{
    return g->x ? xlsx_text_at(g->x, r, c) : csv_field(g->csv, r, c);
}

static uint32_t g_rows(const grid *g)
{
    return g->x ? xlsx_sheet_rows(g->x) : (uint32_t)csv_row_count(g->csv);
}

static char *g_ref(const grid *g, uint32_t r, uint32_t c)
{
    char b[16];
    xlsx_ref_format(r, c, b);
    return xasprintf("%s!%s", g->name, b);
}

static bool space_at(const char *s, size_t *len)
{
    if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
        *len = 1;
        return true;
    }
    if (strncmp(s, "\xE3\x80\x80", 3) == 0) { /* U+3000 */
        *len = 3;
        return true;
    }
    return false;
}

/* s without spaces (U+3000 too) at either end. Caller frees. */
static char *trimmed(const char *s)
{
    size_t n;
    while (*s && space_at(s, &n))
        s += n;
    size_t len = strlen(s), end = len;
    for (size_t i = 0; i < len;) {
        if (space_at(s + i, &n)) {
            i += n;
        } else {
            i++;
            while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
                i++;
            end = i;
        }
    }
    return xstrndup(s, len ? end : 0);
}

/* A CSV cell the checklist export guarded against formulas ('=…) reads back as it was typed. */
static const char *unguarded(const char *s, bool csv)
{
    if (csv && s[0] == '\'' && s[1] && strchr("=+-@", s[1]))
        return s + 1;
    return s;
}

/* NFKC, case-folded, without any space: the key answers are compared by. Caller frees. */
static char *answer_key(const char *s)
{
    char *f = text_fold(s ? s : "");
    size_t o = 0, n;
    for (size_t i = 0; f[i];) {
        if (space_at(f + i, &n)) {
            i += n;
            continue;
        }
        f[o++] = f[i++];
    }
    f[o] = '\0';
    return f;
}

static const answer_def *match_answer(const catalog *c, const char *text)
{
    char *k = answer_key(text);
    const answer_def *found = NULL;
    for (size_t i = 0; i < c->nanswers && !found; i++) {
        const answer_def *a = &c->answers[i];
        const char *forms[] = {a->value, a->label.ja, a->label.en};
        for (size_t f = 0; f < 3 && !found; f++) {
            if (!forms[f])
                continue;
            char *kf = answer_key(forms[f]);
            if (*kf && str_eq(kf, k))
                found = a;
            free(kf);
        }
    }
    free(k);
    return found;
}

static char *answer_labels(const catalog *c)
{
    strbuf b = {0};
    for (size_t i = 0; i < c->nanswers; i++)
        sb_addf(&b, "%s%s", i ? ", " : "", i18n_get(&c->answers[i].label, false));
    return sb_take(&b);
}

/* days since 1970-01-01 -> civil date (H. Hinnant's algorithm) */
static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* An Excel date serial (1 = 1900-01-01; Excel's 1900-02-29, serial 60, does not exist). */
static bool serial_date(double v, char iso[11])
{
    if (!(v >= 1 && v < 2958466))
        return false;
    long n = (long)v; /* the time of day is dropped */
    if (n == 60)
        return false;
    if (n < 60)
        n++;
    int y, m, d;
    civil_from_days(n - 25569, &y, &m, &d); /* serial 25569 = 1970-01-01 */
    jpdate_format_iso((jp_date){y, m, d}, iso);
    return true;
}

/* ---- checks every cell of a sheet needs ---- */

static status_code cells_check(const grid *g, status_detail *err)
{
    for (size_t i = 0; g->x && i < xlsx_cell_count(g->x); i++) {
        const xlsx_cell *c = xlsx_cell_index(g->x, i);
        if (c->formula || (c->text && strlen(c->text) > BUNDLE_STRING_MAX)) {
            char *ref = g_ref(g, c->row, c->col);
            status_code r;
            if (c->formula) {
                char *f = xasprintf("=%s", c->formula);
                r = status_fail(err, &(status_info){STATUS_SHEET_FORMULA, .entity = g->file, .field = ref, .value = f});
                free(f);
            } else {
                r = status_fail(err, &(status_info){STATUS_BUNDLE_STRING_TOO_LONG, .entity = g->file, .field = ref,
                                                    .num = (int64_t)strlen(c->text), .extra = "1048576"});
            }
            free(ref);
            return r;
        }
    }
    for (size_t r = 0; g->csv && r < csv_row_count(g->csv); r++)
        for (size_t c = 0; c < csv_field_count(g->csv, r); c++)
            if (strlen(csv_field(g->csv, r, c)) > BUNDLE_STRING_MAX) {
                char *ref = g_ref(g, (uint32_t)r, (uint32_t)c);
                status_code rc = status_fail(err, &(status_info){STATUS_BUNDLE_STRING_TOO_LONG, .entity = g->file,
                                                                 .field = ref, .extra = "1048576",
                                                                 .num = (int64_t)strlen(csv_field(g->csv, r, c))});
                free(ref);
                return rc;
            }
    return STATUS_OK;
}

/* ---- reading one row's cells ---- */

static status_code read_value(const grid *g, const catalog *c, uint32_t r, uint32_t col, char **out,
                              status_detail *err)
{
    *out = NULL;
    char *t = trimmed(unguarded(g_text(g, r, col), g->csv != NULL));
    status_code rc = STATUS_OK;
    if (*t) {
        const answer_def *a = match_answer(c, t);
        if (a) {
            *out = xstrdup(a->value);
        } else {
            char *ref = g_ref(g, r, col), *labels = answer_labels(c);
            rc = status_fail(err, &(status_info){STATUS_SHEET_VALUE, .entity = g->file, .field = ref, .value = t,
                                                 .extra = labels});
            free(ref);
            free(labels);
        }
    }
    free(t);
    return rc;
}

static status_code date_text(const grid *g, uint32_t r, uint32_t col, const char *text, char **out,
                             status_detail *err)
{
    *out = NULL;
    char *t = trimmed(text);
    char iso[11];
    status_code rc = STATUS_OK;
    if (*t && jpdate_parse_iso(t, iso, NULL)) {
        *out = xstrdup(iso);
    } else if (*t) {
        char *ref = g_ref(g, r, col);
        rc = status_fail(err, &(status_info){STATUS_SHEET_DATE, .entity = g->file, .field = ref, .value = t});
        free(ref);
    }
    free(t);
    return rc;
}

static status_code read_date(const grid *g, uint32_t r, uint32_t col, char **out, status_detail *err)
{
    const xlsx_cell *cell = g->x ? xlsx_cell_at(g->x, r, col) : NULL;
    if (cell && cell->type == XLSX_NUMBER) {
        char iso[11];
        if (serial_date(cell->number, iso)) {
            *out = xstrdup(iso);
            return STATUS_OK;
        }
        char *ref = g_ref(g, r, col);
        status_code rc = status_fail(err, &(status_info){STATUS_SHEET_DATE, .entity = g->file, .field = ref,
                                                         .value = cell->text ? cell->text : ""});
        free(ref);
        return rc;
    }
    if (cell && (cell->type == XLSX_BOOL || cell->type == XLSX_ERROR)) {
        char *ref = g_ref(g, r, col);
        status_code rc = status_fail(err, &(status_info){STATUS_SHEET_DATE, .entity = g->file, .field = ref,
                                                         .value = cell->text ? cell->text : ""});
        free(ref);
        return rc;
    }
    return date_text(g, r, col, unguarded(g_text(g, r, col), g->csv != NULL), out, err);
}

static status_code one_line(const grid *g, uint32_t r, uint32_t col, const char *reason, status_detail *err)
{
    if (!reason || !strpbrk(reason, "\r\n"))
        return STATUS_OK;
    char *ref = g_ref(g, r, col), *where = xasprintf("%s: %s", g->file, ref); /* as the other cell errors read */
    status_code rc = status_fail(err, &(status_info){STATUS_REASON_MALFORMED, .item = where});
    free(where);
    free(ref);
    return rc;
}

static char *text_or_null(const char *s)
{
    return s && *s ? xstrdup(s) : NULL;
}

static status_code item_fail(const grid *g, const catalog *c, uint32_t r, uint32_t col, const char *value,
                             status_detail *err)
{
    char *ref = g_ref(g, r, col), *label = catalog_label(c);
    status_code rc = status_fail(err, &(status_info){STATUS_SHEET_ITEM, .entity = g->file, .field = ref,
                                                     .value = value, .extra = label});
    free(ref);
    free(label);
    return rc;
}

static status_code push_row(srows *rows, const grid *g, uint32_t r, uint32_t vcol, const char *item, srow *x,
                            status_detail *err)
{
    for (size_t i = 0; i < rows->len; i++)
        if (str_eq(rows->items[i].item, item)) {
            char ref[16];
            xlsx_ref_format(r, vcol, ref);
            const char *first = strchr(rows->items[i].cell, '!');
            return status_fail(err, &(status_info){STATUS_SHEET_NUMBER_TWICE, .entity = g->name, .value = ref,
                                                   .item = item, .extra = first ? first + 1 : ""});
        }
    x->item = xstrdup(item);
    x->cell = g_ref(g, r, vcol);
    GROW(rows->items, rows->cap, rows->len + 1);
    rows->items[rows->len++] = *x;
    memset(x, 0, sizeof *x);
    return STATUS_OK;
}

static void srow_clear(srow *x)
{
    for (int d = 0; d < D__COUNT; d++)
        free(x->dates[d]);
    free(x->value);
    free(x->reason);
    free(x->note);
    free(x->item);
    free(x->cell);
    memset(x, 0, sizeof *x);
}

/* ---- the --for-vendor workbook ---- */

typedef struct {
    strlist keys, values;
} meta_map;

static const char *meta_get(const meta_map *m, const char *key)
{
    for (size_t i = 0; i < m->keys.len; i++)
        if (str_eq(m->keys.items[i], key))
            return m->values.items[i];
    return NULL;
}

static status_code not_ours(const char *file, const char *field, const char *value, int64_t id, status_detail *err)
{
    return status_fail(err, &(status_info){STATUS_SHEET_NOT_OURS, .entity = file, .field = field, .value = value, .id = id});
}

/* Which assessment the workbook is for, checked against this database. */
static status_code meta_check(store *s, const char *file, const meta_map *m, const answers_import_opts *o,
                              assessment *as, bool *hash_differs, status_detail *err)
{
    const char *format = meta_get(m, "format"), *layout = meta_get(m, "layout"), *party = meta_get(m, "party");
    if (!str_eq(format, VENDOR_SHEET_FORMAT))
        return not_ours(file, "sheet_format", format ? format : "", 0, err);
    if (!str_eq(layout, VENDOR_SHEET_LAYOUT))
        return not_ours(file, "sheet_layout", layout ? layout : "", 0, err);
    if (!str_eq(party, "vendor"))
        return not_ours(file, "sheet_party", party ? party : "", 0, err);
    const char *aid = meta_get(m, "assessment");
    char *end = NULL;
    long long id = aid ? strtoll(aid, &end, 10) : 0;
    if (!aid || !*aid || *end || id <= 0)
        return not_ours(file, "assessment", aid ? aid : "", o->assessment_id, err);
    if (o->assessment_id && id != o->assessment_id) {
        char *v = xasprintf("#%lld", id);
        status_code r = not_ours(file, "assessment", v, o->assessment_id, err);
        free(v);
        return r;
    }
    status_code r = assess_get(s, id, as, err);
    if (r != STATUS_OK)
        return r;
    const char *cat = meta_get(m, "catalog"), *ver = meta_get(m, "catalog_version");
    char fy[16];
    snprintf(fy, sizeof fy, "%d", as->fy);
    const char *sys = as->scope == SCOPE_SYSTEM && as->system_name ? as->system_name : "";
    if (!str_eq(cat, as->catalog_id) || !str_eq(ver, as->catalog_version)) {
        char *v = xasprintf("%s@%s", cat ? cat : "", ver ? ver : "");
        r = not_ours(file, "catalog", v, as->id, err);
        free(v);
    } else if (!str_eq(meta_get(m, "fy"), fy)) {
        r = not_ours(file, "sheet_fy", meta_get(m, "fy") ? meta_get(m, "fy") : "", as->id, err);
    } else if (!str_eq(meta_get(m, "system"), sys)) {
        r = not_ours(file, "system", meta_get(m, "system") ? meta_get(m, "system") : "", as->id, err);
    } else if (!str_eq(meta_get(m, "vendor"), as->vendor_name ? as->vendor_name : "")) {
        r = not_ours(file, "vendor", meta_get(m, "vendor") ? meta_get(m, "vendor") : "", as->id, err);
    }
    if (r == STATUS_OK) {
        const catalog *c = catalog_db_get(s, as->catalog_id, as->catalog_version);
        char hash[DIGEST_HEX] = "";
        if (c)
            digest_catalog(c, hash);
        *hash_differs = !str_eq(hash, meta_get(m, "catalog_hash"));
    }
    return r;
}

static status_code xlsx_rows(const grid *g, const catalog *c, srows *rows, status_detail *err)
{
    vendor_sheet_layout L;
    vendor_sheet_layout_for(c, &L);
    for (int f = 0; f < VS__COUNT; f++)
        if (L.col[f] >= 0 && !str_eq(g_text(g, VENDOR_SHEET_HEADER_ROW, (uint32_t)L.col[f]), vendor_sheet_header(f)))
            return status_fail(err, &(status_info){STATUS_SHEET_HEADER_MISSING, .entity = g->file,
                                                   .value = vendor_sheet_header(f), .num = VENDOR_SHEET_HEADER_ROW + 1});
    status_code rc = STATUS_OK;
    for (uint32_t r = VENDOR_SHEET_HEADER_ROW + 1; r < g_rows(g) && rc == STATUS_OK; r++) {
        bool input = false;
        for (int f = 0; f < VS__COUNT && !input; f++) {
            if (L.col[f] < 0 || !vendor_sheet_is_input(f))
                continue;
            const xlsx_cell *cell = xlsx_cell_at(g->x, r, (uint32_t)L.col[f]);
            input = cell && cell->type != XLSX_EMPTY && cell->text && *cell->text;
        }
        if (!input)
            continue;
        char *id = trimmed(g_text(g, r, (uint32_t)L.col[VS_ITEM]));
        const catalog_node *n = *id ? catalog_find_node(c, id) : NULL;
        srow x = {0};
        uint32_t vcol = (uint32_t)L.col[VS_VALUE];
        if (!n || n->kind != NODE_ITEM)
            rc = item_fail(g, c, r, (uint32_t)L.col[VS_ITEM], *id ? id : g_text(g, r, (uint32_t)L.col[VS_REF]), err);
        if (rc == STATUS_OK)
            rc = read_value(g, c, r, vcol, &x.value, err);
        for (int d = 0; d < D__COUNT && rc == STATUS_OK; d++) {
            int col = L.col[VS_CHECKED + d];
            if (col < 0)
                continue;
            x.has_date[d] = true;
            rc = read_date(g, r, (uint32_t)col, &x.dates[d], err);
        }
        if (rc == STATUS_OK) {
            char *reason = trimmed(g_text(g, r, (uint32_t)L.col[VS_REASON]));
            x.has_reason = x.has_note = true;
            x.reason = text_or_null(reason);
            x.note = text_or_null(g_text(g, r, (uint32_t)L.col[VS_NOTE]));
            free(reason);
            rc = one_line(g, r, (uint32_t)L.col[VS_REASON], x.reason, err);
        }
        if (rc == STATUS_OK)
            rc = push_row(rows, g, r, vcol, id, &x, err);
        srow_clear(&x);
        free(id);
    }
    return rc;
}

static status_code read_xlsx(store *s, const char *path, const char *file, const answers_import_opts *o,
                             assessment *as, bool *hash_differs, srows *rows, status_detail *err)
{
    xlsx_book *book = NULL;
    xlsx_error e = {0};
    if (xlsx_open(path, &book, &e) != XLSX_OK) {
        status_code r = xlsx_error_status(file, NULL, &e, err);
        xlsx_error_clear(&e);
        return r;
    }
    status_code r = STATUS_OK;
    size_t main_i = 0, meta_i = 0;
    bool have_meta = xlsx_sheet_find(book, VENDOR_SHEET_META, &meta_i);
    bool have_main = xlsx_sheet_find(book, VENDOR_SHEET_MAIN, &main_i);
    if (!have_meta)
        r = not_ours(file, "sheet_missing", VENDOR_SHEET_META, o->assessment_id, err);
    else if (!have_main)
        r = not_ours(file, "sheet_missing", VENDOR_SHEET_MAIN, o->assessment_id, err);
    for (size_t i = 0; r == STATUS_OK && i < xlsx_sheet_count(book); i++)
        if (i != main_i && i != meta_i)
            r = status_fail(err, &(status_info){STATUS_SHEET_UNEXPECTED, .entity = file, .value = xlsx_sheet_name(book, i),
                                                .extra = VENDOR_SHEET_MAIN ", " VENDOR_SHEET_META});
    xlsx_sheet *meta = NULL, *sheet = NULL;
    if (r == STATUS_OK && xlsx_sheet_load(book, meta_i, &meta, &e) != XLSX_OK)
        r = xlsx_error_status(file, VENDOR_SHEET_META, &e, err);
    if (r == STATUS_OK && xlsx_sheet_load(book, main_i, &sheet, &e) != XLSX_OK)
        r = xlsx_error_status(file, VENDOR_SHEET_MAIN, &e, err);
    xlsx_error_clear(&e);
    grid gm = {.file = file, .name = VENDOR_SHEET_META, .x = meta}, g = {.file = file, .name = VENDOR_SHEET_MAIN, .x = sheet};
    if (r == STATUS_OK)
        r = cells_check(&gm, err);
    if (r == STATUS_OK)
        r = cells_check(&g, err);
    meta_map m = {0};
    for (uint32_t row = 0; r == STATUS_OK && row < xlsx_sheet_rows(meta); row++) {
        sl_push(&m.keys, xlsx_text_at(meta, row, 0));
        sl_push(&m.values, xlsx_text_at(meta, row, 1));
    }
    if (r == STATUS_OK)
        r = meta_check(s, file, &m, o, as, hash_differs, err);
    const catalog *c = r == STATUS_OK ? catalog_db_get(s, as->catalog_id, as->catalog_version) : NULL;
    if (r == STATUS_OK && !c) {
        char *label = xasprintf("%s@%s", as->catalog_id, as->catalog_version);
        r = status_fail(err, &(status_info){STATUS_CATALOG_GONE, .entity = label, .id = as->id});
        free(label);
    }
    if (r == STATUS_OK)
        r = xlsx_rows(&g, c, rows, err);
    sl_free(&m.keys);
    sl_free(&m.values);
    xlsx_sheet_free(meta);
    xlsx_sheet_free(sheet);
    xlsx_close(book);
    return r;
}

/* ---- CSV: the checklist export's layout, or the vendor sheet's columns ---- */

typedef struct {
    int col[VS__COUNT];
    int dev[3];
} csv_cols;

static int title_field(const char *t)
{
    static const struct {
        const char *title;
        int field;
    } titles[] = {{"項目ID", VS_ITEM}, {"番号", VS_REF},    {"回答", VS_VALUE},   {"はい／いいえ", VS_VALUE},
                  {"確認日", VS_CHECKED}, {"目標日", VS_DUE}, {"完了日", VS_DONE}, {"理由", VS_REASON},
                  {"備考", VS_NOTE}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(titles); i++)
        if (str_eq(t, titles[i].title))
            return titles[i].field;
    return -1;
}

static bool csv_header(const csv_table *t, size_t row, csv_cols *out)
{
    for (int f = 0; f < VS__COUNT; f++)
        out->col[f] = -1;
    for (int d = 0; d < 3; d++)
        out->dev[d] = -1;
    for (size_t c = 0; c < csv_field_count(t, row); c++) {
        char *title = trimmed(csv_field(t, row, c));
        int f = title_field(title);
        if (f >= 0 && out->col[f] < 0)
            out->col[f] = (int)c;
        for (int d = 0; d < 3; d++)
            if (str_eq(title, device_labels[d]) && out->dev[d] < 0)
                out->dev[d] = (int)c;
        free(title);
    }
    return (out->col[VS_ITEM] >= 0 || out->col[VS_REF] >= 0) && out->col[VS_VALUE] >= 0;
}

static int device_of(const catalog_node *n)
{
    for (size_t i = 0; i < n->tags.len; i++)
        for (int d = 0; d < 3; d++)
            if (str_eq(n->tags.items[i], device_tags[d]))
                return d;
    return -1;
}

/* The part of a merged device cell ("サーバ: 2025-04-01\n端末PC: …") for device d; the whole
 * text when it is not split by device. Caller frees. */
static char *device_part(const char *text, int d)
{
    bool split = false;
    for (int k = 0; k < 3; k++) {
        char *p = xasprintf("%s: ", device_labels[k]);
        split |= strncmp(text, p, strlen(p)) == 0 || strstr(text, p) != NULL;
        free(p);
    }
    if (!split)
        return xstrdup(text);
    char *p = xasprintf("%s: ", device_labels[d]);
    const char *at = strstr(text, p);
    char *out = NULL;
    if (at && (at == text || at[-1] == '\n')) {
        at += strlen(p);
        const char *nl = strchr(at, '\n');
        out = nl ? xstrndup(at, (size_t)(nl - at)) : xstrdup(at);
    }
    free(p);
    return out ? out : xstrdup("");
}

/* The 備考 cell: "理由: …" on the first line is the reason, the rest the note. */
static void split_note(const char *text, char **reason, char **note)
{
    static const char prefix[] = "理由: ";
    *reason = NULL;
    if (strncmp(text, prefix, sizeof prefix - 1) == 0) {
        const char *rest = text + sizeof prefix - 1, *nl = strchr(rest, '\n');
        char *r = nl ? xstrndup(rest, (size_t)(nl - rest)) : xstrdup(rest);
        *reason = trimmed(r);
        free(r);
        if (!**reason) {
            free(*reason);
            *reason = NULL;
        }
        text = nl ? nl + 1 : "";
    }
    *note = text_or_null(text);
}

/* One item of a CSV row: the answer from column vcol, the rest split by device when d >= 0. */
static status_code csv_item(const grid *g, const catalog *c, const csv_cols *C, uint32_t r, uint32_t vcol,
                            const catalog_node *n, int d, srows *rows, status_detail *err)
{
    srow x = {0};
    status_code rc = read_value(g, c, r, vcol, &x.value, err);
    for (int k = 0; k < D__COUNT && rc == STATUS_OK; k++) {
        int col = C->col[VS_CHECKED + k];
        if (col < 0 || (c->dates && !(c->dates & (1u << k))))
            continue;
        x.has_date[k] = true;
        const char *raw = unguarded(g_text(g, r, (uint32_t)col), true);
        char *part = d >= 0 ? device_part(raw, d) : xstrdup(raw);
        rc = date_text(g, r, (uint32_t)col, part, &x.dates[k], err);
        free(part);
    }
    if (rc == STATUS_OK && C->col[VS_REASON] >= 0) {
        char *reason = trimmed(unguarded(g_text(g, r, (uint32_t)C->col[VS_REASON]), true));
        x.has_reason = true;
        x.reason = text_or_null(reason);
        free(reason);
    }
    if (rc == STATUS_OK && C->col[VS_NOTE] >= 0) {
        const char *raw = unguarded(g_text(g, r, (uint32_t)C->col[VS_NOTE]), true);
        char *part = d >= 0 ? device_part(raw, d) : xstrdup(raw);
        x.has_note = true;
        if (C->col[VS_REASON] >= 0) {
            x.note = text_or_null(part);
        } else {
            x.has_reason = true;
            split_note(part, &x.reason, &x.note);
        }
        free(part);
    }
    if (rc == STATUS_OK)
        rc = one_line(g, r, (uint32_t)(C->col[VS_REASON] >= 0 ? C->col[VS_REASON] : C->col[VS_NOTE]), x.reason, err);
    if (rc == STATUS_OK)
        rc = push_row(rows, g, r, vcol, n->id, &x, err);
    srow_clear(&x);
    return rc;
}

static bool cell_filled(const grid *g, uint32_t r, int col)
{
    if (col < 0)
        return false;
    char *t = trimmed(g_text(g, r, (uint32_t)col));
    bool filled = *t != '\0';
    free(t);
    return filled;
}

static status_code csv_row(const grid *g, const catalog *c, const csv_cols *C, uint32_t r, srows *rows,
                           status_detail *err)
{
    char *id = C->col[VS_ITEM] >= 0 ? trimmed(g_text(g, r, (uint32_t)C->col[VS_ITEM])) : xstrdup("");
    char *ref = C->col[VS_REF] >= 0 ? trimmed(g_text(g, r, (uint32_t)C->col[VS_REF])) : xstrdup("");
    const catalog_node *n = *id ? catalog_find_node(c, id) : *ref ? catalog_find_node_or_ref(c, ref) : NULL;
    uint32_t key_col = (uint32_t)(*id || C->col[VS_REF] < 0 ? C->col[VS_ITEM] : C->col[VS_REF]);
    status_code rc = STATUS_OK;
    if (n && n->kind == NODE_ITEM && device_of(n) < 0) {
        rc = csv_item(g, c, C, r, (uint32_t)C->col[VS_VALUE], n, -1, rows, err);
    } else if (!*id && *ref && (!n || n->kind == NODE_HEADING)) {
        /* a per-device row: the heading's device items, or one tagged item "2-⑤ サーバ" */
        bool any = false;
        for (int d = 0; d < 3 && rc == STATUS_OK; d++) {
            if (C->dev[d] < 0 || !cell_filled(g, r, C->dev[d]))
                continue;
            const catalog_node *kid = NULL;
            for (size_t i = 0; n && i < c->nnodes && !kid; i++)
                if (str_eq(c->nodes[i].parent, n->id) && c->nodes[i].kind == NODE_ITEM && device_of(&c->nodes[i]) == d)
                    kid = &c->nodes[i];
            if (!kid) {
                char *full = xasprintf("%s %s", ref, device_labels[d]);
                const catalog_node *k = catalog_find_node_or_ref(c, full);
                kid = k && k->kind == NODE_ITEM ? k : NULL;
                free(full);
            }
            if (!kid) {
                char *what = xasprintf("%s %s", ref, device_labels[d]);
                rc = item_fail(g, c, r, (uint32_t)C->dev[d], what, err);
                free(what);
            } else {
                any = true;
                rc = csv_item(g, c, C, r, (uint32_t)C->dev[d], kid, d, rows, err);
            }
        }
        if (rc == STATUS_OK && !any)
            rc = item_fail(g, c, r, key_col, ref, err);
    } else {
        rc = item_fail(g, c, r, key_col, *id ? id : ref, err);
    }
    free(id);
    free(ref);
    return rc;
}

static status_code read_csv(store *s, const char *path, const char *file, const answers_import_opts *o,
                            assessment *as, srows *rows, status_detail *err)
{
    csv_table *t = NULL;
    status_code r = csv_read_file(path, NULL, &t, err);
    if (r != STATUS_OK)
        return r;
    grid g = {.file = file, .name = file, .csv = t};
    r = cells_check(&g, err);
    csv_cols C;
    size_t header = 0;
    bool found = false;
    for (size_t row = 0; r == STATUS_OK && row < csv_row_count(t) && row < CSV_HEADER_SCAN && !found; row++)
        if (csv_header(t, row, &C)) {
            header = row;
            found = true;
        }
    if (r == STATUS_OK && !found)
        r = status_fail(err, &(status_info){STATUS_SHEET_HEADER_MISSING, .entity = file, .value = "番号",
                                            .extra = "30"});
    if (r == STATUS_OK && !o->assessment_id)
        r = status_fail(err, &(status_info){STATUS_FIELD_REQUIRED, .field = "--assessment"});
    if (r == STATUS_OK)
        r = assess_get(s, o->assessment_id, as, err);
    const catalog *c = r == STATUS_OK ? catalog_db_get(s, as->catalog_id, as->catalog_version) : NULL;
    if (r == STATUS_OK && !c) {
        char *label = xasprintf("%s@%s", as->catalog_id, as->catalog_version);
        r = status_fail(err, &(status_info){STATUS_CATALOG_GONE, .entity = label, .id = as->id});
        free(label);
    }
    for (size_t row = header + 1; r == STATUS_OK && row < csv_row_count(t); row++) {
        bool input = false;
        for (int f = VS_VALUE; f < VS__COUNT && !input; f++)
            input = cell_filled(&g, (uint32_t)row, C.col[f]);
        for (int d = 0; d < 3 && !input; d++)
            input = cell_filled(&g, (uint32_t)row, C.dev[d]);
        if (input)
            r = csv_row(&g, c, &C, (uint32_t)row, rows, err);
    }
    csv_free(t);
    return r;
}

/* ---- writing ---- */

static const answer *vendor_answer(const answer_set *set, const char *item, int64_t vendor_id)
{
    for (size_t i = 0; i < set->len; i++) {
        const answer *x = &set->items[i];
        if (x->party == PARTY_VENDOR && x->party_vendor_id == vendor_id && str_eq(x->item_id, item))
            return x;
    }
    return NULL;
}

static status_code record_import(store *s, const char *file, const answers_import_result *res, const char *who,
                                 status_detail *err)
{
    char now[32];
    clock_now(now);
    sqlite3_stmt *st = store_stmt(s, "INSERT INTO exchange_import(digest, kind, source, signer, signer_known, party,"
                                     " party_name, vendor_pk, answers, imported_at, imported_by)"
                                     " VALUES(?,'sheet',?,NULL,0,'vendor',?,?,?,?,?)");
    store_bind_text(st, 1, res->digest);
    store_bind_text(st, 2, file);
    store_bind_text(st, 3, res->vendor_name);
    sqlite3_bind_int64(st, 4, res->vendor_id);
    sqlite3_bind_int64(st, 5, (int64_t)res->rows);
    store_bind_text(st, 6, now);
    store_bind_text(st, 7, who);
    int rc = sqlite3_step(st);
    store_done(s, st);
    return rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "exchange_import");
}

static status_code imported_before(store *s, answers_import_result *res, status_detail *err)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT imported_at, imported_by FROM exchange_import WHERE digest = ?");
    store_bind_text(st, 1, res->digest);
    int rc = sqlite3_step(st);
    status_code r = STATUS_OK;
    if (rc == SQLITE_ROW) {
        res->already = true;
        res->imported_at = store_col_dup(st, 0);
        res->imported_by = store_col_dup(st, 1);
    } else if (rc != SQLITE_DONE) {
        r = store_fail(s, err, "exchange_import");
    }
    store_done(s, st);
    return r;
}

static status_code write_rows(store *s, const assessment *as, const char *file, const srows *rows, const char *who,
                              answers_import_result *res, status_detail *err)
{
    answer_set before = {0};
    status_code r = assess_load_answers(s, as->id, &before, err);
    if (r != STATUS_OK)
        return r;
    int64_t action = history_action(s, who, "import", as->id, 0, err);
    if (!action)
        r = status_failed(err);
    char *text = xasprintf("sheet sha256:%s file %s from vendor %s", res->digest, file,
                           res->vendor_name ? res->vendor_name : "");
    history_target ht = {.entity = "assessment", .entity_id = as->id, .assessment_id = as->id};
    if (r == STATUS_OK && history_add(s, action, &ht, "import", NULL, text, err) < 0)
        r = status_failed(err);
    free(text);
    static const unsigned date_flags[D__COUNT] = {AF_CHECKED, AF_DUE, AF_DONE};
    for (size_t i = 0; r == STATUS_OK && i < rows->len; i++) {
        const srow *x = &rows->items[i];
        answer_change ch = {.fields = AF_VALUE, .value = x->value, .reason_optional = true};
        for (int d = 0; d < D__COUNT; d++)
            if (x->has_date[d])
                ch.fields |= date_flags[d];
        ch.checked = x->dates[D_CHECKED];
        ch.due = x->dates[D_DUE];
        ch.done = x->dates[D_DONE];
        if (x->has_reason)
            ch.fields |= AF_REASON, ch.reason = x->reason;
        if (x->has_note)
            ch.fields |= AF_NOTE, ch.note = x->note;
        const answer *old = vendor_answer(&before, x->item, res->vendor_id);
        bool had = old && !str_empty(old->value);
        int changed = 0;
        r = assess_answer_write(s, action, as->id, x->item, PARTY_VENDOR, res->vendor_id, &ch, who, &changed, err);
        if (r != STATUS_OK && err && !err->item)
            err->item = xstrdup(x->cell);
        if (r == STATUS_OK && !changed)
            res->same++;
        else if (r == STATUS_OK && had)
            res->changed++;
        else if (r == STATUS_OK)
            res->added++;
    }
    answer_set_free(&before);
    return r;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    if (a < b)
        return false;
    for (size_t i = 0; i < b; i++)
        if ((s[a - b + i] | 0x20) != suffix[i])
            return false;
    return true;
}

status_code answers_import_file(store *s, const char *path, const answers_import_opts *opts, const char *who,
                                answers_import_result *res, status_detail *err)
{
    memset(res, 0, sizeof *res);
    answers_import_opts none = {0};
    if (!opts)
        opts = &none;
    const char *file = base_name(path);
    bool csv = has_suffix(path, ".csv");
    if (!csv && !has_suffix(path, ".xlsx"))
        return status_fail(err, &(status_info){STATUS_SHEET_FORMAT_UNKNOWN, .entity = file});
    res->csv = csv;
    size_t len = 0;
    char *data = util_read_file(path, &len);
    if (!data)
        return status_fail(err, &(status_info){STATUS_FILE_CANNOT_READ, .entity = path, .extra = strerror(errno)});
    if (len > ANSWERS_FILE_MAX) {
        free(data);
        return status_fail(err, &(status_info){STATUS_CSV_TOO_BIG, .entity = file, .num = ANSWERS_FILE_MAX});
    }
    digest_sha256_hex(data, len, res->digest);
    free(data);
    assessment as = {0};
    srows rows = {0};
    status_code r = csv ? read_csv(s, path, file, opts, &as, &rows, err)
                        : read_xlsx(s, path, file, opts, &as, &res->catalog_differs, &rows, err);
    if (r == STATUS_OK) {
        res->assessment_id = as.id;
        res->vendor_id = as.vendor_id;
        res->vendor_name = as.vendor_name ? xstrdup(as.vendor_name) : NULL;
        res->rows = rows.len;
        if (!as.vendor_id)
            r = status_fail(err, &(status_info){STATUS_VENDOR_ANSWER_NO_VENDOR, .id = as.id});
    }
    if (r == STATUS_OK)
        r = imported_before(s, res, err);
    if (r == STATUS_OK && !res->already) {
        r = store_begin(s, err);
        if (r == STATUS_OK) {
            r = write_rows(s, &as, file, &rows, who, res, err);
            bool keep = r == STATUS_OK && !opts->dry_run && (res->added || res->changed);
            if (keep)
                r = record_import(s, file, res, who, err);
            if (keep && r == STATUS_OK) {
                if (store_commit(s, err) != STATUS_OK) {
                    store_rollback(s);
                    r = status_failed(err);
                }
            } else {
                store_rollback(s); /* a dry run, nothing changed, or a failure: nothing written */
            }
        }
    }
    srows_free(&rows);
    assessment_free(&as);
    return r;
}
