#include "layout.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "sheet/lib.h"

typedef struct {
    yaml_document_t doc;
    const char *path;
    status_detail *err;
    status_code failed;
} reader;

static status_code fail_at(reader *R, const yaml_node_t *n, const status_info *in)
{
    if (R->failed)
        return R->failed;
    status_info i = *in;
    i.entity = R->path;
    if (n) {
        i.line = (int)n->start_mark.line + 1;
        i.col = (int)n->start_mark.column + 1;
    }
    R->failed = status_fail(R->err, &i);
    return R->failed;
}

static const char *scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static yaml_node_t *node(reader *R, yaml_node_item_t i)
{
    return yaml_document_get_node(&R->doc, i);
}

/* The value of key in mapping m, NULL when absent. */
static yaml_node_t *get(reader *R, const yaml_node_t *m, const char *key)
{
    if (!m || m->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++)
        if (str_eq(scalar(node(R, p->key)), key))
            return node(R, p->value);
    return NULL;
}

static void check_keys(reader *R, const yaml_node_t *m, const char *const *keys)
{
    if (!m || m->type != YAML_MAPPING_NODE)
        return;
    for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node(R, p->key);
        bool known = false;
        for (size_t i = 0; keys[i] && !known; i++)
            known = str_eq(scalar(k), keys[i]);
        if (!known)
            fail_at(R, k, &(status_info){STATUS_LAYOUT_FIELD_UNKNOWN, .field = scalar(k) ? scalar(k) : "?"});
    }
}

static bool need_type(reader *R, const yaml_node_t *n, yaml_node_type_t t, const char *field, const char *what)
{
    if (n && n->type == t)
        return true;
    fail_at(R, n, &(status_info){STATUS_LAYOUT_INVALID, .field = field, .value = n ? scalar(n) ? scalar(n) : "…" : "",
                                 .extra = what});
    return false;
}

static char *text_of(reader *R, const yaml_node_t *m, const char *key, bool required, const char *field)
{
    yaml_node_t *n = get(R, m, key);
    if (!n) {
        if (required)
            fail_at(R, m, &(status_info){STATUS_LAYOUT_FIELD_REQUIRED, .field = field});
        return NULL;
    }
    if (!need_type(R, n, YAML_SCALAR_NODE, field, "text"))
        return NULL;
    return xstrdup(scalar(n));
}

/* {ja: …, en: …} or a plain string (Japanese). */
static i18n_text i18n_of(reader *R, const yaml_node_t *n, const char *field)
{
    i18n_text t = {0};
    if (!n)
        return t;
    if (n->type == YAML_SCALAR_NODE) {
        t.ja = xstrdup(scalar(n));
        return t;
    }
    static const char *const keys[] = {"ja", "en", NULL};
    if (!need_type(R, n, YAML_MAPPING_NODE, field, "{ja: …, en: …}"))
        return t;
    check_keys(R, n, keys);
    t.ja = text_of(R, n, "ja", true, field);
    t.en = text_of(R, n, "en", false, field);
    return t;
}

/* A column: letters (A, BC) or {title: 見出し}. */
static void column_of(reader *R, const yaml_node_t *m, const char *key, bool required, import_column *out)
{
    yaml_node_t *n = get(R, m, key);
    *out = (import_column){0};
    if (!n) {
        if (required)
            fail_at(R, m, &(status_info){STATUS_LAYOUT_FIELD_REQUIRED, .field = key});
        return;
    }
    out->line = (int)n->start_mark.line + 1;
    if (n->type == YAML_MAPPING_NODE) {
        static const char *const keys[] = {"title", NULL};
        check_keys(R, n, keys);
        out->title = text_of(R, n, "title", true, key);
        out->used = out->title != NULL;
        return;
    }
    const char *s = scalar(n);
    char *ref = s ? xasprintf("%s1", s) : NULL;
    uint32_t row;
    bool letters = s && *s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") == strlen(s);
    if (!letters || !xlsx_ref_parse(ref, &row, &out->col))
        fail_at(R, n, &(status_info){STATUS_LAYOUT_INVALID, .field = key, .value = s ? s : "…",
                                     .extra = "a column letter A-XFD, or {title: …}"});
    else
        out->used = true;
    free(ref);
}

static uint32_t row_of(reader *R, const yaml_node_t *m, const char *key, bool required)
{
    yaml_node_t *n = get(R, m, key);
    if (!n) {
        if (required)
            fail_at(R, m, &(status_info){STATUS_LAYOUT_FIELD_REQUIRED, .field = key});
        return 0;
    }
    const char *s = scalar(n);
    char *end = NULL;
    long v = s ? strtol(s, &end, 10) : 0;
    if (!s || !*s || *end || v < 1 || v > 1048576) {
        fail_at(R, n, &(status_info){STATUS_LAYOUT_INVALID, .field = key, .value = s ? s : "…",
                                     .extra = "a row number 1-1048576"});
        return 0;
    }
    return (uint32_t)v;
}

static void devices_of(reader *R, const yaml_node_t *seq, import_layout *L)
{
    if (!seq || !need_type(R, seq, YAML_SEQUENCE_NODE, "columns.devices", "a list of {column, tag, label}"))
        return;
    size_t cap = 0;
    for (yaml_node_item_t *i = seq->data.sequence.items.start; i < seq->data.sequence.items.top; i++) {
        yaml_node_t *d = node(R, *i);
        if (!need_type(R, d, YAML_MAPPING_NODE, "columns.devices", "{column, tag, label}"))
            return;
        static const char *const keys[] = {"column", "tag", "label", NULL};
        check_keys(R, d, keys);
        GROW(L->devices, cap, L->ndevices + 1);
        import_device *dev = &L->devices[L->ndevices++];
        *dev = (import_device){0};
        column_of(R, d, "column", true, &dev->column);
        dev->tag = text_of(R, d, "tag", true, "tag");
        dev->label = i18n_of(R, get(R, d, "label"), "label");
        if (!dev->label.ja)
            fail_at(R, d, &(status_info){STATUS_LAYOUT_FIELD_REQUIRED, .field = "label"});
    }
}

static void answers_of(reader *R, const yaml_node_t *seq, import_layout *L)
{
    if (!seq || !need_type(R, seq, YAML_SEQUENCE_NODE, "answers", "a list of {value, label, meaning}"))
        return;
    size_t cap = 0;
    for (yaml_node_item_t *i = seq->data.sequence.items.start; i < seq->data.sequence.items.top; i++) {
        yaml_node_t *a = node(R, *i);
        if (!need_type(R, a, YAML_MAPPING_NODE, "answers", "{value, label, meaning, key}"))
            return;
        static const char *const keys[] = {"value", "label", "meaning", "key", NULL};
        check_keys(R, a, keys);
        GROW(L->answers, cap, L->nanswers + 1);
        answer_def *d = &L->answers[L->nanswers++];
        *d = (answer_def){0};
        d->value = text_of(R, a, "value", true, "value");
        d->label = i18n_of(R, get(R, a, "label"), "label");
        char *meaning = text_of(R, a, "meaning", true, "meaning");
        if (meaning && !answer_meaning_parse(meaning, &d->meaning))
            fail_at(R, get(R, a, "meaning"), &(status_info){STATUS_LAYOUT_INVALID, .field = "meaning", .value = meaning,
                                                            .extra = "positive, partial, negative, not_applicable"});
        free(meaning);
        /* as in the shipped catalogs: いいえ and 対象外 are explained (issue 16) */
        d->needs_reason = d->meaning == MEANING_NEGATIVE || d->meaning == MEANING_NA;
        char *key = text_of(R, a, "key", false, "key");
        if (key && strlen(key) != 1)
            fail_at(R, get(R, a, "key"), &(status_info){STATUS_LAYOUT_INVALID, .field = "key", .value = key,
                                                        .extra = "one ASCII character"});
        d->key = key ? key[0] : 0;
        free(key);
    }
}

/* The default answer set of the checklists: はい / いいえ. */
static void default_answers(import_layout *L)
{
    L->answers = xcalloc(2, sizeof *L->answers);
    L->answers[0] = (answer_def){.value = xstrdup("yes"), .label = {xstrdup("はい"), xstrdup("Yes")},
                                 .meaning = MEANING_POSITIVE, .key = 'y'};
    L->answers[1] = (answer_def){.value = xstrdup("no"), .label = {xstrdup("いいえ"), xstrdup("No")},
                                 .meaning = MEANING_NEGATIVE, .key = 'n', .needs_reason = true};
    L->nanswers = 2;
}

static void catalog_of(reader *R, const yaml_node_t *m, import_layout *L)
{
    if (!m || !need_type(R, m, YAML_MAPPING_NODE, "catalog", "a mapping"))
        return;
    static const char *const keys[] = {"id", "version", "kind", "title", "publisher", "published", "source_url", NULL};
    check_keys(R, m, keys);
    L->id = text_of(R, m, "id", false, "catalog.id");
    L->version = text_of(R, m, "version", false, "catalog.version");
    L->kind = text_of(R, m, "kind", false, "catalog.kind");
    L->catalog_title = i18n_of(R, get(R, m, "title"), "catalog.title");
    L->publisher = text_of(R, m, "publisher", false, "catalog.publisher");
    L->published = text_of(R, m, "published", false, "catalog.published");
    L->source_url = text_of(R, m, "source_url", false, "catalog.source_url");
}

static void layout_read(reader *R, import_layout *L)
{
    yaml_node_t *root = yaml_document_get_root_node(&R->doc);
    if (!root || root->type != YAML_MAPPING_NODE) {
        fail_at(R, root, &(status_info){STATUS_LAYOUT_NOT_YAML, .extra = "expected a mapping"});
        return;
    }
    static const char *const keys[] = {"layout", "sheet", "header_row", "last_row", "columns", "absent",
                                       "answers", "dates", "catalog", "note", NULL};
    check_keys(R, root, keys);
    char *format = text_of(R, root, "layout", true, "layout");
    if (format && !str_eq(format, IMPORT_LAYOUT_FORMAT))
        fail_at(R, get(R, root, "layout"), &(status_info){STATUS_LAYOUT_INVALID, .field = "layout", .value = format,
                                                           .extra = IMPORT_LAYOUT_FORMAT});
    free(format);
    L->sheet = text_of(R, root, "sheet", false, "sheet");
    yaml_node_t *hr = get(R, root, "header_row");
    if (!str_eq(scalar(hr), "auto")) /* auto: found by the column titles (import_sheet.c) */
        L->header_row = row_of(R, root, "header_row", true);
    L->last_row = row_of(R, root, "last_row", false);
    yaml_node_t *cols = get(R, root, "columns");
    if (!cols)
        fail_at(R, root, &(status_info){STATUS_LAYOUT_FIELD_REQUIRED, .field = "columns"});
    else if (need_type(R, cols, YAML_MAPPING_NODE, "columns", "a mapping")) {
        static const char *const ckeys[] = {"number", "text", "section", "title", "devices", NULL};
        check_keys(R, cols, ckeys);
        column_of(R, cols, "number", true, &L->number);
        column_of(R, cols, "text", true, &L->text);
        column_of(R, cols, "section", false, &L->section);
        column_of(R, cols, "title", false, &L->title);
        devices_of(R, get(R, cols, "devices"), L);
    }
    yaml_node_t *absent = get(R, root, "absent");
    if (absent && need_type(R, absent, YAML_SEQUENCE_NODE, "absent", "a list of cell values"))
        for (yaml_node_item_t *i = absent->data.sequence.items.start; i < absent->data.sequence.items.top; i++)
            if (scalar(node(R, *i)))
                sl_push(&L->absent, scalar(node(R, *i)));
    if (!absent) {
        static const char *const dflt[] = {"－", "-", "ー", "―", "／", "/", "×", "対象外", "斜線"};
        for (size_t i = 0; i < AZ_ARRAY_LEN(dflt); i++)
            sl_push(&L->absent, dflt[i]);
    }
    answers_of(R, get(R, root, "answers"), L);
    if (!L->nanswers && !R->failed)
        default_answers(L);
    yaml_node_t *dates = get(R, root, "dates");
    if (dates && need_type(R, dates, YAML_SEQUENCE_NODE, "dates", "[checked, due, done]"))
        for (yaml_node_item_t *i = dates->data.sequence.items.start; i < dates->data.sequence.items.top; i++) {
            const char *d = scalar(node(R, *i));
            unsigned bit = str_eq(d, "checked") ? DATE_CHECKED : str_eq(d, "due") ? DATE_DUE : str_eq(d, "done") ? DATE_DONE : 0;
            if (!bit)
                fail_at(R, node(R, *i), &(status_info){STATUS_LAYOUT_INVALID, .field = "dates", .value = d ? d : "…",
                                                       .extra = "checked, due, done"});
            L->dates |= bit;
        }
    catalog_of(R, get(R, root, "catalog"), L);
}

status_code import_layout_load(const char *path, import_layout **out, status_detail *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return status_fail(err, &(status_info){STATUS_FILE_CANNOT_READ, .entity = path, .extra = strerror(errno)});
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, f);
    reader R = {.path = path, .err = err};
    if (!yaml_parser_load(&parser, &R.doc)) {
        status_code r = status_fail(err, &(status_info){STATUS_LAYOUT_NOT_YAML, .entity = path,
                                                        .line = (int)parser.problem_mark.line + 1,
                                                        .col = (int)parser.problem_mark.column + 1,
                                                        .extra = parser.problem ? parser.problem : NULL});
        yaml_parser_delete(&parser);
        fclose(f);
        return r;
    }
    yaml_parser_delete(&parser);
    fclose(f);
    import_layout *L = xcalloc(1, sizeof *L);
    L->path = xstrdup(path);
    layout_read(&R, L);
    yaml_document_delete(&R.doc);
    if (R.failed) {
        import_layout_free(L);
        return R.failed;
    }
    *out = L;
    return STATUS_OK;
}

static void i18n_free(i18n_text *t)
{
    free(t->ja);
    free(t->en);
}

void import_layout_free(import_layout *l)
{
    if (!l)
        return;
    free(l->path);
    free(l->sheet);
    import_column *cols[] = {&l->number, &l->text, &l->section, &l->title};
    for (size_t i = 0; i < AZ_ARRAY_LEN(cols); i++)
        free(cols[i]->title);
    for (size_t i = 0; i < l->ndevices; i++) {
        free(l->devices[i].column.title);
        free(l->devices[i].tag);
        i18n_free(&l->devices[i].label);
    }
    free(l->devices);
    sl_free(&l->absent);
    for (size_t i = 0; i < l->nanswers; i++) {
        free(l->answers[i].value);
        i18n_free(&l->answers[i].label);
    }
    free(l->answers);
    free(l->id);
    free(l->version);
    free(l->kind);
    free(l->publisher);
    free(l->published);
    free(l->source_url);
    i18n_free(&l->catalog_title);
    free(l);
}
