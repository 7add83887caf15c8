#include "import_sheet.h"

#include <errno.h>
#include <limits.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "catalog/lib.h"
#include "sheet/lib.h"
#include "text/lib.h"

/* ---- the table read: an XLSX sheet or a CSV file, cells by 0-based row and column ---- */

typedef struct {
    xlsx_book *book;
    xlsx_sheet *sheet;
    csv_table *csv;
    char *name; /* the sheet's name, or the CSV file's base name */
} table;

static const char *cell(const table *t, uint32_t row, uint32_t col)
{
    return t->sheet ? xlsx_merged_text_at(t->sheet, row, col) : csv_field(t->csv, row, col);
}

static uint32_t table_rows(const table *t)
{
    return t->sheet ? xlsx_sheet_rows(t->sheet) : (uint32_t)csv_row_count(t->csv);
}

static uint32_t table_cols(const table *t)
{
    if (t->sheet)
        return xlsx_sheet_cols(t->sheet);
    size_t n = 0;
    for (size_t r = 0; r < csv_row_count(t->csv); r++)
        if (csv_field_count(t->csv, r) > n)
            n = csv_field_count(t->csv, r);
    return (uint32_t)n;
}

static void table_free(table *t)
{
    xlsx_sheet_free(t->sheet);
    xlsx_close(t->book);
    csv_free(t->csv);
    free(t->name);
}

static bool ends_with_ci(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    if (a < b)
        return false;
    for (size_t i = 0; i < b; i++)
        if ((s[a - b + i] | 0x20) != suffix[i])
            return false;
    return true;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static status_code table_open(const char *path, const import_layout *L, table *t, status_detail *err)
{
    *t = (table){0};
    if (ends_with_ci(path, ".csv")) {
        status_code r = csv_read_file(path, NULL, &t->csv, err);
        if (r == STATUS_OK)
            t->name = xstrdup(base_name(path));
        return r;
    }
    if (!ends_with_ci(path, ".xlsx"))
        return status_fail(err, &(status_info){STATUS_SHEET_FORMAT_UNKNOWN, .entity = path});
    xlsx_error e = {0};
    if (xlsx_open(path, &t->book, &e) != XLSX_OK) {
        status_code r = xlsx_error_status(path, NULL, &e, err);
        xlsx_error_clear(&e);
        return r;
    }
    size_t index = 0;
    if (L->sheet && !xlsx_sheet_find(t->book, L->sheet, &index)) {
        strbuf names = {0};
        for (size_t i = 0; i < xlsx_sheet_count(t->book); i++)
            sb_addf(&names, "%s%s", i ? ", " : "", xlsx_sheet_name(t->book, i));
        status_code r = status_fail(err, &(status_info){STATUS_SHEET_NOT_FOUND, .entity = base_name(path),
                                                        .value = L->sheet, .extra = sb_str(&names)});
        sb_free(&names);
        table_free(t);
        return r;
    }
    if (!xlsx_sheet_count(t->book)) {
        table_free(t);
        return status_fail(err, &(status_info){STATUS_SHEET_UNREADABLE, .entity = path});
    }
    t->name = xstrdup(xlsx_sheet_name(t->book, index));
    if (xlsx_sheet_load(t->book, index, &t->sheet, &e) != XLSX_OK) {
        status_code r = xlsx_error_status(path, t->name, &e, err);
        xlsx_error_clear(&e);
        table_free(t);
        return r;
    }
    return STATUS_OK;
}

static status_code file_sha256(const char *path, char hex[65], status_detail *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return status_fail(err, &(status_info){STATUS_FILE_CANNOT_READ, .entity = path, .extra = strerror(errno)});
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    unsigned char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sha256_update(&ctx, n, buf);
    bool bad = ferror(f);
    fclose(f);
    if (bad)
        return status_fail(err, &(status_info){STATUS_FILE_CANNOT_READ, .entity = path});
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, d);
    for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(hex + 2 * i, 3, "%02x", d[i]);
    return STATUS_OK;
}

/* ---- the rows ---- */

typedef struct {
    char *id, *parent, *ref, *title, *text;
    bool heading;
    uint32_t row;      /* 0-based sheet row it came from; UINT32_MAX for a section */
    const char *tag;   /* device tag of a per-device item */
} out_node;

typedef struct {
    out_node *nodes;
    size_t n, cap;
    strlist ids;
    size_t items, headings;
} node_list;

static char *trimmed(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    /* a full-width space (U+3000) around a number is as empty as a half-width one */
    while (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
        s += 3, n -= 3;
    while (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
        n -= 3;
    return xstrndup(s, n);
}

/* A node id from the printed number: NFKC-folded ("2-④" → "2-4"), anything outside
 * [a-z0-9._-] a hyphen, prefixed; the sheet row when that is taken or empty. */
static char *node_id(node_list *L, const char *prefix, const char *number, uint32_t row)
{
    char *folded = text_fold(number);
    strbuf sb = {0};
    sb_add(&sb, prefix);
    bool dash = false;
    for (const char *p = folded; *p; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
        if (ok) {
            sb_addc(&sb, c);
            dash = false;
        } else if (!dash) {
            sb_addc(&sb, '-');
            dash = true;
        }
    }
    free(folded);
    char *id = sb_take(&sb);
    size_t n = strlen(id);
    while (n && id[n - 1] == '-')
        id[--n] = '\0';
    if (n <= strlen(prefix) || sl_contains(&L->ids, id)) {
        free(id);
        id = xasprintf("%srow%u", prefix, row + 1);
    }
    sl_push(&L->ids, id);
    return id;
}

static out_node *node_add(node_list *L)
{
    GROW(L->nodes, L->cap, L->n + 1);
    out_node *n = &L->nodes[L->n++];
    *n = (out_node){0};
    return n;
}

static void nodes_free(node_list *L)
{
    for (size_t i = 0; i < L->n; i++) {
        out_node *n = &L->nodes[i];
        free(n->id);
        free(n->parent);
        free(n->ref);
        free(n->title);
        free(n->text);
    }
    free(L->nodes);
    sl_free(&L->ids);
}

static status_code cell_fail(status_code code, const table *t, uint32_t row, uint32_t col, const char *item,
                             const char *extra, status_detail *err)
{
    char ref[16];
    xlsx_ref_format(row, col, ref);
    return status_fail(err, &(status_info){code, .entity = t->name, .value = ref, .item = item, .extra = extra});
}

/* Resolves columns given by title against the header row. */
static bool find_title(const table *t, uint32_t hr, const char *title, uint32_t *col)
{
    uint32_t n = table_cols(t);
    for (uint32_t k = 0; k < n; k++) {
        char *h = trimmed(cell(t, hr, k));
        bool hit = str_eq(h, title);
        free(h);
        if (hit) {
            *col = k;
            return true;
        }
    }
    return false;
}

/* header_row: auto — the first of the top 50 rows holding every column given by title. */
static uint32_t find_header(const table *t, const import_layout *L)
{
    const import_column *cols[] = {&L->number, &L->text, &L->section, &L->title};
    uint32_t end = table_rows(t) < 50 ? table_rows(t) : 50, k;
    for (uint32_t hr = 0; hr < end; hr++) {
        bool all = true;
        for (size_t i = 0; all && i < AZ_ARRAY_LEN(cols); i++)
            all = !cols[i]->title || find_title(t, hr, cols[i]->title, &k);
        for (size_t d = 0; all && d < L->ndevices; d++)
            all = !L->devices[d].column.title || find_title(t, hr, L->devices[d].column.title, &k);
        if (all)
            return hr + 1;
    }
    return 0;
}

static status_code resolve(const table *t, uint32_t header_row, const import_column *c, uint32_t *col,
                           status_detail *err)
{
    if (!c->title) {
        *col = c->col;
        return STATUS_OK;
    }
    if (header_row && find_title(t, header_row - 1, c->title, col))
        return STATUS_OK;
    return status_fail(err, &(status_info){STATUS_SHEET_HEADER_MISSING, .entity = t->name, .value = c->title,
                                           .num = header_row, .extra = header_row ? NULL : "50"});
}

static bool is_absent(const import_layout *L, const char *v)
{
    char *s = trimmed(v);
    bool absent = sl_contains(&L->absent, s);
    free(s);
    return absent;
}

typedef struct {
    uint32_t number, text, section, title;
    uint32_t *devices;
} columns;

static bool spans_number_and_text(const table *t, uint32_t row, const columns *C)
{
    if (!t->sheet)
        return false;
    const xlsx_range *m = xlsx_merge_find(t->sheet, row, C->number);
    return m && m == xlsx_merge_find(t->sheet, row, C->text);
}

/* The device cells of the row are one merged range (the form asks once, not per device). */
static bool devices_merged(const table *t, uint32_t row, const import_layout *L, const columns *C)
{
    if (!t->sheet || L->ndevices < 2)
        return false;
    const xlsx_range *m = xlsx_merge_find(t->sheet, row, C->devices[0]);
    for (size_t d = 1; m && d < L->ndevices; d++)
        if (xlsx_merge_find(t->sheet, row, C->devices[d]) != m)
            return false;
    return m != NULL;
}

static status_code rows_read(const table *t, const import_layout *L, uint32_t header_row, const columns *C,
                             node_list *out, status_detail *err)
{
    uint32_t first = header_row, end = table_rows(t);
    if (L->last_row && L->last_row < end)
        end = L->last_row;
    char *section = NULL, *section_id = NULL;
    strlist numbers = {0}, cells = {0};
    status_code r = STATUS_OK;
    for (uint32_t row = first; r == STATUS_OK && row < end; row++) {
        char *number = trimmed(cell(t, row, C->number));
        char *text = trimmed(cell(t, row, C->text));
        char *sec = L->section.used ? trimmed(cell(t, row, C->section)) : xstrdup("");
        if (spans_number_and_text(t, row, C) && *number) {
            /* a title row merged across the number and the text: a section of its own */
            free(sec);
            sec = xstrdup(number);
            *number = *text = '\0';
        }
        if (*sec && !str_eq(sec, section)) {
            free(section);
            section = xstrdup(sec);
            out_node *h = node_add(out);
            h->heading = true;
            h->row = row;
            h->id = node_id(out, "s-", sec, row);
            h->title = xstrdup(sec);
            free(section_id);
            section_id = xstrdup(h->id);
            out->headings++;
        }
        if (!*number && *text)
            r = cell_fail(STATUS_SHEET_EMPTY_NUMBER, t, row, C->number, NULL, NULL, err);
        else if (*number && !*text)
            r = cell_fail(STATUS_SHEET_EMPTY_TEXT, t, row, C->text, number, NULL, err);
        else if (*number) {
            for (size_t i = 0; i < numbers.len && r == STATUS_OK; i++)
                if (str_eq(numbers.items[i], number))
                    r = cell_fail(STATUS_SHEET_NUMBER_TWICE, t, row, C->number, number, cells.items[i], err);
            if (r == STATUS_OK) {
                char ref[16];
                xlsx_ref_format(row, C->number, ref);
                sl_push(&numbers, number);
                sl_push(&cells, ref);
                char *title = L->title.used ? trimmed(cell(t, row, C->title)) : NULL;
                size_t ndev = 0;
                for (size_t d = 0; d < L->ndevices; d++)
                    ndev += !is_absent(L, cell(t, row, C->devices[d]));
                if (devices_merged(t, row, L, C))
                    ndev = 0; /* one answer cell across the device columns: a question for all */
                out_node *n = node_add(out);
                n->id = node_id(out, "i-", number, row);
                n->parent = section_id ? xstrdup(section_id) : NULL;
                n->ref = xstrdup(number);
                n->title = title && *title ? xstrdup(title) : NULL;
                n->text = xstrdup(text);
                n->row = row;
                if (ndev) { /* the question as a heading, one item per device asked */
                    n->heading = true;
                    free(n->title);
                    n->title = title && *title ? xstrdup(title) : xstrdup(text);
                    out->headings++;
                    char *parent = xstrdup(n->id);
                    for (size_t d = 0; d < L->ndevices; d++) {
                        if (is_absent(L, cell(t, row, C->devices[d])))
                            continue;
                        out_node *k = node_add(out);
                        char *kid = xasprintf("%s-%s", parent, L->devices[d].tag);
                        k->id = node_id(out, "", kid, row);
                        free(kid);
                        k->parent = xstrdup(parent);
                        k->ref = xasprintf("%s %s", number, L->devices[d].label.ja);
                        k->text = xstrdup(text);
                        k->row = row;
                        k->tag = L->devices[d].tag;
                        out->items++;
                    }
                    free(parent);
                } else {
                    out->items++;
                }
                free(title);
            }
        }
        free(number);
        free(text);
        free(sec);
    }
    free(section);
    free(section_id);
    sl_free(&numbers);
    sl_free(&cells);
    if (r == STATUS_OK && !out->items)
        r = status_fail(err, &(status_info){STATUS_SHEET_NO_ITEMS, .entity = t->name, .num = header_row});
    return r;
}

/* ---- YAML out (libyaml's emitter: quoting and escapes are its business) ---- */

typedef struct {
    yaml_emitter_t em;
    strbuf out;
    bool ok;
} yout;

static int yout_write(void *data, unsigned char *buffer, size_t size)
{
    strbuf *sb = data;
    for (size_t i = 0; i < size; i++)
        sb_addc(sb, (char)buffer[i]);
    return 1;
}

static void ev(yout *y, yaml_event_t *e)
{
    if (y->ok && !yaml_emitter_emit(&y->em, e))
        y->ok = false;
}

static void scalar_styled(yout *y, const char *v, yaml_scalar_style_t style)
{
    yaml_event_t e;
    yaml_scalar_event_initialize(&e, NULL, NULL, (yaml_char_t *)(uintptr_t)v, (int)strlen(v), 1, 1, style);
    ev(y, &e);
}

static void plain(yout *y, const char *v) { scalar_styled(y, v, YAML_PLAIN_SCALAR_STYLE); }
static void quoted(yout *y, const char *v) { scalar_styled(y, v, YAML_DOUBLE_QUOTED_SCALAR_STYLE); }

static void map_start(yout *y, bool flow)
{
    yaml_event_t e;
    yaml_mapping_start_event_initialize(&e, NULL, NULL, 1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
    ev(y, &e);
}

static void map_end(yout *y)
{
    yaml_event_t e;
    yaml_mapping_end_event_initialize(&e);
    ev(y, &e);
}

static void seq_start(yout *y, bool flow)
{
    yaml_event_t e;
    yaml_sequence_start_event_initialize(&e, NULL, NULL, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
    ev(y, &e);
}

static void seq_end(yout *y)
{
    yaml_event_t e;
    yaml_sequence_end_event_initialize(&e);
    ev(y, &e);
}

static void kv(yout *y, const char *k, const char *v)
{
    plain(y, k);
    quoted(y, v);
}

static void kv_i18n(yout *y, const char *k, const char *ja, const char *en)
{
    plain(y, k);
    map_start(y, true);
    kv(y, "ja", ja);
    if (en)
        kv(y, "en", en);
    map_end(y);
}

typedef struct {
    const char *id, *version, *kind, *publisher, *published, *source_url;
    const char *title_ja, *title_en, *file, *sheet, *sha256, *today;
} meta;

static void emit_catalog(yout *y, const meta *m, const import_layout *L)
{
    plain(y, "catalog");
    map_start(y, false);
    kv(y, "id", m->id);
    kv(y, "version", m->version);
    plain(y, "revision");
    plain(y, "1");
    kv(y, "kind", m->kind);
    kv_i18n(y, "title", m->title_ja, m->title_en);
    kv(y, "publisher", m->publisher);
    kv(y, "published", m->published);
    plain(y, "source");
    map_start(y, false);
    bool csv = str_eq(m->file, m->sheet);
    char *st = csv ? xasprintf("%s（SHA-256 %s）", m->file, m->sha256)
                   : xasprintf("%s（シート %s、SHA-256 %s）", m->file, m->sheet, m->sha256);
    kv(y, "title", st);
    char *url = m->source_url ? xstrdup(m->source_url) : xasprintf("sha256:%s", m->sha256);
    kv(y, "url", url);
    free(url);
    map_end(y);
    plain(y, "completeness");
    map_start(y, false);
    kv(y, "status", "partial");
    char *ja = xasprintf("%s から %s に anzen catalog import-sheet で取り込んだ。"
                         "文言はこのファイルの写しのまま。公式の様式かどうか anzen には分からないため全項目 verified: false。"
                         "公表されている SHA-256 と照合すること。",
                         st, m->today);
    char *en = xasprintf("Imported from %s (%s%s%sSHA-256 %s) on %s by anzen catalog import-sheet. The text is "
                         "this file's copy; anzen cannot tell that the file is the official form, so every item is "
                         "verified: false. Compare the SHA-256 with the published one.",
                         m->file, csv ? "" : "sheet ", csv ? "" : m->sheet, csv ? "" : ", ", m->sha256, m->today);
    kv_i18n(y, "note", ja, en);
    free(ja);
    free(en);
    free(st);
    map_end(y);
    plain(y, "answers");
    seq_start(y, false);
    for (size_t i = 0; i < L->nanswers; i++) {
        const answer_def *a = &L->answers[i];
        map_start(y, true);
        kv(y, "value", a->value);
        kv_i18n(y, "label", a->label.ja ? a->label.ja : a->value, a->label.en);
        kv(y, "meaning", answer_meaning_name(a->meaning));
        if (a->needs_reason)
            kv(y, "needs_reason", "true");
        if (a->key) {
            char k[2] = {a->key, 0};
            kv(y, "key", k);
        }
        map_end(y);
    }
    seq_end(y);
    if (L->dates) {
        plain(y, "dates");
        seq_start(y, true);
        if (L->dates & DATE_CHECKED)
            plain(y, "checked");
        if (L->dates & DATE_DUE)
            plain(y, "due");
        if (L->dates & DATE_DONE)
            plain(y, "done");
        seq_end(y);
    }
    if (L->ndevices) {
        plain(y, "tags");
        seq_start(y, false);
        for (size_t i = 0; i < L->ndevices; i++) {
            map_start(y, true);
            kv(y, "id", L->devices[i].tag);
            kv_i18n(y, "label", L->devices[i].label.ja, L->devices[i].label.en);
            map_end(y);
        }
        seq_end(y);
    }
    map_end(y);
}

static void emit_nodes(yout *y, const meta *m, const node_list *N)
{
    plain(y, "nodes");
    seq_start(y, false);
    for (size_t i = 0; i < N->n; i++) {
        const out_node *n = &N->nodes[i];
        map_start(y, false);
        kv(y, "id", n->id);
        kv(y, "kind", n->heading ? "heading" : "item");
        if (n->parent)
            kv(y, "parent", n->parent);
        if (n->ref)
            kv(y, "ref", n->ref);
        if (n->title)
            kv_i18n(y, "title", n->title, NULL);
        char *from = xasprintf("%s %u行目（%s）", m->sheet, n->row + 1, m->file);
        if (!n->heading) {
            kv_i18n(y, "text", n->text, NULL);
            if (n->tag) {
                plain(y, "tags");
                seq_start(y, true);
                quoted(y, n->tag);
                seq_end(y);
            }
            char *g = xasprintf("取込元: %s", from);
            kv_i18n(y, "guidance", g, NULL);
            free(g);
            char *src = xasprintf("sha256:%s#%s!%u", m->sha256, m->sheet, n->row + 1);
            kv(y, "source", src);
            free(src);
            plain(y, "verified");
            plain(y, "false");
        }
        free(from);
        map_end(y);
    }
    seq_end(y);
}

static char *emit(const meta *m, const import_layout *L, const node_list *N, size_t *len)
{
    yout y = {.ok = true};
    yaml_emitter_initialize(&y.em);
    yaml_emitter_set_output(&y.em, yout_write, &y.out);
    yaml_emitter_set_unicode(&y.em, 1);
    yaml_emitter_set_width(&y.em, -1);
    sb_addf(&y.out, "# Imported by anzen catalog import-sheet from %s (SHA-256 %s).\n"
                    "# The text is the user's own copy of the form; keep it on this machine.\n",
            m->file, m->sha256);
    yaml_event_t e;
    yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING);
    ev(&y, &e);
    yaml_document_start_event_initialize(&e, NULL, NULL, NULL, 1);
    ev(&y, &e);
    map_start(&y, false);
    plain(&y, "format");
    plain(&y, "anzen-catalog/1");
    emit_catalog(&y, m, L);
    emit_nodes(&y, m, N);
    map_end(&y);
    yaml_document_end_event_initialize(&e, 1);
    ev(&y, &e);
    yaml_stream_end_event_initialize(&e);
    ev(&y, &e);
    yaml_emitter_flush(&y.em);
    yaml_emitter_delete(&y.em);
    if (!y.ok) {
        sb_free(&y.out);
        return NULL;
    }
    *len = y.out.len;
    return sb_take(&y.out);
}

/* ---- the whole import ---- */

status_code import_sheet_read(const char *path, const import_layout *L, const import_options *opts,
                              const char *output_name, import_result *out, status_detail *err)
{
    *out = (import_result){0};
    import_options o = opts ? *opts : (import_options){0};
    table t;
    status_code r = table_open(path, L, &t, err);
    if (r != STATUS_OK)
        return r;
    r = file_sha256(path, out->sha256, err);
    columns C = {0};
    C.devices = xcalloc(L->ndevices + 1, sizeof *C.devices);
    uint32_t hr = L->header_row ? L->header_row : find_header(&t, L);
    if (r == STATUS_OK)
        r = resolve(&t, hr, &L->number, &C.number, err);
    if (r == STATUS_OK)
        r = resolve(&t, hr, &L->text, &C.text, err);
    if (r == STATUS_OK && L->section.used)
        r = resolve(&t, hr, &L->section, &C.section, err);
    if (r == STATUS_OK && L->title.used)
        r = resolve(&t, hr, &L->title, &C.title, err);
    for (size_t d = 0; r == STATUS_OK && d < L->ndevices; d++)
        r = resolve(&t, hr, &L->devices[d].column, &C.devices[d], err);
    node_list N = {0};
    if (r == STATUS_OK)
        r = rows_read(&t, L, hr, &C, &N, err);
    if (r == STATUS_OK) {
        char today[32];
        clock_now(today);
        today[10] = '\0';
        meta m = {
            .id = o.id ? o.id : L->id ? L->id : "imported-sheet",
            .version = o.version ? o.version : L->version ? L->version : "1",
            .kind = L->kind ? L->kind : "checklist",
            .publisher = L->publisher ? L->publisher : "不明",
            .published = o.published ? o.published : L->published ? L->published : today,
            .source_url = L->source_url,
            .title_ja = o.title ? o.title : L->catalog_title.ja ? L->catalog_title.ja : t.name,
            .title_en = o.title ? NULL : L->catalog_title.en,
            .file = base_name(path),
            .sheet = t.name,
            .sha256 = out->sha256,
            .today = today,
        };
        out->yaml = emit(&m, L, &N, &out->yaml_len);
        if (!out->yaml) {
            r = status_fail(err, &(status_info){STATUS_INTERNAL, .extra = "YAML emitter"});
        } else {
            /* what was written must load like any catalog; a failure here is a bug of ours */
            diag_list diags = {0};
            catalog *c = catalog_load_buffer(output_name, out->yaml, out->yaml_len, &diags);
            if (!c || diags.len) {
                char *first = diags.len ? diag_format(&diags.items[0]) : xstrdup("catalog loader");
                r = status_fail(err, &(status_info){STATUS_INTERNAL, .extra = first});
                free(first);
            }
            catalog_free(c);
            diag_free(&diags);
            out->id = xstrdup(m.id);
            out->version = xstrdup(m.version);
            out->sheet = xstrdup(t.name);
            out->items = N.items;
            out->headings = N.headings;
        }
    }
    nodes_free(&N);
    free(C.devices);
    table_free(&t);
    if (r != STATUS_OK)
        import_result_free(out);
    return r;
}

void import_result_free(import_result *r)
{
    free(r->id);
    free(r->version);
    free(r->sheet);
    free(r->yaml);
    *r = (import_result){0};
}

status_code import_identity_check(store *s, const char *id, const char *version, const char *output_path,
                                  status_detail *err)
{
    catalog_info *list = NULL;
    size_t n = 0;
    status_code r = catalog_db_list(s, &list, &n, err);
    char *out_real = output_path ? realpath(output_path, NULL) : NULL;
    for (size_t i = 0; r == STATUS_OK && i < n; i++) {
        if (!str_eq(list[i].id, id) || !str_eq(list[i].version, version))
            continue;
        char *real = list[i].file_path ? realpath(list[i].file_path, NULL) : NULL;
        bool itself = real && out_real && str_eq(real, out_real);
        free(real);
        if (itself)
            continue;
        char *name = xasprintf("%s@%s", id, version);
        r = status_fail(err, &(status_info){STATUS_CATALOG_ID_TAKEN, .entity = name,
                                            .extra = list[i].file_path ? list[i].file_path : "the database"});
        free(name);
    }
    free(out_real);
    catalog_info_free(list, n);
    return r;
}
