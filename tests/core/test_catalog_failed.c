/* A catalog file that fails to load is parsed and reported once; while its size and mtime stay
 * the same, later syncs skip it with a one-line reminder. Fixing or removing it forgets it. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog/lib.h"
#include "testutil.h"

static char *dir, *catdir;
static store *st;

static void setup(void)
{
    dir = test_tmpdir();
    catdir = xasprintf("%s/catalogs", dir);
    cr_assert_eq(mkdir(catdir, 0700), 0);
    st = test_store_open(dir);
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(catdir);
    free(dir);
}

TestSuite(catalog_failed, .init = setup, .fini = teardown);

/* Three errors: two unknown fields and a missing catalog. */
static const char *const broken = "format: anzen-catalog/1\nnodes: []\nextra1: 1\nextra2: 2\n";
/* The same size, other errors (one unknown field, one missing catalog). */
static const char *const broken_same_size = "format: anzen-catalog/1\nnodes: []\nextraX: 1\n# xxxxxxx\n";

static const char *const good = "format: anzen-catalog/1\ncatalog:\n  id: ok\n  version: \"1\"\n  revision: 1\n"
                                "  kind: guideline\n  title: 良\n  publisher: p\n  published: 2025-04-01\n"
                                "  source: {title: t, url: u}\n  completeness: {status: complete}\n"
                                "  answers: [{value: yes, label: はい, meaning: positive}]\n"
                                "nodes:\n  - {id: a, kind: item, text: t, source: s, verified: false}\n";

static catalog_sync_stats sync_into(diag_list *d)
{
    strlist dirs = {0};
    sl_push(&dirs, catdir);
    catalog_sync_stats s;
    status_detail err = {0};
    cr_assert_eq(catalog_sync(st, &dirs, d, &s, &err), STATUS_OK, "%s", test_msg(&err));
    sl_free(&dirs);
    return s;
}

static int remembered(void)
{
    sqlite3_stmt *q = store_prepare(st, "SELECT count(*) FROM catalog_failed");
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    int n = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return n;
}

Test(catalog_failed, reported_once_then_reminded_in_one_line)
{
    char *bad = test_write(catdir, "bad.yaml", broken);
    char *ok = test_write(catdir, "ok.yaml", good);
    diag_list d = {0};
    catalog_sync_stats s = sync_into(&d);
    cr_assert_eq(s.failed, 1);
    cr_assert_eq(s.imported, 1);
    cr_assert_eq(d.len, 3, "the first sync reports every error");
    cr_assert_eq(remembered(), 1);
    diag_free(&d);

    /* Same size and mtime, other content: not parsed again, so the reminder still says 3. */
    struct stat before;
    cr_assert_eq(stat(bad, &before), 0);
    cr_assert_eq(strlen(broken), strlen(broken_same_size));
    free(test_write(catdir, "bad.yaml", broken_same_size));
    struct timespec times[2] = {before.st_atim, before.st_mtim};
    cr_assert_eq(utimensat(AT_FDCWD, bad, times, 0), 0);

    s = sync_into(&d);
    cr_assert_eq(s.failed, 1);
    cr_assert_eq(s.unchanged, 1);
    cr_assert_eq(d.len, 1, "one reminder line, not the errors again");
    cr_assert_str_eq(d.items[0].file, bad);
    cr_assert(strstr(d.items[0].message, "still not loaded: 3 errors"), "%s", d.items[0].message);
    cr_assert(strstr(d.items[0].message, "unknown field \"extra1\""), "the first error is named: %s", d.items[0].message);
    diag_free(&d);

    /* Touched: parsed again and reported in full. */
    cr_assert_eq(utimensat(AT_FDCWD, bad, NULL, 0), 0);
    s = sync_into(&d);
    cr_assert_eq(d.len, 2, "the changed file's own two errors");
    diag_free(&d);

    /* Fixed: imported, and forgotten. */
    free(test_write(catdir, "bad.yaml", good));
    unlink(ok); /* same id and version as the fixed file */
    s = sync_into(&d);
    diag_print(&d, stderr);
    cr_assert_eq(d.len, 0);
    cr_assert_eq(remembered(), 0);
    free(bad);
    free(ok);
}

Test(catalog_failed, a_removed_file_is_forgotten)
{
    char *bad = test_write(catdir, "bad.yaml", broken);
    diag_list d = {0};
    sync_into(&d);
    cr_assert_eq(remembered(), 1);
    diag_free(&d);
    unlink(bad);
    sync_into(&d);
    cr_assert_eq(d.len, 0);
    cr_assert_eq(remembered(), 0);
    free(bad);
}

Test(catalog_failed, a_fifo_in_the_catalog_directory_is_refused_once, .timeout = 20)
{
    char *fifo = xasprintf("%s/pipe.yaml", catdir);
    cr_assert_eq(mkfifo(fifo, 0600), 0);
    char *zero = xasprintf("%s/zero.yaml", catdir);
    cr_assert_eq(symlink("/dev/zero", zero), 0);
    diag_list d = {0};
    sync_into(&d);
    cr_assert_eq(d.len, 2);
    for (size_t i = 0; i < d.len; i++)
        cr_assert(strstr(d.items[i].message, "not a regular file"), "%s", d.items[i].message);
    diag_free(&d);
    sync_into(&d);
    cr_assert_eq(d.len, 2);
    for (size_t i = 0; i < d.len; i++)
        cr_assert(strstr(d.items[i].message, "still not loaded: 1 error"), "%s", d.items[i].message);
    diag_free(&d);
    free(zero);
    free(fifo);
}

Test(catalog_failed, a_read_only_store_is_not_written)
{
    free(test_write(catdir, "bad.yaml", broken));
    store_close(st);
    char *path = xasprintf("%s/anzen.db", dir);
    status_detail err = {0};
    cr_assert_eq(store_open(path, STORE_OPEN_READONLY, &st, &err), STATUS_OK, "%s", test_msg(&err));
    diag_list d = {0};
    sync_into(&d); /* a read-only store imports nothing and remembers nothing */
    cr_assert_eq(remembered(), 0);
    diag_free(&d);
    free(path);
}
