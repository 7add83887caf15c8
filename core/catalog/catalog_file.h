/* What a catalog file holds, by content: its SHA-256 (nettle), remembered per path with the size
 * and mtime it had when it was hashed (table catalog_file). A start looks a file's hash up by
 * stat and reads and hashes only a file it has not seen like that; the import is then keyed by
 * that hash, so a build-tree binary and an installed one sharing a database (the same files
 * under two paths) parse nothing once each has seen its files. A sync reads the table, the catalogs'
 * paths and the failed files (catalog_failed) by one query first. Private to catalog/ (catalog_db.c's
 * sync). */
#ifndef ANZEN_CATALOG_FILE_H
#define ANZEN_CATALOG_FILE_H

#include <sys/stat.h>

#include "base/lib.h"
#include "catalog_failed.h"
#include "store/lib.h"

#define CATALOG_FILE_SHA_HEX 65 /* 64 hex digits and the NUL */

/* A path as table catalog_file remembers it, with the catalog this importer made of that
 * content (id and version NULL: none). */
typedef struct {
    char *path;
    sqlite3_int64 size, mtime;
    char sha[CATALOG_FILE_SHA_HEX];
    char *id, *version;
} catalog_file_row;

/* A catalog that names the file it was imported from. */
typedef struct {
    sqlite3_int64 pk;
    char *path, *sha; /* sha NULL when it was imported before hashes were kept */
} catalog_file_source;

/* All a sync compares the directory with, read by one query at its start, so a start with
 * unchanged files costs a listing, a stat per file and that query. */
typedef struct {
    catalog_file_row *files; /* sorted by path */
    size_t nfiles, capfiles;
    catalog_file_source *sources;
    size_t nsources, capsources;
} catalog_file_state;

/* Reads table catalog_file (with each content's catalog by `importer`), the catalogs' file
 * paths and table catalog_failed (into failures->known). Free with catalog_file_state_free. */
void catalog_file_state_read(store *s, int importer, catalog_file_state *out, catalog_failures *failures);
void catalog_file_state_free(catalog_file_state *k);

/* The lowercase hex SHA-256 of `len` bytes into out. */
void catalog_file_sha256(const void *data, size_t len, char out[CATALOG_FILE_SHA_HEX]);

/* The row of this path if it is remembered with this size and mtime (its hash is then known
 * without reading the file), else NULL. */
const catalog_file_row *catalog_file_cached(const catalog_file_state *k, const char *path, const struct stat *st);

/* Remembers (or replaces) a path's size, mtime and hash; inside the caller's transaction. */
int catalog_file_remember(store *s, const char *path, const struct stat *st, const char *sha, status_detail *err);

/* Paths remembered in one of `dirs` that are not among `present` (removed or renamed files),
 * into *stale (the caller frees it). */
void catalog_file_stale(const catalog_file_state *k, const strlist *dirs, const strlist *present, strlist *stale);

/* Forgets those paths; inside the caller's transaction. */
int catalog_file_forget(store *s, const strlist *stale, status_detail *err);

#endif
