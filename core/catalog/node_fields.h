/* Private to catalog/: the simple fields of a catalog node described once — YAML key, member of
 * catalog_node, column of catalog_node, type — read by the YAML loader, written and read by the
 * import (catalog_db.c) and freed by catalog_free. Structural fields (id, parent, kind, depth) and
 * the nested ones (maps, params, annex, triggers) keep their own code.
 *
 * Adding a simple node field: a member in catalog.h, a row in node_fields.c, a column in a new
 * schema migration (store/schema.c) — and CATALOG_IMPORTER_VERSION goes up so catalogs imported
 * before see it. */
#ifndef ANZEN_CATALOG_NODE_FIELDS_H
#define ANZEN_CATALOG_NODE_FIELDS_H

#include <stddef.h>

#include "catalog.h"

typedef enum {
    NODE_FIELD_TEXT,  /* char * */
    NODE_FIELD_I18N,  /* i18n_text: two columns, <column>_ja and <column>_en */
    NODE_FIELD_FY,    /* int fiscal year 2000..2100, 0 = not set (NULL column) */
    NODE_FIELD_BOOL,  /* bool */
    NODE_FIELD_TAGS,  /* strlist of declared tag ids, a JSON array column */
    NODE_FIELD_RESP,  /* responsibility, its name as text */
} node_field_type;

enum {
    NODE_FIELD_ITEM_REQUIRED = 1, /* an assessable item must have it */
    NODE_FIELD_SEARCHED = 2,      /* part of the folded search text */
};

typedef struct {
    const char *key;    /* YAML key */
    const char *column; /* catalog_node column (the prefix for NODE_FIELD_I18N) */
    node_field_type type;
    size_t offset; /* of the member in catalog_node */
    unsigned flags;
} node_field;

extern const node_field node_fields[];
extern const size_t node_field_count;

/* The member a field describes. */
void *node_field_ptr(catalog_node *n, const node_field *f);
const void *node_field_cptr(const catalog_node *n, const node_field *f);

/* Column list ("ref,title_ja,title_en,…") of every field, in table order; built once. */
const char *node_field_columns(void);
/* How many SQL columns the fields take (I18N takes two). */
int node_field_column_count(void);

/* Frees every field's member of n. */
void node_fields_free(catalog_node *n);

#endif
