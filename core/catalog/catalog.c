#include "catalog.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>

#include "node_fields.h"

const char *i18n_get(const i18n_text *t, bool english)
{
    if (english && !str_empty(t->en))
        return t->en;
    return t->ja ? t->ja : (t->en ? t->en : "");
}

static const char *const meaning_names[MEANING__COUNT] = {"positive", "partial", "negative", "not_applicable"};

const char *answer_meaning_name(answer_meaning m)
{
    return (unsigned)m < MEANING__COUNT ? meaning_names[m] : "";
}

bool answer_meaning_parse(const char *s, answer_meaning *out)
{
    for (int i = 0; i < MEANING__COUNT; i++)
        if (str_eq(s, meaning_names[i])) {
            *out = (answer_meaning)i;
            return true;
        }
    return false;
}

static const char *const resp_names[] = {"", "hospital", "vendor", "joint", "na"};

const char *responsibility_name(responsibility r)
{
    return (unsigned)r < AZ_ARRAY_LEN(resp_names) ? resp_names[r] : "";
}

bool responsibility_parse(const char *s, responsibility *out)
{
    for (size_t i = 1; i < AZ_ARRAY_LEN(resp_names); i++)
        if (str_eq(s, resp_names[i])) {
            *out = (responsibility)i;
            return true;
        }
    return false;
}

static const char *const param_type_names[] = {"integer", "text", "boolean", "date", "enum"};

const char *param_type_name(param_type t)
{
    return (unsigned)t < AZ_ARRAY_LEN(param_type_names) ? param_type_names[t] : "";
}

static void i18n_free(i18n_text *t)
{
    xfree(&t->ja);
    xfree(&t->en);
}

static void node_free(catalog_node *n)
{
    free(n->id);
    free(n->parent);
    node_fields_free(n);
    for (size_t i = 0; i < n->nmaps; i++) {
        free(n->maps[i].to_catalog);
        free(n->maps[i].to_version);
        free(n->maps[i].to_node);
        free(n->maps[i].rel);
    }
    free(n->maps);
    for (size_t i = 0; i < n->nparams; i++) {
        clause_param *p = &n->params[i];
        free(p->name);
        free(p->default_value);
        i18n_free(&p->unit);
        i18n_free(&p->label);
        sl_free(&p->choices);
    }
    free(n->params);
    i18n_free(&n->annex);
    sl_free(&n->triggers);
}

void catalog_free(catalog *c)
{
    if (!c)
        return;
    free(c->path);
    free(c->id);
    free(c->version);
    free(c->kind);
    i18n_free(&c->title);
    i18n_free(&c->short_title);
    free(c->publisher);
    free(c->published);
    free(c->source_title);
    free(c->source_url);
    free(c->completeness);
    i18n_free(&c->completeness_note);
    for (size_t i = 0; i < c->nanswers; i++) {
        free(c->answers[i].value);
        i18n_free(&c->answers[i].label);
    }
    free(c->answers);
    for (size_t i = 0; i < c->ntags; i++) {
        free(c->tags[i].id);
        i18n_free(&c->tags[i].label);
    }
    free(c->tags);
    for (size_t i = 0; i < c->nfields; i++) {
        free(c->fields[i].key);
        i18n_free(&c->fields[i].label);
        sl_free(&c->fields[i].choices);
    }
    free(c->fields);
    for (size_t i = 0; i < c->nnodes; i++)
        node_free(&c->nodes[i]);
    free(c->nodes);
    for (size_t i = 0; i < c->nmappings; i++) {
        catalog_mapping *m = &c->mappings[i];
        free(m->from_catalog);
        free(m->from_version);
        free(m->from_node);
        free(m->to_catalog);
        free(m->to_version);
        free(m->to_node);
        free(m->rel);
        i18n_free(&m->note);
        free(m->source);
    }
    free(c->mappings);
    strindex_free(&c->node_index);
    free(c->parent_pos);
    free(c);
}

void catalog_index(catalog *c)
{
    if (c->nodes_indexed < c->nnodes)
        c->parent_pos = xrealloc(c->parent_pos, c->nnodes * sizeof *c->parent_pos);
    for (; c->nodes_indexed < c->nnodes; c->nodes_indexed++) {
        size_t i = c->nodes_indexed, p;
        strindex_add(&c->node_index, c->nodes[i].id, i);
        c->parent_pos[i] = c->nodes[i].parent && strindex_get(&c->node_index, c->nodes[i].parent, &p) && p != i
                               ? (long)p
                               : -1;
    }
}

long catalog_node_parent(const catalog *c, size_t i)
{
    if (i < c->nodes_indexed)
        return c->parent_pos[i];
    const catalog_node *p = i < c->nnodes && c->nodes[i].parent ? catalog_find_node(c, c->nodes[i].parent) : NULL;
    return p && p != &c->nodes[i] ? (long)(p - c->nodes) : -1;
}

const catalog_node *catalog_find_node(const catalog *c, const char *id)
{
    size_t i;
    if (strindex_get(&c->node_index, id, &i))
        return &c->nodes[i];
    for (i = c->nodes_indexed; i < c->nnodes; i++) /* nodes added since catalog_index */
        if (str_eq(c->nodes[i].id, id))
            return &c->nodes[i];
    return NULL;
}

const answer_def *catalog_find_answer(const catalog *c, const char *value)
{
    for (size_t i = 0; i < c->nanswers; i++)
        if (str_eq(c->answers[i].value, value))
            return &c->answers[i];
    return NULL;
}

const catalog_field *catalog_find_field(const catalog *c, const char *key)
{
    for (size_t i = 0; i < c->nfields; i++)
        if (str_eq(c->fields[i].key, key))
            return &c->fields[i];
    return NULL;
}

static const char *const field_type_names[] = {"text", "date", "choice"};

const char *catalog_field_type_name(catalog_field_type t)
{
    return (unsigned)t < AZ_ARRAY_LEN(field_type_names) ? field_type_names[t] : "";
}

bool catalog_field_type_parse(const char *s, catalog_field_type *out)
{
    for (size_t i = 0; i < AZ_ARRAY_LEN(field_type_names); i++)
        if (str_eq(s, field_type_names[i])) {
            *out = (catalog_field_type)i;
            return true;
        }
    return false;
}

size_t catalog_item_count(const catalog *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nnodes; i++)
        n += c->nodes[i].kind == NODE_ITEM;
    return n;
}

char *catalog_label(const catalog *c)
{
    return xasprintf("%s@%s", c->id, c->version);
}

bool catalog_parse_ref(const char *s, char **cat, char **ver, char **node)
{
    const char *colon = s ? strchr(s, ':') : NULL;
    if (!colon || colon == s || !colon[1] || strchr(colon + 1, ':'))
        return false;
    const char *at = memchr(s, '@', (size_t)(colon - s));
    if (at && (at == s || at + 1 == colon))
        return false;
    *cat = xstrndup(s, (size_t)((at ? at : colon) - s));
    *ver = at ? xstrndup(at + 1, (size_t)(colon - at - 1)) : NULL;
    *node = xstrdup(colon + 1);
    return true;
}

const catalog_node *catalog_find_node_or_ref(const catalog *c, const char *key)
{
    const catalog_node *n = catalog_find_node(c, key);
    if (n || str_empty(key))
        return n;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < c->nnodes; i++)
            if (str_eq(c->nodes[i].ref, key) && (c->nodes[i].kind == NODE_ITEM) == (pass == 0))
                return &c->nodes[i];
    return NULL;
}
