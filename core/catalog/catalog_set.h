/* Sets of loaded catalogs: loading directories, duplicate versions, cross-catalog references. */
#ifndef ANZEN_CATALOG_SET_H
#define ANZEN_CATALOG_SET_H

#include "catalog.h"

/* A set of loaded catalogs, for cross-reference checks. Owns its catalogs. */
typedef struct {
    catalog **items;
    size_t len, cap;
} catalog_set;

/* Adds c (taking ownership). An id+version already present is an error naming both files;
 * c is then freed and false returned. */
bool catalog_set_add(catalog_set *set, catalog *c, diag_list *diags);
const catalog *catalog_set_find(const catalog_set *set, const char *id, const char *version);
/* Does some catalog of the set (that version, or any when ver is NULL) have the node? The
 * signature fits catalog_ref_resolver, with the set as ctx. */
bool catalog_set_has_node(void *set, const char *cat, const char *ver, const char *node);
/* Removes (and frees) the catalogs loaded from `path` (compared as real paths). */
void catalog_set_remove_file(catalog_set *set, const char *path);
/* Loads every *.yaml in the directories (sorted by name within each); files with errors are skipped
 * and their errors reported. Missing directories are ignored. */
void catalog_set_load_dirs(catalog_set *set, const strlist *dirs, diag_list *diags);
/* Resolver for references to catalogs outside the set (e.g. in the database). May be NULL. */
typedef bool (*catalog_ref_resolver)(void *ctx, const char *cat, const char *ver, const char *node);
/* Checks every node map and mapping of `c` against the set (and the resolver). Returns the
 * number of dangling references, each reported as file:line:col. */
size_t catalog_check_refs(const catalog *c, const catalog_set *set, catalog_ref_resolver resolve, void *ctx,
                          diag_list *diags);
/* Removes catalogs with dangling references from the set (repeating until stable, since removing
 * one can break another), reporting each. */
void catalog_set_drop_dangling(catalog_set *set, diag_list *diags);
void catalog_set_free(catalog_set *set);

#endif
