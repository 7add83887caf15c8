/* YAML → catalog, with full validation. Every problem is reported with its file:line:col and
 * loading continues so that one run shows all of a file's errors; any error discards the result. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <yaml.h>

#include "catalog_limits.h"
#include "catalog_yaml.h"
#include "node_fields.h"
#include "text/lib.h"

typedef struct {
    const char *file;
    yaml_document_t *doc;
    diag_list *diags;
    size_t errors;
    strindex tags;    /* tag id -> index in catalog.tags */
    strindex answers; /* answer value -> index in catalog.answers */
} loader;

AZ_PRINTF(3, 4) static void fail(loader *L, const yaml_node_t *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    diag_add(L->diags, L->file, n ? (int)n->start_mark.line + 1 : 0, n ? (int)n->start_mark.column + 1 : 0, "%s",
             msg);
    free(msg);
    L->errors++;
}

static yaml_node_t *node_at(loader *L, int index)
{
    return yaml_document_get_node(L->doc, index);
}

static const char *kind_name(const yaml_node_t *n)
{
    switch (n->type) {
    case YAML_SCALAR_NODE: return "a scalar";
    case YAML_SEQUENCE_NODE: return "a list";
    case YAML_MAPPING_NODE: return "a mapping";
    default: return "nothing";
    }
}

static const char *scalar(const yaml_node_t *n)
{
    return (const char *)n->data.scalar.value;
}

/* Checks a mapping's keys: scalar, no duplicates, all in `allowed`. `what` names the mapping.
 * Duplicates are found through an index, so a mapping of n keys costs n lookups, not n²/2
 * comparisons (40,000 keys took 11 s that way). */
static void check_keys(loader *L, yaml_node_t *map, const char *what, const char *const *allowed)
{
    strindex seen = {0};
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node_at(L, p->key);
        if (k->type != YAML_SCALAR_NODE) {
            fail(L, k, "%s: keys must be plain names", what);
            continue;
        }
        size_t first;
        if (strindex_get(&seen, scalar(k), &first)) {
            fail(L, k, "duplicate key \"%s\" in %s (first at line %zu)", scalar(k), what, first + 1);
        } else {
            strindex_add(&seen, scalar(k), k->start_mark.line);
        }
        bool known = false;
        for (const char *const *a = allowed; *a && !known; a++)
            known = str_eq(*a, scalar(k));
        if (!known)
            fail(L, k, "unknown field \"%s\" in %s", scalar(k), what);
    }
    strindex_free(&seen);
}

static yaml_node_t *get(loader *L, yaml_node_t *map, const char *key)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node_at(L, p->key);
        if (k->type == YAML_SCALAR_NODE && str_eq(scalar(k), key))
            return node_at(L, p->value);
    }
    return NULL;
}

static yaml_node_t *expect(loader *L, yaml_node_t *n, yaml_node_type_t type, const char *what)
{
    if (!n)
        return NULL;
    if (n->type != type) {
        const char *want = type == YAML_MAPPING_NODE ? "a mapping" : type == YAML_SEQUENCE_NODE ? "a list" : "a scalar";
        fail(L, n, "%s must be %s, found %s", what, want, kind_name(n));
        return NULL;
    }
    return n;
}

/* The string value v of map's `key` (looked up by the caller, NULL when absent), checked.
 * Returns an owned copy or NULL. */
static char *str_value(loader *L, yaml_node_t *map, yaml_node_t *v, const char *key, bool required, const char *what)
{
    if (!v) {
        if (required)
            fail(L, map, "%s: missing required field \"%s\"", what, key);
        return NULL;
    }
    if (v->type != YAML_SCALAR_NODE) {
        fail(L, v, "%s: \"%s\" must be a string, found %s", what, key, kind_name(v));
        return NULL;
    }
    const char *s = scalar(v);
    if (!utf8_valid(s)) {
        fail(L, v, "%s: \"%s\" is not valid UTF-8", what, key);
        return NULL;
    }
    if (required && !*s) {
        fail(L, v, "%s: \"%s\" must not be empty", what, key);
        return NULL;
    }
    return xstrdup(s);
}

/* A required or optional string field. Returns an owned copy or NULL. */
static char *str_field(loader *L, yaml_node_t *map, const char *key, bool required, const char *what)
{
    return str_value(L, map, get(L, map, key), key, required, what);
}

static bool parse_int(const char *s, long lo, long hi, long *out)
{
    if (!s || !*s)
        return false;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static bool int_field(loader *L, yaml_node_t *map, const char *key, bool required, long lo, long hi, long *out,
                      const char *what)
{
    yaml_node_t *v = get(L, map, key);
    if (!v) {
        if (required)
            fail(L, map, "%s: missing required field \"%s\"", what, key);
        return false;
    }
    if (v->type != YAML_SCALAR_NODE || !parse_int(scalar(v), lo, hi, out)) {
        fail(L, v, "%s: \"%s\" must be a whole number from %ld to %ld", what, key, lo, hi);
        return false;
    }
    return true;
}

static bool bool_field(loader *L, yaml_node_t *map, const char *key, bool required, bool *out, const char *what)
{
    yaml_node_t *v = get(L, map, key);
    if (!v) {
        if (required)
            fail(L, map, "%s: missing required field \"%s\"", what, key);
        return false;
    }
    if (v->type == YAML_SCALAR_NODE && (str_eq(scalar(v), "true") || str_eq(scalar(v), "false"))) {
        *out = str_eq(scalar(v), "true");
        return true;
    }
    fail(L, v, "%s: \"%s\" must be true or false", what, key);
    return false;
}

/* {ja: …, en: …} or a plain string (taken as Japanese). */
static bool i18n_field(loader *L, yaml_node_t *map, const char *key, bool required, i18n_text *out, const char *what)
{
    yaml_node_t *v = get(L, map, key);
    if (!v) {
        if (required)
            fail(L, map, "%s: missing required field \"%s\"", what, key);
        return false;
    }
    char *ctx = xasprintf("%s.%s", what, key);
    bool ok = true;
    if (v->type == YAML_SCALAR_NODE) {
        if (!*scalar(v) && required) {
            fail(L, v, "%s must not be empty", ctx);
            ok = false;
        } else if (!utf8_valid(scalar(v))) {
            fail(L, v, "%s is not valid UTF-8", ctx);
            ok = false;
        } else {
            out->ja = xstrdup(scalar(v));
        }
    } else if (v->type == YAML_MAPPING_NODE) {
        static const char *const keys[] = {"ja", "en", NULL};
        check_keys(L, v, ctx, keys);
        out->ja = str_field(L, v, "ja", true, ctx);
        out->en = str_field(L, v, "en", false, ctx);
        ok = out->ja != NULL;
    } else {
        fail(L, v, "%s must be a text or {ja: …, en: …}, found %s", ctx, kind_name(v));
        ok = false;
    }
    free(ctx);
    return ok;
}

static bool valid_id(const char *s, bool allow_upper)
{
    if (!s || !*s || !(isdigit((unsigned char)*s) || islower((unsigned char)*s) || (allow_upper && isupper((unsigned char)*s))))
        return false;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (!(isdigit(c) || islower(c) || (allow_upper && isupper(c)) || c == '.' || c == '_' || c == '-'))
            return false;
    }
    return true;
}

static bool valid_name(const char *s)
{
    if (!s || !*s)
        return false;
    for (const char *p = s; *p; p++)
        if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_'))
            return false;
    return true;
}

/* YYYY-MM-DD (a real day: no 2025-02-30) or YYYY-MM. */
static bool valid_date(const char *s)
{
    size_t n = strlen(s);
    if (n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : !isdigit((unsigned char)s[i]))
            return false;
    }
    int y = atoi(s), m = (s[5] - '0') * 10 + (s[6] - '0');
    if (n == 7)
        return m >= 1 && m <= 12;
    return jpdate_valid(y, m, (s[8] - '0') * 10 + (s[9] - '0'));
}

static bool one_of(const char *s, const char *const *set)
{
    for (; *set; set++)
        if (str_eq(s, *set))
            return true;
    return false;
}

static char *join(const char *const *set)
{
    strbuf sb = {0};
    for (const char *const *p = set; *p; p++)
        sb_addf(&sb, "%s%s", p == set ? "" : ", ", *p);
    return sb_take(&sb);
}

static char *enum_field(loader *L, yaml_node_t *map, const char *key, bool required, const char *const *set,
                        const char *what)
{
    char *s = str_field(L, map, key, required, what);
    if (s && !one_of(s, set)) {
        char *allowed = join(set);
        fail(L, get(L, map, key), "%s: \"%s\" must be one of %s, not \"%s\"", what, key, allowed, s);
        free(allowed);
        xfree(&s);
    }
    return s;
}

static const char *const kinds[] = {"guideline", "checklist", "kakuninhyo", "disclosure", "clauses", "crosswalk", NULL};
static const char *const completeness_values[] = {"complete", "partial", "skeleton", NULL};
static const char *const relations[] = {"cites", "equal", "subset", "superset", "intersect", "related", "supersedes", NULL};
static const char *const trigger_facts[] = {"always", "remote-maintenance", "cloud", "patient-data-in-maintenance",
                                            "medical-device", "multiple-vendors", "subcontracting", "on-premises",
                                            "vendor-security-updates", NULL};
static const char *const date_names[] = {"checked", "due", "done", NULL};

static void load_answers(loader *L, catalog *c, yaml_node_t *seq)
{
    if (!expect(L, seq, YAML_SEQUENCE_NODE, "catalog.answers"))
        return;
    if (seq->data.sequence.items.start == seq->data.sequence.items.top)
        fail(L, seq, "catalog.answers must list at least one answer");
    static const char *const keys[] = {"value", "label", "meaning", "key", "needs_reason", NULL};
    size_t key_owner[256] = {0}; /* answer key -> 1 + index of the answer that has it */
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
        yaml_node_t *a = expect(L, node_at(L, *it), YAML_MAPPING_NODE, "an answer");
        if (!a)
            continue;
        check_keys(L, a, "answer", keys);
        answer_def d = {0};
        d.value = str_field(L, a, "value", true, "answer");
        if (d.value && !valid_name(d.value)) {
            fail(L, get(L, a, "value"), "answer: value \"%s\" must be lower-case letters, digits and _", d.value);
        } else if (d.value && strindex_get(&L->answers, d.value, &(size_t){0})) {
            fail(L, get(L, a, "value"), "answer: value \"%s\" is listed twice", d.value);
        }
        i18n_field(L, a, "label", true, &d.label, "answer");
        char *meaning = str_field(L, a, "meaning", true, "answer");
        if (meaning && !answer_meaning_parse(meaning, &d.meaning))
            fail(L, get(L, a, "meaning"),
                 "answer: \"meaning\" must be one of positive, partial, negative, not_applicable, not \"%s\"", meaning);
        free(meaning);
        bool_field(L, a, "needs_reason", false, &d.needs_reason, "answer");
        char *key = str_field(L, a, "key", false, "answer");
        if (key) {
            if (strlen(key) != 1 || !isgraph((unsigned char)key[0]))
                fail(L, get(L, a, "key"), "answer: \"key\" must be one printable ASCII character");
            else if (key_owner[(unsigned char)key[0]]) {
                fail(L, get(L, a, "key"), "answer: key '%c' is already used by \"%s\"", key[0],
                     c->answers[key_owner[(unsigned char)key[0]] - 1].value);
            } else {
                d.key = key[0];
                key_owner[(unsigned char)key[0]] = c->nanswers + 1;
            }
            free(key);
        }
        GROW(c->answers, c->capanswers, c->nanswers + 1);
        strindex_add(&L->answers, d.value, c->nanswers);
        c->answers[c->nanswers++] = d;
    }
}

static void load_tags(loader *L, catalog *c, yaml_node_t *seq)
{
    if (!expect(L, seq, YAML_SEQUENCE_NODE, "catalog.tags"))
        return;
    static const char *const keys[] = {"id", "label", NULL};
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
        yaml_node_t *t = expect(L, node_at(L, *it), YAML_MAPPING_NODE, "a tag");
        if (!t)
            continue;
        check_keys(L, t, "tag", keys);
        tag_def d = {0};
        d.id = str_field(L, t, "id", true, "tag");
        if (d.id && !valid_id(d.id, false))
            fail(L, get(L, t, "id"), "tag: id \"%s\" must match [a-z0-9][a-z0-9._-]*", d.id);
        if (d.id && strindex_get(&L->tags, d.id, &(size_t){0}))
            fail(L, get(L, t, "id"), "tag: \"%s\" is declared twice", d.id);
        i18n_field(L, t, "label", true, &d.label, "tag");
        GROW(c->tags, c->captags, c->ntags + 1);
        strindex_add(&L->tags, d.id, c->ntags);
        c->tags[c->ntags++] = d;
    }
}

static void load_string_list(loader *L, yaml_node_t *seq, strlist *out, const char *what);

/* catalog.fields: typed header fields of the form (key, label, type text | date | choice). */
static void load_fields(loader *L, catalog *c, yaml_node_t *seq)
{
    if (!expect(L, seq, YAML_SEQUENCE_NODE, "catalog.fields"))
        return;
    static const char *const keys[] = {"key", "label", "type", "choices", NULL};
    static const char *const types[] = {"text", "date", "choice", NULL};
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
        yaml_node_t *e = expect(L, node_at(L, *it), YAML_MAPPING_NODE, "a field");
        if (!e)
            continue;
        check_keys(L, e, "field", keys);
        catalog_field f = {0};
        f.key = str_field(L, e, "key", true, "field");
        if (f.key && !valid_name(f.key))
            fail(L, get(L, e, "key"), "field: key \"%s\" must be lower-case letters, digits and _", f.key);
        else if (f.key && catalog_find_field(c, f.key))
            fail(L, get(L, e, "key"), "field: key \"%s\" is listed twice", f.key);
        i18n_field(L, e, "label", true, &f.label, "field");
        char *type = enum_field(L, e, "type", true, types, "field");
        if (type)
            catalog_field_type_parse(type, &f.type);
        yaml_node_t *choices = get(L, e, "choices");
        if (choices)
            load_string_list(L, choices, &f.choices, "field.choices");
        if (type && f.type == CATALOG_FIELD_CHOICE && f.choices.len == 0)
            fail(L, e, "field \"%s\": a choice needs a non-empty \"choices\" list", f.key ? f.key : "?");
        else if (type && f.type != CATALOG_FIELD_CHOICE && choices)
            fail(L, choices, "field \"%s\": only a choice field has \"choices\"", f.key ? f.key : "?");
        free(type);
        GROW(c->fields, c->capfields, c->nfields + 1);
        c->fields[c->nfields++] = f;
    }
}

static void load_dates(loader *L, catalog *c, yaml_node_t *seq)
{
    if (!expect(L, seq, YAML_SEQUENCE_NODE, "catalog.dates"))
        return;
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
        yaml_node_t *d = expect(L, node_at(L, *it), YAML_SCALAR_NODE, "a date field");
        if (!d)
            continue;
        unsigned bit = 0;
        for (int i = 0; date_names[i]; i++)
            if (str_eq(scalar(d), date_names[i]))
                bit = 1u << i;
        if (!bit)
            fail(L, d, "catalog.dates: \"%s\" must be one of checked, due, done", scalar(d));
        else if (c->dates & bit)
            fail(L, d, "catalog.dates: \"%s\" is listed twice", scalar(d));
        c->dates |= bit;
    }
}

static void load_meta(loader *L, catalog *c, yaml_node_t *m)
{
    static const char *const keys[] = {"id", "version", "revision", "kind", "title", "short", "publisher",
                                       "published", "source", "completeness", "answers", "dates", "tags", "fields",
                                       NULL};
    const char *what = "catalog";
    check_keys(L, m, what, keys);
    c->id = str_field(L, m, "id", true, what);
    if (c->id && !valid_id(c->id, false))
        fail(L, get(L, m, "id"), "catalog: id \"%s\" must match [a-z0-9][a-z0-9._-]*", c->id);
    c->version = str_field(L, m, "version", true, what);
    if (c->version && (strchr(c->version, ':') || strchr(c->version, '@')))
        fail(L, get(L, m, "version"), "catalog: version must not contain ':' or '@'");
    long rev = 0;
    if (int_field(L, m, "revision", true, 1, 1000000, &rev, what))
        c->revision = (int)rev;
    c->kind = enum_field(L, m, "kind", true, kinds, what);
    i18n_field(L, m, "title", true, &c->title, what);
    i18n_field(L, m, "short", false, &c->short_title, what);
    c->publisher = str_field(L, m, "publisher", true, what);
    c->published = str_field(L, m, "published", true, what);
    if (c->published && !valid_date(c->published))
        fail(L, get(L, m, "published"), "catalog: \"published\" must be a date YYYY-MM-DD or YYYY-MM, not \"%s\"",
             c->published);

    yaml_node_t *src = expect(L, get(L, m, "source"), YAML_MAPPING_NODE, "catalog.source");
    if (!get(L, m, "source"))
        fail(L, m, "catalog: missing required field \"source\"");
    if (src) {
        static const char *const skeys[] = {"title", "url", NULL};
        check_keys(L, src, "catalog.source", skeys);
        c->source_title = str_field(L, src, "title", true, "catalog.source");
        c->source_url = str_field(L, src, "url", true, "catalog.source");
    }

    yaml_node_t *comp = expect(L, get(L, m, "completeness"), YAML_MAPPING_NODE, "catalog.completeness");
    if (!get(L, m, "completeness"))
        fail(L, m, "catalog: missing required field \"completeness\"");
    if (comp) {
        static const char *const ckeys[] = {"status", "note", NULL};
        check_keys(L, comp, "catalog.completeness", ckeys);
        c->completeness = enum_field(L, comp, "status", true, completeness_values, "catalog.completeness");
        bool need_note = c->completeness && !str_eq(c->completeness, "complete");
        i18n_field(L, comp, "note", need_note, &c->completeness_note, "catalog.completeness");
    }

    yaml_node_t *answers = get(L, m, "answers");
    if (answers)
        load_answers(L, c, answers);
    else if (c->kind && !str_eq(c->kind, "crosswalk"))
        fail(L, m, "catalog: missing required field \"answers\" (only a crosswalk has none)");
    yaml_node_t *dates = get(L, m, "dates");
    if (dates)
        load_dates(L, c, dates);
    yaml_node_t *tags = get(L, m, "tags");
    if (tags)
        load_tags(L, c, tags);
    yaml_node_t *fields = get(L, m, "fields");
    if (fields)
        load_fields(L, c, fields);
}

static bool tag_declared(const loader *L, const char *id)
{
    return strindex_get(&L->tags, id, &(size_t){0});
}

static void load_string_list(loader *L, yaml_node_t *seq, strlist *out, const char *what)
{
    if (!expect(L, seq, YAML_SEQUENCE_NODE, what))
        return;
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
        yaml_node_t *s = expect(L, node_at(L, *it), YAML_SCALAR_NODE, what);
        if (s)
            sl_push(out, scalar(s));
    }
}

static void load_maps(loader *L, catalog_node *n, yaml_node_t *seq)
{
    if (!expect(L, seq, YAML_SEQUENCE_NODE, "node.maps"))
        return;
    static const char *const keys[] = {"to", "rel", NULL};
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
        yaml_node_t *e = node_at(L, *it);
        yaml_node_t *to = e;
        char *rel = NULL;
        if (e->type == YAML_MAPPING_NODE) {
            check_keys(L, e, "node.maps entry", keys);
            to = get(L, e, "to");
            if (!to) {
                fail(L, e, "node.maps entry: missing required field \"to\"");
                continue;
            }
            rel = enum_field(L, e, "rel", false, relations, "node.maps entry");
        }
        if (to->type != YAML_SCALAR_NODE) {
            fail(L, to, "node.maps: a reference must be \"catalog:node\", found %s", kind_name(to));
            free(rel);
            continue;
        }
        node_map m = {.rel = rel ? rel : xstrdup("related"), .line = (int)to->start_mark.line + 1,
                      .col = (int)to->start_mark.column + 1};
        if (!catalog_parse_ref(scalar(to), &m.to_catalog, &m.to_version, &m.to_node)) {
            fail(L, to, "node.maps: \"%s\" is not a reference of the form catalog:node or catalog@version:node",
                 scalar(to));
            free(m.rel);
            continue;
        }
        GROW(n->maps, n->capmaps, n->nmaps + 1);
        n->maps[n->nmaps++] = m;
    }
}

static bool value_fits(param_type t, const char *v, const strlist *choices)
{
    long x;
    switch (t) {
    case PARAM_INTEGER: return parse_int(v, -1000000000L, 1000000000L, &x);
    case PARAM_BOOLEAN: return str_eq(v, "true") || str_eq(v, "false");
    case PARAM_DATE: return strlen(v) == 10 && valid_date(v);
    case PARAM_ENUM: return sl_contains(choices, v);
    case PARAM_TEXT: return true;
    }
    return false;
}

static void load_params(loader *L, catalog_node *n, yaml_node_t *seq)
{
    if (!expect(L, seq, YAML_SEQUENCE_NODE, "node.params"))
        return;
    static const char *const keys[] = {"name", "type", "default", "unit", "choices", "label", NULL};
    static const char *const types[] = {"integer", "text", "boolean", "date", "enum", NULL};
    strindex names = {0};
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
        yaml_node_t *e = expect(L, node_at(L, *it), YAML_MAPPING_NODE, "a parameter");
        if (!e)
            continue;
        check_keys(L, e, "param", keys);
        clause_param p = {0};
        p.name = str_field(L, e, "name", true, "param");
        if (p.name && !valid_name(p.name))
            fail(L, get(L, e, "name"), "param: name \"%s\" must be lower-case letters, digits and _", p.name);
        if (p.name && strindex_get(&names, p.name, &(size_t){0}))
            fail(L, get(L, e, "name"), "param: \"%s\" is declared twice in this node", p.name);
        char *type = enum_field(L, e, "type", true, types, "param");
        for (int i = 0; type && types[i]; i++)
            if (str_eq(type, types[i]))
                p.type = (param_type)i;
        yaml_node_t *choices = get(L, e, "choices");
        if (choices)
            load_string_list(L, choices, &p.choices, "param.choices");
        if (type && p.type == PARAM_ENUM && p.choices.len == 0)
            fail(L, e, "param \"%s\": an enum needs a non-empty \"choices\" list", p.name ? p.name : "?");
        p.default_value = str_field(L, e, "default", true, "param");
        if (type && p.default_value && !value_fits(p.type, p.default_value, &p.choices))
            fail(L, get(L, e, "default"), "param \"%s\": default \"%s\" is not a valid %s", p.name ? p.name : "?",
                 p.default_value, type);
        i18n_field(L, e, "unit", false, &p.unit, "param");
        i18n_field(L, e, "label", true, &p.label, "param");
        free(type);
        GROW(n->params, n->capparams, n->nparams + 1);
        strindex_add(&names, p.name, n->nparams);
        n->params[n->nparams++] = p;
    }
    strindex_free(&names);
}

/* Every {{name}} in the annex text must be a declared parameter. */
static void check_placeholders(loader *L, const catalog_node *n, yaml_node_t *where, const char *text)
{
    strindex names = {0};
    for (size_t i = 0; text && i < n->nparams; i++)
        strindex_add(&names, n->params[i].name, i);
    for (const char *p = text ? strstr(text, "{{") : NULL; p; p = strstr(p + 2, "{{")) {
        const char *end = strstr(p + 2, "}}");
        if (!end) {
            fail(L, where, "node %s: annex has \"{{\" without \"}}\"", n->id ? n->id : "?");
            break;
        }
        char *name = xstrndup(p + 2, (size_t)(end - p - 2));
        if (!strindex_get(&names, name, &(size_t){0}))
            fail(L, where, "node %s: annex uses {{%s}} but no such param is declared", n->id ? n->id : "?", name);
        free(name);
    }
    strindex_free(&names);
}

/* One field of the node table (node_fields.c), checked by its type. */
static void load_node_field(loader *L, yaml_node_t *e, catalog_node *n, const node_field *f,
                            bool is_item, const char *what)
{
    static const char *const resp_values[] = {"hospital", "vendor", "joint", "na", NULL};
    bool required = is_item && (f->flags & NODE_FIELD_ITEM_REQUIRED);
    void *p = node_field_ptr(n, f);
    switch (f->type) {
    case NODE_FIELD_TEXT:
        *(char **)p = str_field(L, e, f->key, required, what);
        break;
    case NODE_FIELD_I18N:
        i18n_field(L, e, f->key, required, p, what);
        break;
    case NODE_FIELD_FY: {
        long fy;
        if (int_field(L, e, f->key, required, 2000, 2100, &fy, what))
            *(int *)p = (int)fy;
        break;
    }
    case NODE_FIELD_BOOL:
        if (!bool_field(L, e, f->key, required, p, what))
            *(bool *)p = false;
        break;
    case NODE_FIELD_RESP: {
        char *resp = enum_field(L, e, f->key, required, resp_values, what);
        if (resp)
            responsibility_parse(resp, p);
        free(resp);
        break;
    }
    case NODE_FIELD_TAGS: {
        yaml_node_t *tags = get(L, e, f->key);
        strlist *out = p;
        if (tags) {
            load_string_list(L, tags, out, "node.tags");
            for (size_t i = 0; i < out->len; i++)
                if (!tag_declared(L, out->items[i]))
                    fail(L, tags, "%s: tag \"%s\" is not declared in catalog.tags", what, out->items[i]);
        }
        break;
    }
    }
}

static void load_node(loader *L, catalog *c, yaml_node_t *e)
{
    static const char *const own_keys[] = {"id", "kind", "parent", "maps", "params", "annex", "triggers"};
    const char *keys[AZ_ARRAY_LEN(own_keys) + 16 + 1];
    size_t nkeys = 0;
    for (size_t i = 0; i < AZ_ARRAY_LEN(own_keys); i++)
        keys[nkeys++] = own_keys[i];
    for (size_t i = 0; i < node_field_count && nkeys + 1 < AZ_ARRAY_LEN(keys); i++)
        keys[nkeys++] = node_fields[i].key;
    keys[nkeys] = NULL;
    static const char *const node_kinds[] = {"heading", "item", NULL};
    yaml_node_t *idn = get(L, e, "id");
    char *early = idn && idn->type == YAML_SCALAR_NODE ? xasprintf("node %s", scalar(idn)) : xstrdup("node");
    check_keys(L, e, early, keys);
    free(early);
    catalog_node n = {.line = (int)e->start_mark.line + 1, .col = (int)e->start_mark.column + 1};
    n.id = str_field(L, e, "id", true, "node");
    if (n.id && !valid_id(n.id, true))
        fail(L, get(L, e, "id"), "node: id \"%s\" must match [A-Za-z0-9][A-Za-z0-9._-]*", n.id);
    const catalog_node *dup = n.id ? catalog_find_node(c, n.id) : NULL;
    if (dup)
        fail(L, get(L, e, "id"), "node: id \"%s\" is already used at line %d", n.id, dup->line);
    const char *what = "node";
    char *label = n.id ? xasprintf("node %s", n.id) : NULL;
    if (label)
        what = label;

    char *kind = enum_field(L, e, "kind", true, node_kinds, what);
    n.kind = str_eq(kind, "item") ? NODE_ITEM : NODE_HEADING;
    n.parent = str_field(L, e, "parent", false, what);
    if (n.parent) {
        const catalog_node *p = catalog_find_node(c, n.parent);
        if (!p)
            fail(L, get(L, e, "parent"), "%s: parent \"%s\" is not an earlier node of this file", what, n.parent);
        else
            n.depth = p->depth + 1;
    }
    bool is_item = kind && n.kind == NODE_ITEM;
    for (size_t i = 0; i < node_field_count; i++)
        load_node_field(L, e, &n, &node_fields[i], is_item, what);
    if (kind && !is_item && !n.title.ja && !n.text.ja)
        fail(L, e, "%s: a heading needs a \"title\"", what);
    yaml_node_t *maps = get(L, e, "maps");
    if (maps)
        load_maps(L, &n, maps);
    yaml_node_t *params = get(L, e, "params");
    if (params)
        load_params(L, &n, params);
    yaml_node_t *annex = get(L, e, "annex");
    if (annex) {
        i18n_field(L, e, "annex", false, &n.annex, what);
        check_placeholders(L, &n, annex, n.annex.ja);
        check_placeholders(L, &n, annex, n.annex.en);
    }
    yaml_node_t *triggers = get(L, e, "triggers");
    if (triggers) {
        load_string_list(L, triggers, &n.triggers, "node.triggers");
        for (size_t i = 0; i < n.triggers.len; i++)
            if (!one_of(n.triggers.items[i], trigger_facts)) {
                char *allowed = join(trigger_facts);
                fail(L, triggers, "%s: trigger \"%s\" is not a known fact (%s)", what, n.triggers.items[i], allowed);
                free(allowed);
            }
    }
    if ((params || annex || triggers) && c->kind && !str_eq(c->kind, "clauses"))
        fail(L, params ? params : annex ? annex : triggers, "%s: params, annex and triggers belong to kind: clauses",
             what);
    free(kind);
    free(label);
    GROW(c->nodes, c->capnodes, c->nnodes + 1);
    c->nodes[c->nnodes++] = n;
    catalog_index(c);
}

static void load_nodes(loader *L, catalog *c, yaml_node_t *seq)
{
    if (!expect(L, seq, YAML_SEQUENCE_NODE, "nodes"))
        return;
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
        yaml_node_t *e = expect(L, node_at(L, *it), YAML_MAPPING_NODE, "a node");
        if (e)
            load_node(L, c, e);
    }
}

static bool ref_field(loader *L, yaml_node_t *map, const char *key, char **cat, char **ver, char **node, int *line,
                      int *col)
{
    /* One lookup: the node that gives the position is the one whose string was checked. */
    yaml_node_t *v = get(L, map, key);
    char *s = str_value(L, map, v, key, true, "mapping");
    if (!s)
        return false;
    *line = (int)v->start_mark.line + 1;
    *col = (int)v->start_mark.column + 1;
    bool ok = catalog_parse_ref(s, cat, ver, node);
    if (!ok)
        fail(L, v, "mapping: \"%s\" is not a reference of the form catalog:node or catalog@version:node", s);
    free(s);
    return ok;
}

static void load_mappings(loader *L, catalog *c, yaml_node_t *seq)
{
    if (!expect(L, seq, YAML_SEQUENCE_NODE, "mappings"))
        return;
    static const char *const keys[] = {"from", "to", "rel", "note", "source", "verified", NULL};
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
        yaml_node_t *e = expect(L, node_at(L, *it), YAML_MAPPING_NODE, "a mapping entry");
        if (!e)
            continue;
        check_keys(L, e, "mapping", keys);
        catalog_mapping m = {0};
        bool ok = ref_field(L, e, "from", &m.from_catalog, &m.from_version, &m.from_node, &m.from_line, &m.from_col);
        ok &= ref_field(L, e, "to", &m.to_catalog, &m.to_version, &m.to_node, &m.to_line, &m.to_col);
        m.rel = enum_field(L, e, "rel", false, relations, "mapping");
        if (!m.rel)
            m.rel = xstrdup("related");
        i18n_field(L, e, "note", false, &m.note, "mapping");
        m.source = str_field(L, e, "source", false, "mapping");
        bool_field(L, e, "verified", false, &m.verified, "mapping");
        GROW(c->mappings, c->capmappings, c->nmappings + 1);
        c->mappings[c->nmappings++] = m;
        (void)ok;
    }
}

static void load_root(loader *L, catalog *c, yaml_node_t *root)
{
    if (!root) {
        fail(L, NULL, "the file is empty");
        return;
    }
    if (!expect(L, root, YAML_MAPPING_NODE, "the top level"))
        return;
    static const char *const keys[] = {"format", "catalog", "nodes", "mappings", NULL};
    check_keys(L, root, "the top level", keys);
    char *format = str_field(L, root, "format", true, "the top level");
    if (format && !str_eq(format, "anzen-catalog/1"))
        fail(L, get(L, root, "format"), "format \"%s\" is not supported (this anzen reads anzen-catalog/1)", format);
    free(format);
    yaml_node_t *meta = get(L, root, "catalog");
    if (!meta)
        fail(L, root, "the top level: missing required field \"catalog\"");
    else if (expect(L, meta, YAML_MAPPING_NODE, "catalog"))
        load_meta(L, c, meta);
    bool crosswalk = str_eq(c->kind, "crosswalk");
    yaml_node_t *nodes = get(L, root, "nodes");
    if (nodes)
        load_nodes(L, c, nodes);
    else if (c->kind && !crosswalk)
        fail(L, root, "the top level: missing required field \"nodes\"");
    if (c->kind && !crosswalk && c->nnodes == 0 && nodes)
        fail(L, nodes, "nodes: a %s needs at least one node", c->kind);
    yaml_node_t *mappings = get(L, root, "mappings");
    if (mappings)
        load_mappings(L, c, mappings);
    if (crosswalk && c->nmappings == 0)
        fail(L, mappings ? mappings : root, "a crosswalk needs a non-empty \"mappings\" list");
}

static void offset_to_mark(const char *data, size_t len, size_t offset, yaml_mark_t *mark)
{
    size_t line = 0, col = 0;
    for (size_t i = 0; i < offset && i < len; i++) {
        if (data[i] == '\n') {
            line++;
            col = 0;
        } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
            col++; /* count characters, not continuation bytes */
        }
    }
    mark->line = line;
    mark->column = col;
}

catalog *catalog_load_buffer(const char *name, const char *data, size_t len, diag_list *diags)
{
    if (!catalog_limits_check(name, data, len, diags))
        return NULL;
    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser)) {
        diag_add(diags, name, 0, 0, "cannot start the YAML parser (out of memory)");
        return NULL;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    if (!yaml_parser_load(&parser, &doc)) {
        if (parser.error == YAML_READER_ERROR) /* bad encoding: libyaml gives only a byte offset */
            offset_to_mark(data, len, parser.problem_offset, &parser.problem_mark);
        diag_add(diags, name, (int)parser.problem_mark.line + 1, (int)parser.problem_mark.column + 1,
                 "YAML syntax error: %s%s%s", parser.problem ? parser.problem : "unknown problem",
                 parser.context ? " " : "", parser.context ? parser.context : "");
        yaml_parser_delete(&parser);
        return NULL;
    }
    /* One document only (catalog_limits_check saw the whole stream). */
    loader L = {.file = name, .doc = &doc, .diags = diags};
    catalog *c = xcalloc(1, sizeof *c);
    c->path = xstrdup(name);
    load_root(&L, c, yaml_document_get_root_node(&doc));
    strindex_free(&L.tags);
    strindex_free(&L.answers);
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    if (L.errors) {
        catalog_free(c);
        return NULL;
    }
    return c;
}

catalog *catalog_load_file(const char *path, diag_list *diags)
{
    size_t len;
    char *data = util_read_regular_file(path, CATALOG_MAX_BYTES, &len);
    if (!data) {
        if (errno == EINVAL)
            diag_add(diags, path, 0, 0, "not a regular file (a FIFO, device or directory): refused without reading");
        else if (errno == EFBIG)
            diag_add(diags, path, 1, 1, "the file is larger than %zu MiB, the most a catalog file may be",
                     CATALOG_MAX_BYTES >> 20);
        else
            diag_add(diags, path, 0, 0, "cannot read: %s", strerror(errno));
        return NULL;
    }
    catalog *c = catalog_load_buffer(path, data, len, diags);
    free(data);
    return c;
}
