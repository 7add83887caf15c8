#include "testutil.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/lib.h"
#include "base/lib.h"

const char *test_msg(const status_detail *d)
{
    static char ring[4][2048];
    static int next;
    char *buf = ring[next++ % 4];
    char *m = status_format(d, true);
    snprintf(buf, sizeof ring[0], "%s", m);
    free(m);
    return buf;
}

char *test_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *tmpl = xasprintf("%s/anzen-test-XXXXXX", base && *base ? base : "/tmp");
    cr_assert_not_null(mkdtemp(tmpl), "mkdtemp failed");
    return tmpl;
}

void test_rm_rf(const char *path)
{
    char *cmd = xasprintf("rm -rf '%s'", path);
    int r = system(cmd);
    (void)r;
    free(cmd);
}

char *test_write(const char *dir, const char *name, const char *text)
{
    char *p = xasprintf("%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    cr_assert_not_null(f, "cannot write %s", p);
    fputs(text, f);
    fclose(f);
    return p;
}

store *test_store_open(const char *dir)
{
    char *path = xasprintf("%s/anzen.db", dir);
    status_detail err = {0};
    store *st = NULL;
    cr_assert_eq(store_open(path, 0, &st, &err), STATUS_OK, "%s", test_msg(&err));
    free(path);
    return st;
}

void test_sync_catalogs(store *st, const char *catdir)
{
    strlist dirs = {0};
    sl_push(&dirs, catdir);
    diag_list diags = {0};
    status_detail err = {0};
    cr_assert_eq(catalog_sync(st, &dirs, &diags, NULL, &err), STATUS_OK, "%s", test_msg(&err));
    for (size_t i = 0; i < diags.len; i++) {
        char *m = diag_format(&diags.items[i]);
        cr_log_error("%s", m);
        free(m);
    }
    cr_assert_eq(diags.len, 0);
    diag_free(&diags);
    sl_free(&dirs);
}
