/* Helpers shared by the unit tests: temporary directories and files, a test database. */
#ifndef ANZEN_TESTUTIL_H
#define ANZEN_TESTUTIL_H

#include <stddef.h>

#include "store/lib.h"

/* A failure's message in English, for assertion texts: valid until the fourth next call. */
const char *test_msg(const status_detail *d);

/* A fresh empty directory under $TMPDIR; caller frees the path. Removed by rm_rf. */
char *test_tmpdir(void);
void test_rm_rf(const char *path);
/* Writes text to dir/name and returns the full path (caller frees). */
char *test_write(const char *dir, const char *name, const char *text);

/* Opens (creating) dir/anzen.db; fails the test when it cannot. */
store *test_store_open(const char *dir);
/* Imports the catalogs in catdir; fails the test, with the diagnostics logged, on any problem. */
void test_sync_catalogs(store *st, const char *catdir);

#endif
