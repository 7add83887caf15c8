/* Helpers shared by the unit tests: temporary directories and files. */
#ifndef ANZEN_TESTUTIL_H
#define ANZEN_TESTUTIL_H

#include <stddef.h>

/* A fresh empty directory under $TMPDIR; caller frees the path. Removed by rm_rf. */
char *test_tmpdir(void);
void test_rm_rf(const char *path);
/* Writes text to dir/name and returns the full path (caller frees). */
char *test_write(const char *dir, const char *name, const char *text);

#endif
