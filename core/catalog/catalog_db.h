/* Catalogs in the database: import from YAML files (only files that changed), and read back. */
#ifndef ANZEN_CATALOG_DB_H
#define ANZEN_CATALOG_DB_H

#include "catalog_set.h"

/* The version of the import (catalog_db.c + node_fields.c). Raise it whenever the import stores
 * something new, e.g. a node field: every catalog imported by an older version is then imported
 * again on the next start even though its file did not change. */
#define CATALOG_IMPORTER_VERSION 5 /* 5: the file's SHA-256 (file_sha256) */
#include "store/lib.h"

typedef struct {
    size_t imported;  /* files parsed and written */
    size_t unchanged; /* files skipped: their content (SHA-256) was imported by this importer */
    size_t failed;    /* files with errors (their previous import, if any, stays) */
    size_t hashed;    /* files read and hashed: not known by path, size and mtime */
    size_t parsed;    /* files given to the YAML loader */
} catalog_sync_stats;

/* Imports the catalogs of every *.yaml in `dirs` (load order) into the store in one transaction.
 * A file is known by its content (SHA-256 and CATALOG_IMPORTER_VERSION), found by path, size and
 * mtime when it was hashed before: the same files under another path import nothing.
 * Per-file problems go to `diags` and skip that file only (file:line:col diagnostics, in English:
 * they are for the catalog's author). Returns STATUS_OK, or the database's failure with *err
 * (nothing written). A read-only store is left alone (STATUS_OK). */
status_code catalog_sync(store *s, const strlist *dirs, diag_list *diags, catalog_sync_stats *stats,
                         status_detail *err);

/* Reads one catalog back; version NULL = the newest version by import order. NULL if absent. */
catalog *catalog_db_load(store *s, const char *id, const char *version);

/* Only what counting needs: the header, the answer set and per node its id, parent, kind, depth
 * and responsibility (no texts, fields, tags, clauses or mappings). What summaries of many
 * assessments load (the dashboard). Caller frees. */
catalog *catalog_db_load_outline(store *s, const char *id, const char *version);

/* The same, borrowed from a per-store cache: valid until the next catalog_sync that imports
 * something, or store_close. Hot paths (answering, progress) use this, so a keystroke does not
 * re-read a whole catalog. */
const catalog *catalog_db_get(store *s, const char *id, const char *version);

/* Only the header and the answer set (no nodes, fields, tags' use, clauses or mappings), borrowed
 * from the same cache as catalog_db_get, which it returns instead when that catalog is already
 * loaded whole: what a command touching one item needs (answer set: the values, their labels,
 * needs_reason, the dates offered). Look nodes up with catalog_db_node_kind, not in c->nodes. */
const catalog *catalog_db_head(store *s, const char *id, const char *version);

/* Is node_id a node of c (from catalog_db_head or catalog_db_get), and of which kind? In memory
 * when c holds its nodes, else one indexed query. */
bool catalog_db_node_kind(store *s, const catalog *c, const char *node_id, node_kind *kind);

typedef struct {
    char *id, *version, *kind, *completeness, *file_path, *publisher, *published;
    i18n_text title, short_title;
    int revision;
    int headings, items, verified_items, mappings;
} catalog_info;

/* All catalogs in display order (kind, id, version) into *out and *n; free with catalog_info_free.
 * A failed read is its status with an empty result, never just an empty list. */
status_code catalog_db_list(store *s, catalog_info **out, size_t *n, status_detail *err);
void catalog_info_free(catalog_info *list, size_t n);

/* A link to or from a node, for showing an item's references. */
typedef struct {
    char *catalog, *version, *node, *rel, *ref, *title;
    bool outgoing; /* this node → other; false for other → this node */
    bool verified;
} node_link;

/* Links of a node into *out and *n (free with node_link_free); a failed read is its status. */
status_code catalog_db_links(store *s, const char *catalog_id, const char *node_id, node_link **out, size_t *n,
                             status_detail *err);
void node_link_free(node_link *list, size_t n);

/* Does a node exist (any version when version is NULL)? Usable as a catalog_ref_resolver. */
bool catalog_db_has_node(void *store_ptr, const char *cat, const char *ver, const char *node);

#endif
