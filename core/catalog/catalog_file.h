/* What a catalog file holds, by content: its SHA-256 (nettle), remembered per path with the size
 * and mtime it had when it was hashed (table catalog_file). A start looks a file's hash up by
 * stat and reads and hashes only a file it has not seen like that; the import is then keyed by
 * that hash, so a build-tree binary and an installed one sharing a database (the same files
 * under two paths) parse nothing once each has seen its files. Private to catalog/ (catalog_db.c's
 * sync). */
#ifndef ANZEN_CATALOG_FILE_H
#define ANZEN_CATALOG_FILE_H

#include <sys/stat.h>

#include "base/lib.h"
#include "store/lib.h"

#define CATALOG_FILE_SHA_HEX 65 /* 64 hex digits and the NUL */

/* The lowercase hex SHA-256 of `len` bytes into out. */
void catalog_file_sha256(const void *data, size_t len, char out[CATALOG_FILE_SHA_HEX]);

/* Is this path remembered with this size and mtime? Then its hash goes to out, true. */
bool catalog_file_cached(store *s, const char *path, const struct stat *st, char out[CATALOG_FILE_SHA_HEX]);

/* Remembers (or replaces) a path's size, mtime and hash; inside the caller's transaction. */
int catalog_file_remember(store *s, const char *path, const struct stat *st, const char *sha, status_detail *err);

/* Paths remembered in one of `dirs` that are not among `present` (removed or renamed files),
 * into *stale (the caller frees it). */
void catalog_file_stale(store *s, const strlist *dirs, const strlist *present, strlist *stale);

/* Forgets those paths; inside the caller's transaction. */
int catalog_file_forget(store *s, const strlist *stale, status_detail *err);

#endif
