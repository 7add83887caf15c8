/* Catalog files that failed to load, remembered by path, size and mtime (table catalog_failed),
 * so that an unchanged broken file is parsed and reported once, then only reminded of in one
 * line - instead of re-parsed and re-reported by every command (a 40,000-error file made each
 * `answer set` take 9.5 s and print 40,000 lines). Private to catalog/ (catalog_db.c's sync). */
#ifndef ANZEN_CATALOG_FAILED_H
#define ANZEN_CATALOG_FAILED_H

#include <sys/stat.h>

#include "base/lib.h"
#include "store/lib.h"

typedef struct {
    char *path;
    struct stat st;
    size_t errors;
    char *first; /* the first message, formatted */
} catalog_failure;

/* A row of the table as a sync read it at its start (catalog_file_state_read: one query for all
 * a sync compares), so a reminder or the dirty check asks the database nothing. */
typedef struct {
    char *path;
    sqlite3_int64 size, mtime;
    int importer;
    sqlite3_int64 errors;
    char *first;
} catalog_failed_row;

typedef struct {
    int importer; /* the importer version: a newer importer checks the file again */
    catalog_failed_row *known; /* the table as read at the start */
    size_t nknown, capknown;
    catalog_failure *items;
    size_t len, cap;
    strlist failing; /* every path that fails now: the new failures and the reminded ones */
} catalog_failures;

/* Is this file, unchanged, remembered as failing? Then adds a one-line reminder to diags, notes
 * the path as still failing and returns true: the caller skips parsing it. */
bool catalog_failed_remind(catalog_failures *f, const char *path, const struct stat *st, diag_list *diags);
/* Notes a file that just failed, with the messages it added to diags from index `from` on. */
void catalog_failed_add(catalog_failures *f, const char *path, const struct stat *st, const diag_list *diags,
                        size_t from);
/* Does the table need writing (new failures, or rows of files that no longer fail or are gone)? */
bool catalog_failed_dirty(const catalog_failures *f);
/* Writes the new failures and forgets the rest, inside the caller's transaction. 0 or -1 with *err. */
int catalog_failed_write(store *s, const catalog_failures *f, status_detail *err);
void catalog_failures_free(catalog_failures *f);

#endif
