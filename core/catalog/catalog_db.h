/* Catalogs in the database: import from YAML files (only files that changed), and read back. */
#ifndef ANZEN_CATALOG_DB_H
#define ANZEN_CATALOG_DB_H

#include "catalog_set.h"

/* The version of the import (catalog_db.c + node_fields.c). Raise it whenever the import stores
 * something new, e.g. a node field: every catalog imported by an older version is then imported
 * again on the next start even though its file did not change. */
#define CATALOG_IMPORTER_VERSION 3
#include "store/lib.h"

typedef struct {
    size_t imported;  /* files parsed and written */
    size_t unchanged; /* files skipped because size and mtime match the last import */
    size_t failed;    /* files with errors (their previous import, if any, stays) */
} catalog_sync_stats;

/* Imports the catalogs of every *.yaml in `dirs` (load order) into the store in one transaction.
 * Per-file problems go to `diags` and skip that file only. Returns 0, or -1 with *err when the
 * database itself failed (nothing written). A read-only store is left alone (returns 0). */
int catalog_sync(store *s, const strlist *dirs, diag_list *diags, catalog_sync_stats *stats, char **err);

/* Reads one catalog back; version NULL = the newest version by import order. NULL if absent. */
catalog *catalog_db_load(store *s, const char *id, const char *version);

/* The same, borrowed from a per-store cache: valid until the next catalog_sync that imports
 * something, or store_close. Hot paths (answering, progress) use this, so a keystroke does not
 * re-read a whole catalog. */
const catalog *catalog_db_get(store *s, const char *id, const char *version);

typedef struct {
    char *id, *version, *kind, *completeness, *file_path, *publisher, *published;
    i18n_text title, short_title;
    int revision;
    int headings, items, verified_items, mappings;
} catalog_info;

/* All catalogs in display order (kind, id, version). Returns the count; free with catalog_info_free. */
size_t catalog_db_list(store *s, catalog_info **out);
void catalog_info_free(catalog_info *list, size_t n);

/* A link to or from a node, for showing an item's references. */
typedef struct {
    char *catalog, *version, *node, *rel, *ref, *title;
    bool outgoing; /* this node → other; false for other → this node */
    bool verified;
} node_link;

size_t catalog_db_links(store *s, const char *catalog_id, const char *node_id, node_link **out);
void node_link_free(node_link *list, size_t n);

/* Does a node exist (any version when version is NULL)? Usable as a catalog_ref_resolver. */
bool catalog_db_has_node(void *store_ptr, const char *cat, const char *ver, const char *node);

#endif
