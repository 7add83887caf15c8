#include "xlsx_read.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "base/lib.h"

enum { MAX_ROWS = 1048576, MAX_COLS = 16384 };

typedef struct {
    char *name, *part;
} sheet_entry;

struct xlsx_book {
    zip_t *zip;
    sheet_entry *sheets;
    size_t nsheets, sheets_cap;
    char **sst; /* shared strings */
    size_t nsst, sst_cap;
};

struct xlsx_sheet {
    xlsx_cell *cells;
    size_t ncells, cells_cap;
    xlsx_range *merges;
    size_t nmerges, merges_cap;
    uint32_t rows, cols;
};

/* ---- errors ---- */

void xlsx_error_clear(xlsx_error *err)
{
    if (!err)
        return;
    free(err->where);
    free(err->cell);
    *err = (xlsx_error){0};
}

status_code xlsx_error_status(const char *path, const char *sheet, const xlsx_error *e, status_detail *err)
{
    switch (e->status) {
    case XLSX_ERR_XML:
        return status_fail(err, &(status_info){STATUS_SHEET_DAMAGED, .entity = path, .value = e->where, .line = e->line});
    case XLSX_ERR_VALUE:
        return status_fail(err, &(status_info){STATUS_SHEET_CELL_MALFORMED, .entity = sheet ? sheet : path,
                                               .value = e->cell, .extra = e->where, .line = e->line});
    default:
        return status_fail(err, &(status_info){STATUS_SHEET_UNREADABLE, .entity = path,
                                               .value = e->status == XLSX_ERR_PART ? e->where : NULL});
    }
}

static xlsx_status fail(xlsx_error *err, xlsx_status st, const char *where, const char *cell, int line)
{
    if (err) {
        xlsx_error_clear(err);
        err->status = st;
        err->where = where ? xstrdup(where) : NULL;
        err->cell = cell ? xstrdup(cell) : NULL;
        err->line = line;
    }
    return st;
}

/* ---- references ---- */

bool xlsx_ref_parse(const char *ref, uint32_t *row, uint32_t *col)
{
    const char *p = ref;
    if (!p)
        return false;
    if (*p == '$')
        p++;
    uint32_t c = 0;
    int letters = 0;
    for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++, letters++) {
        if (letters == 3)
            return false;
        c = c * 26 + (uint32_t)((*p | 0x20) - 'a' + 1);
    }
    if (*p == '$')
        p++;
    uint32_t r = 0;
    int digits = 0;
    for (; *p >= '0' && *p <= '9'; p++, digits++) {
        if (digits == 7)
            return false;
        r = r * 10 + (uint32_t)(*p - '0');
    }
    if (!letters || !digits || *p || r == 0 || r > MAX_ROWS || c > MAX_COLS)
        return false;
    *row = r - 1;
    *col = c - 1;
    return true;
}

bool xlsx_range_parse(const char *ref, xlsx_range *out)
{
    const char *colon = ref ? strchr(ref, ':') : NULL;
    if (!colon) {
        uint32_t r, c;
        if (!xlsx_ref_parse(ref, &r, &c))
            return false;
        *out = (xlsx_range){r, c, r, c};
        return true;
    }
    char *first = xstrndup(ref, (size_t)(colon - ref));
    xlsx_range x;
    bool ok = xlsx_ref_parse(first, &x.first_row, &x.first_col) && xlsx_ref_parse(colon + 1, &x.last_row, &x.last_col) &&
              x.first_row <= x.last_row && x.first_col <= x.last_col;
    free(first);
    if (ok)
        *out = x;
    return ok;
}

void xlsx_ref_format(uint32_t row, uint32_t col, char *buf)
{
    char letters[4];
    int n = 0;
    for (uint32_t c = col + 1; c > 0 && n < 3; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    int k = 0;
    while (n > 0)
        buf[k++] = letters[--n];
    snprintf(buf + k, 16 - (size_t)k, "%u", row + 1);
}

/* ---- package ---- */

char *xlsx_part_read(xlsx_book *book, const char *part, size_t *len, xlsx_error *err)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(book->zip, part, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
        fail(err, XLSX_ERR_PART, part, NULL, 0);
        return NULL;
    }
    if (st.size > XLSX_PART_MAX) {
        fail(err, XLSX_ERR_PART, part, NULL, 0);
        return NULL;
    }
    zip_file_t *zf = zip_fopen(book->zip, part, 0);
    if (!zf) {
        fail(err, XLSX_ERR_PART, part, NULL, 0);
        return NULL;
    }
    char *data = xmalloc((size_t)st.size + 1);
    zip_int64_t got = zip_fread(zf, data, st.size);
    zip_fclose(zf);
    if (got < 0 || (zip_uint64_t)got != st.size) {
        free(data);
        fail(err, XLSX_ERR_PART, part, NULL, 0);
        return NULL;
    }
    data[st.size] = '\0';
    if (len)
        *len = (size_t)st.size;
    return data;
}

static void silence_xml_errors(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* A part parsed as XML, without network access or a DTD. */
static xmlDoc *part_xml(xlsx_book *book, const char *part, xlsx_error *err)
{
    size_t len;
    char *data = xlsx_part_read(book, part, &len, err);
    if (!data)
        return NULL;
    if (len > INT_MAX) {
        free(data);
        fail(err, XLSX_ERR_PART, part, NULL, 0);
        return NULL;
    }
    xmlSetGenericErrorFunc(NULL, silence_xml_errors);
    xmlResetLastError();
    xmlDoc *doc = xmlReadMemory(data, (int)len, part, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(data);
    if (!doc || doc->intSubset || doc->extSubset) {
        const xmlError *e = xmlGetLastError();
        fail(err, XLSX_ERR_XML, part, NULL, doc ? 1 : e ? e->line : 0);
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

static bool named(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

static xmlNode *child(const xmlNode *n, const char *local)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (named(c, local))
            return c;
    return NULL;
}

/* An attribute by local name, with no namespace (ns = false) or any namespace (ns = true). */
static char *attr(const xmlNode *n, const char *local, bool ns)
{
    for (xmlAttr *a = n->properties; a; a = a->next)
        if (strcmp((const char *)a->name, local) == 0 && (a->ns != NULL) == ns) {
            xmlChar *v = xmlNodeGetContent((const xmlNode *)a);
            char *s = xstrdup(v ? (const char *)v : "");
            xmlFree(v);
            return s;
        }
    return NULL;
}

/* Resolves a relationship target against the directory of the part that owns it. */
static char *resolve_target(const char *owner_dir, const char *target)
{
    if (target[0] == '/')
        return xstrdup(target + 1);
    strbuf sb = {0};
    sb_add(&sb, owner_dir);
    const char *t = target;
    while (strncmp(t, "../", 3) == 0) {
        t += 3;
        /* Drop the last directory of what we have (owner_dir ends with '/'). */
        if (sb.len)
            sb.data[--sb.len] = '\0';
        char *slash = strrchr(sb.data ? sb.data : "", '/');
        sb.len = slash ? (size_t)(slash - sb.data) + 1 : 0;
        if (sb.data)
            sb.data[sb.len] = '\0';
    }
    sb_add(&sb, t);
    return sb_take(&sb);
}

typedef struct {
    char *id, *type, *target;
} rel;

static void rels_free(rel *rels, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rels[i].id);
        free(rels[i].type);
        free(rels[i].target);
    }
    free(rels);
}

/* The relationships of a part (its _rels/NAME.rels), targets resolved to part names. A part
 * without relationships gives none. */
static rel *rels_read(xlsx_book *book, const char *part, size_t *n, xlsx_error *err, bool *ok)
{
    *n = 0;
    *ok = true;
    const char *slash = strrchr(part, '/');
    char *dir = slash ? xstrndup(part, (size_t)(slash - part) + 1) : xstrdup("");
    char *rels_part = xasprintf("%s_rels/%s.rels", dir, slash ? slash + 1 : part);
    rel *out = NULL;
    size_t cap = 0;
    if (zip_name_locate(book->zip, rels_part, 0) >= 0) {
        xmlDoc *doc = part_xml(book, rels_part, err);
        if (!doc) {
            *ok = false;
        } else {
            for (xmlNode *r = xmlDocGetRootElement(doc)->children; r; r = r->next) {
                if (!named(r, "Relationship"))
                    continue;
                char *id = attr(r, "Id", false), *type = attr(r, "Type", false), *target = attr(r, "Target", false);
                if (id && type && target) {
                    GROW(out, cap, *n + 1);
                    out[(*n)++] = (rel){id, type, resolve_target(dir, target)};
                    free(target);
                } else {
                    free(id);
                    free(type);
                    free(target);
                }
            }
            xmlFreeDoc(doc);
        }
    }
    free(rels_part);
    free(dir);
    return out;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Text of a string item (<si> or <is>): its <t>, or the concatenated <t> of its runs (<r>);
 * phonetic runs (<rPh>, furigana in Japanese workbooks) are not part of the value. */
static char *string_item(const xmlNode *si)
{
    strbuf sb = {0};
    sb_add(&sb, "");
    for (xmlNode *c = si->children; c; c = c->next) {
        const xmlNode *t = named(c, "t") ? c : named(c, "r") ? child(c, "t") : NULL;
        if (!t)
            continue;
        xmlChar *v = xmlNodeGetContent(t);
        if (v)
            sb_add(&sb, (const char *)v);
        xmlFree(v);
    }
    return sb_take(&sb);
}

static bool shared_strings_read(xlsx_book *book, const char *part, xlsx_error *err)
{
    xmlDoc *doc = part_xml(book, part, err);
    if (!doc)
        return false;
    for (xmlNode *si = xmlDocGetRootElement(doc)->children; si; si = si->next)
        if (named(si, "si")) {
            GROW(book->sst, book->sst_cap, book->nsst + 1);
            book->sst[book->nsst++] = string_item(si);
        }
    xmlFreeDoc(doc);
    return true;
}

static const char *REL_OFFICE_DOC = "/officeDocument";

static xlsx_status book_open(zip_t *zip, xlsx_book **out, xlsx_error *err);

xlsx_status xlsx_open(const char *path, xlsx_book **out, xlsx_error *err)
{
    *out = NULL;
    int zerr = 0;
    zip_t *zip = zip_open(path, ZIP_RDONLY, &zerr);
    if (!zip)
        return fail(err, XLSX_ERR_OPEN, path, NULL, 0);
    return book_open(zip, out, err);
}

xlsx_status xlsx_open_buffer(const char *name, const void *data, size_t len, xlsx_book **out, xlsx_error *err)
{
    *out = NULL;
    zip_error_t zerr;
    zip_error_init(&zerr);
    /* libzip reads the caller's bytes in place (freep 0): they must outlive the book. */
    zip_source_t *src = zip_source_buffer_create(len ? data : "", len, 0, &zerr);
    zip_t *zip = src ? zip_open_from_source(src, ZIP_RDONLY, &zerr) : NULL;
    zip_error_fini(&zerr);
    if (!zip) {
        if (src)
            zip_source_free(src);
        return fail(err, XLSX_ERR_OPEN, name, NULL, 0);
    }
    return book_open(zip, out, err);
}

static xlsx_status book_open(zip_t *zip, xlsx_book **out, xlsx_error *err)
{
    xlsx_book *book = xcalloc(1, sizeof *book);
    book->zip = zip;

    /* The workbook part is whatever the package's officeDocument relationship names. */
    size_t nroot;
    bool ok;
    rel *root = rels_read(book, "", &nroot, err, &ok);
    char *wb_part = NULL;
    for (size_t i = 0; i < nroot && !wb_part; i++)
        if (ends_with(root[i].type, REL_OFFICE_DOC))
            wb_part = xstrdup(root[i].target);
    rels_free(root, nroot);
    if (!ok) {
        xlsx_close(book);
        return err ? err->status : XLSX_ERR_XML;
    }
    if (!wb_part)
        wb_part = xstrdup("xl/workbook.xml");

    size_t nrels;
    rel *rels = rels_read(book, wb_part, &nrels, err, &ok);
    xmlDoc *wb = ok ? part_xml(book, wb_part, err) : NULL;
    if (!wb) {
        rels_free(rels, nrels);
        free(wb_part);
        xlsx_close(book);
        return err ? err->status : XLSX_ERR_XML;
    }
    xmlNode *sheets = child(xmlDocGetRootElement(wb), "sheets");
    for (xmlNode *s = sheets ? sheets->children : NULL; s; s = s->next) {
        if (!named(s, "sheet"))
            continue;
        char *name = attr(s, "name", false), *rid = attr(s, "id", true);
        const char *target = NULL;
        for (size_t i = 0; rid && i < nrels && !target; i++)
            if (strcmp(rels[i].id, rid) == 0 && ends_with(rels[i].type, "/worksheet"))
                target = rels[i].target;
        if (name && target) { /* chartsheets and dialog sheets are not worksheets: skipped */
            GROW(book->sheets, book->sheets_cap, book->nsheets + 1);
            book->sheets[book->nsheets++] = (sheet_entry){name, xstrdup(target)};
            name = NULL;
        }
        free(name);
        free(rid);
    }
    xmlFreeDoc(wb);

    char *sst_part = NULL;
    for (size_t i = 0; i < nrels && !sst_part; i++)
        if (ends_with(rels[i].type, "/sharedStrings"))
            sst_part = xstrdup(rels[i].target);
    rels_free(rels, nrels);
    free(wb_part);
    if (sst_part && !shared_strings_read(book, sst_part, err)) {
        free(sst_part);
        xlsx_close(book);
        return err ? err->status : XLSX_ERR_XML;
    }
    free(sst_part);
    *out = book;
    return XLSX_OK;
}

void xlsx_close(xlsx_book *book)
{
    if (!book)
        return;
    for (size_t i = 0; i < book->nsheets; i++) {
        free(book->sheets[i].name);
        free(book->sheets[i].part);
    }
    free(book->sheets);
    for (size_t i = 0; i < book->nsst; i++)
        free(book->sst[i]);
    free(book->sst);
    zip_discard(book->zip);
    free(book);
}

size_t xlsx_sheet_count(const xlsx_book *book)
{
    return book->nsheets;
}

const char *xlsx_sheet_name(const xlsx_book *book, size_t index)
{
    return index < book->nsheets ? book->sheets[index].name : NULL;
}

const char *xlsx_sheet_part(const xlsx_book *book, size_t index)
{
    return index < book->nsheets ? book->sheets[index].part : NULL;
}

bool xlsx_sheet_find(const xlsx_book *book, const char *name, size_t *index)
{
    for (size_t i = 0; i < book->nsheets; i++)
        if (str_eq(book->sheets[i].name, name)) {
            *index = i;
            return true;
        }
    return false;
}

/* ---- sheets ---- */

static char *node_text(const xmlNode *n)
{
    xmlChar *v = n ? xmlNodeGetContent(n) : NULL;
    char *s = v ? xstrdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static xlsx_status cell_read(xlsx_book *book, const char *part, const xmlNode *c, uint32_t row, uint32_t col,
                             xlsx_cell *out, xlsx_error *err)
{
    char ref[16];
    xlsx_ref_format(row, col, ref);
    char *t = attr(c, "t", false), *s = attr(c, "s", false);
    *out = (xlsx_cell){.row = row, .col = col, .type = XLSX_EMPTY, .style = s ? atoi(s) : 0};
    free(s);
    const xmlNode *f = child(c, "f");
    if (f) {
        out->formula = node_text(f);
        if (!out->formula)
            out->formula = xstrdup("");
    }
    char *v = node_text(child(c, "v"));
    xlsx_status st = XLSX_OK;
    if (str_eq(t, "inlineStr")) {
        const xmlNode *is = child(c, "is");
        if (is) {
            out->type = XLSX_STRING;
            out->text = string_item(is);
        }
    } else if (!v) {
        /* no value: an empty (styled) cell */
    } else if (str_eq(t, "s")) {
        char *end;
        errno = 0;
        unsigned long i = strtoul(v, &end, 10);
        if (errno || *end || end == v || i >= book->nsst) {
            st = fail(err, XLSX_ERR_VALUE, part, ref, c->line);
        } else {
            out->type = XLSX_STRING;
            out->text = xstrdup(book->sst[i]);
        }
    } else if (str_eq(t, "str") || str_eq(t, "d")) {
        out->type = XLSX_STRING;
        out->text = v;
        v = NULL;
    } else if (str_eq(t, "b") || str_eq(t, "e")) {
        out->type = str_eq(t, "b") ? XLSX_BOOL : XLSX_ERROR;
        out->number = str_eq(t, "b") ? atof(v) : 0;
        out->text = v;
        v = NULL;
    } else if (!t || str_eq(t, "n")) {
        char *end;
        out->number = strtod(v, &end);
        if (end == v || *end) {
            st = fail(err, XLSX_ERR_VALUE, part, ref, c->line);
        } else {
            out->type = XLSX_NUMBER;
            out->text = v;
            v = NULL;
        }
    } else {
        st = fail(err, XLSX_ERR_VALUE, part, ref, c->line);
    }
    free(v);
    free(t);
    return st;
}

static void cell_free(xlsx_cell *c)
{
    free(c->text);
    free(c->formula);
}

static int cell_cmp(const void *a, const void *b)
{
    const xlsx_cell *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->col < y->col ? -1 : x->col > y->col;
}

static xlsx_status rows_read(xlsx_book *book, const char *part, const xmlNode *data, xlsx_sheet *sh, xlsx_error *err)
{
    uint32_t row = UINT32_MAX; /* so the first row without "r" is row 0 */
    for (xmlNode *r = data ? data->children : NULL; r; r = r->next) {
        if (!named(r, "row"))
            continue;
        char *rattr = attr(r, "r", false);
        if (rattr) {
            char *end;
            unsigned long n = strtoul(rattr, &end, 10);
            bool bad = *end || end == rattr || n == 0 || n > MAX_ROWS;
            free(rattr);
            if (bad)
                return fail(err, XLSX_ERR_VALUE, part, NULL, r->line);
            row = (uint32_t)(n - 1);
        } else {
            row++;
        }
        uint32_t col = UINT32_MAX;
        for (xmlNode *c = r->children; c; c = c->next) {
            if (!named(c, "c"))
                continue;
            char *ref = attr(c, "r", false);
            uint32_t rr = row, cc = col + 1;
            if (ref && (!xlsx_ref_parse(ref, &rr, &cc) || rr != row)) {
                xlsx_status st = fail(err, XLSX_ERR_VALUE, part, ref, c->line);
                free(ref);
                return st;
            }
            free(ref);
            col = cc;
            GROW(sh->cells, sh->cells_cap, sh->ncells + 1);
            if (cell_read(book, part, c, row, col, &sh->cells[sh->ncells], err) != XLSX_OK) {
                cell_free(&sh->cells[sh->ncells]);
                return err ? err->status : XLSX_ERR_VALUE;
            }
            sh->ncells++;
            if (row + 1 > sh->rows)
                sh->rows = row + 1;
            if (col + 1 > sh->cols)
                sh->cols = col + 1;
        }
    }
    return XLSX_OK;
}

xlsx_status xlsx_sheet_load(xlsx_book *book, size_t index, xlsx_sheet **out, xlsx_error *err)
{
    *out = NULL;
    if (index >= book->nsheets)
        return fail(err, XLSX_ERR_NO_SHEET, NULL, NULL, 0);
    const char *part = book->sheets[index].part;
    xmlDoc *doc = part_xml(book, part, err);
    if (!doc)
        return err ? err->status : XLSX_ERR_XML;
    xlsx_sheet *sh = xcalloc(1, sizeof *sh);
    xmlNode *root = xmlDocGetRootElement(doc);
    xlsx_status st = rows_read(book, part, child(root, "sheetData"), sh, err);
    xmlNode *merges = child(root, "mergeCells");
    for (xmlNode *m = merges ? merges->children : NULL; m && st == XLSX_OK; m = m->next) {
        if (!named(m, "mergeCell"))
            continue;
        char *ref = attr(m, "ref", false);
        xlsx_range rg;
        if (!ref || !xlsx_range_parse(ref, &rg)) {
            st = fail(err, XLSX_ERR_VALUE, part, ref, m->line);
        } else {
            GROW(sh->merges, sh->merges_cap, sh->nmerges + 1);
            sh->merges[sh->nmerges++] = rg;
        }
        free(ref);
    }
    xmlFreeDoc(doc);
    if (st != XLSX_OK) {
        xlsx_sheet_free(sh);
        return st;
    }
    if (sh->ncells)
        qsort(sh->cells, sh->ncells, sizeof *sh->cells, cell_cmp);
    *out = sh;
    return XLSX_OK;
}

void xlsx_sheet_free(xlsx_sheet *sheet)
{
    if (!sheet)
        return;
    for (size_t i = 0; i < sheet->ncells; i++)
        cell_free(&sheet->cells[i]);
    free(sheet->cells);
    free(sheet->merges);
    free(sheet);
}

const xlsx_cell *xlsx_cell_at(const xlsx_sheet *sheet, uint32_t row, uint32_t col)
{
    xlsx_cell key = {.row = row, .col = col};
    if (!sheet->ncells)
        return NULL;
    return bsearch(&key, sheet->cells, sheet->ncells, sizeof *sheet->cells, cell_cmp);
}

const xlsx_cell *xlsx_cell_ref(const xlsx_sheet *sheet, const char *ref)
{
    uint32_t r, c;
    return xlsx_ref_parse(ref, &r, &c) ? xlsx_cell_at(sheet, r, c) : NULL;
}

const char *xlsx_text_at(const xlsx_sheet *sheet, uint32_t row, uint32_t col)
{
    const xlsx_cell *c = xlsx_cell_at(sheet, row, col);
    return c && c->text ? c->text : "";
}

const char *xlsx_merged_text_at(const xlsx_sheet *sheet, uint32_t row, uint32_t col)
{
    const xlsx_range *m = xlsx_merge_find(sheet, row, col);
    return m ? xlsx_text_at(sheet, m->first_row, m->first_col) : xlsx_text_at(sheet, row, col);
}

size_t xlsx_cell_count(const xlsx_sheet *sheet)
{
    return sheet->ncells;
}

const xlsx_cell *xlsx_cell_index(const xlsx_sheet *sheet, size_t i)
{
    return i < sheet->ncells ? &sheet->cells[i] : NULL;
}

uint32_t xlsx_sheet_rows(const xlsx_sheet *sheet)
{
    return sheet->rows;
}

uint32_t xlsx_sheet_cols(const xlsx_sheet *sheet)
{
    return sheet->cols;
}

size_t xlsx_merge_count(const xlsx_sheet *sheet)
{
    return sheet->nmerges;
}

const xlsx_range *xlsx_merge_at(const xlsx_sheet *sheet, size_t i)
{
    return i < sheet->nmerges ? &sheet->merges[i] : NULL;
}

const xlsx_range *xlsx_merge_find(const xlsx_sheet *sheet, uint32_t row, uint32_t col)
{
    for (size_t i = 0; i < sheet->nmerges; i++) {
        const xlsx_range *m = &sheet->merges[i];
        if (row >= m->first_row && row <= m->last_row && col >= m->first_col && col <= m->last_col)
            return m;
    }
    return NULL;
}
