/* Catalog sync keyed by content (SHA-256 + importer version): the same files under two paths
 * (a build tree and an installed copy sharing one database) parse and import nothing once each
 * path has been seen; a changed file is imported again; a new mtime alone only re-hashes. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog/lib.h"
#include "store/lib.h"
#include "testutil.h"

static char *dir, *build_cats, *installed_cats;
static store *st;

/* Japanese text, so the bytes hashed are not ASCII only. */
static const char *const cat_gl =
    "format: anzen-catalog/1\n"
    "catalog:\n"
    "  id: gl-hash\n  version: \"6.0\"\n  revision: 1\n  kind: guideline\n"
    "  title: {ja: 安全管理ガイドライン（試験）, en: Test guideline}\n"
    "  publisher: 厚生労働省（試験）\n  published: 2023-05-31\n"
    "  source: {title: 試験資料, url: https://example.invalid/gl}\n"
    "  completeness: {status: complete}\n"
    "  answers: [{value: yes, label: はい, meaning: positive}, {value: no, label: いいえ, meaning: negative}]\n"
    "nodes:\n"
    "  - {id: h-1, kind: heading, ref: \"1\", title: {ja: 保守}}\n"
    "  - {id: i-1, kind: item, parent: h-1, ref: \"1-1\", text: {ja: 保守作業を記録する（試験）}, source: s, "
    "verified: false}\n";

static const char *const cat_cl =
    "format: anzen-catalog/1\n"
    "catalog:\n"
    "  id: cl-hash\n  version: \"R7\"\n  revision: 1\n  kind: checklist\n"
    "  title: チェックリスト（試験）\n  publisher: 試験\n  published: 2025-05\n"
    "  source: {title: t, url: u}\n  completeness: {status: complete}\n"
    "  answers: [{value: yes, label: はい, meaning: positive}]\n"
    "nodes:\n"
    "  - {id: c-1, kind: item, ref: \"1-①\", text: 記録を確認している, source: s, verified: false, "
    "maps: [{to: \"gl-hash:i-1\", rel: cites}]}\n";

/* Moves a file's mtime `seconds` into the past (a copy made at another time). */
static void age(const char *path, long seconds)
{
    struct stat s;
    cr_assert_eq(stat(path, &s), 0);
    struct timespec t[2] = {s.st_atim, {s.st_mtim.tv_sec - seconds, 123456789}};
    cr_assert_eq(utimensat(AT_FDCWD, path, t, 0), 0);
}

static void write_both(const char *name, const char *text)
{
    char *a = test_write(build_cats, name, text), *b = test_write(installed_cats, name, text);
    age(a, 3600);
    age(b, 7200);
    free(a);
    free(b);
}

static void setup(void)
{
    dir = test_tmpdir();
    build_cats = xasprintf("%s/build/share/anzen/catalogs", dir);
    installed_cats = xasprintf("%s/usr/share/anzen/catalogs", dir);
    paths_mkdirs(build_cats, 0700);
    paths_mkdirs(installed_cats, 0700);
    write_both("cl.yaml", cat_cl);
    write_both("gl.yaml", cat_gl);
    st = test_store_open(dir);
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(build_cats);
    free(installed_cats);
    free(dir);
}

TestSuite(catalog_hash, .init = setup, .fini = teardown);

static catalog_sync_stats sync_from(const char *cats, diag_list *d)
{
    strlist dirs = {0};
    sl_push(&dirs, cats);
    catalog_sync_stats stats;
    status_detail err = {0};
    cr_assert_eq(catalog_sync(st, &dirs, d, &stats, &err), STATUS_OK, "%s", test_msg(&err));
    sl_free(&dirs);
    return stats;
}

/* "pk loaded_at file_path" of every catalog row, to see that nothing was written. */
static char *catalog_rows(void)
{
    strbuf b = {0};
    sqlite3_stmt *q = store_prepare(st, "SELECT pk, loaded_at, file_path FROM catalog ORDER BY pk");
    while (sqlite3_step(q) == SQLITE_ROW)
        sb_addf(&b, "%lld %s %s\n", (long long)sqlite3_column_int64(q, 0), sqlite3_column_text(q, 1),
                  sqlite3_column_text(q, 2));
    sqlite3_finalize(q);
    return sb_take(&b);
}

static long long count(const char *sql)
{
    sqlite3_stmt *q = store_prepare(st, sql);
    long long n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_finalize(q);
    return n;
}

Test(catalog_hash, two_copies_of_the_same_files_import_once)
{
    diag_list d = {0};
    catalog_sync_stats s = sync_from(build_cats, &d);
    diag_print(&d, stderr);
    cr_assert_eq(d.len, 0);
    cr_assert_eq(s.imported, 2);
    cr_assert_eq(s.parsed, 2);
    char *before = catalog_rows();

    /* the installed binary: other paths, other mtimes, same bytes */
    s = sync_from(installed_cats, &d);
    cr_assert_eq(d.len, 0);
    cr_assert_eq(s.hashed, 2, "first sight of these paths: read and hashed");
    cr_assert_eq(s.parsed, 0, "same content: nothing parsed");
    cr_assert_eq(s.imported, 0);
    cr_assert_eq(s.unchanged, 2);
    char *after = catalog_rows();
    cr_assert_str_eq(after, before, "the catalog rows are not rewritten (nor their paths)");
    free(after);

    /* switching back and forth: known by stat, not even read */
    for (int i = 0; i < 2; i++) {
        s = sync_from(i ? installed_cats : build_cats, &d);
        cr_assert_eq(s.hashed, 0);
        cr_assert_eq(s.parsed, 0);
        cr_assert_eq(s.unchanged, 2);
        after = catalog_rows();
        cr_assert_str_eq(after, before);
        free(after);
    }
    cr_assert_eq(count("SELECT count(*) FROM catalog_file"), 4, "each path once");
    catalog *c = catalog_db_load(st, "gl-hash", "6.0");
    cr_assert_not_null(c);
    cr_assert_str_eq(c->nodes[1].text.ja, "保守作業を記録する（試験）");
    catalog_free(c);
    free(before);
    diag_free(&d);
}

Test(catalog_hash, a_changed_file_is_imported_again)
{
    diag_list d = {0};
    sync_from(build_cats, &d);
    sync_from(installed_cats, &d);
    /* the same size, another mtime (a file with the same size and mtime is taken as unchanged:
     * the stat fast path, as git and rsync do) */
    char *changed = xstrdup(cat_gl);
    char *p = strstr(changed, "revision: 1");
    p[10] = '2';
    char *path = test_write(installed_cats, "gl.yaml", changed);
    age(path, 7000);
    catalog_sync_stats s = sync_from(installed_cats, &d);
    diag_print(&d, stderr);
    cr_assert_eq(s.hashed, 1);
    cr_assert_eq(s.parsed, 1);
    cr_assert_eq(s.imported, 1);
    cr_assert_eq(s.unchanged, 1);
    catalog *c = catalog_db_load(st, "gl-hash", "6.0");
    cr_assert_eq(c->revision, 2);
    catalog_free(c);
    /* the build tree still holds revision 1: it is imported back (one row per id@version) */
    s = sync_from(build_cats, &d);
    cr_assert_eq(s.imported, 1);
    c = catalog_db_load(st, "gl-hash", "6.0");
    cr_assert_eq(c->revision, 1);
    catalog_free(c);
    free(path);
    free(changed);
    diag_free(&d);
}

Test(catalog_hash, a_new_mtime_with_the_same_content_only_rehashes)
{
    diag_list d = {0};
    sync_from(build_cats, &d);
    char *before = catalog_rows();
    char *path = xasprintf("%s/gl.yaml", build_cats);
    cr_assert_eq(utimensat(AT_FDCWD, path, NULL, 0), 0); /* touch */
    catalog_sync_stats s = sync_from(build_cats, &d);
    cr_assert_eq(s.hashed, 1);
    cr_assert_eq(s.parsed, 0);
    cr_assert_eq(s.imported, 0);
    char *after = catalog_rows();
    cr_assert_str_eq(after, before);
    s = sync_from(build_cats, &d);
    cr_assert_eq(s.hashed, 0, "the new mtime is remembered");
    free(after);
    free(before);
    free(path);
    diag_free(&d);
}

Test(catalog_hash, the_other_copy_removed_moves_the_path_and_forgets_it)
{
    diag_list d = {0};
    sync_from(build_cats, &d);
    sync_from(installed_cats, &d);
    char *gone = xasprintf("%s/gl.yaml", build_cats);
    cr_assert_eq(unlink(gone), 0);
    sync_from(installed_cats, &d);
    catalog_info *list;
    size_t n;
    cr_assert_eq(catalog_db_list(st, &list, &n, NULL), STATUS_OK);
    for (size_t i = 0; i < n; i++) {
        cr_assert_not_null(list[i].file_path, "%s still has a file", list[i].id);
        if (str_eq(list[i].id, "gl-hash"))
            cr_assert(strstr(list[i].file_path, "/usr/share/anzen/") != NULL, "%s", list[i].file_path);
        else
            cr_assert(strstr(list[i].file_path, "/build/share/anzen/") != NULL, "unchanged: %s", list[i].file_path);
    }
    catalog_info_free(list, n);
    cr_assert_eq(count("SELECT count(*) FROM catalog_file"), 4, "another directory's paths are not judged");
    sync_from(build_cats, &d);
    cr_assert_eq(count("SELECT count(*) FROM catalog_file"), 3, "the removed path is forgotten");
    free(gone);
    diag_free(&d);
}

Test(catalog_hash, hash_is_sha256_of_the_bytes)
{
    diag_list d = {0};
    sync_from(build_cats, &d);
    /* the recorded hash is the file's SHA-256, as sha256sum computes it */
    char *cmd = xasprintf("sha256sum '%s/gl.yaml'", build_cats);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    char want[65] = {0};
    cr_assert_eq(fscanf(p, "%64s", want), 1);
    pclose(p);
    sqlite3_stmt *q = store_prepare(st, "SELECT file_sha256 FROM catalog WHERE id='gl-hash'");
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    cr_assert_str_eq((const char *)sqlite3_column_text(q, 0), want);
    sqlite3_finalize(q);
    free(cmd);
    diag_free(&d);
}

typedef struct {
    int statements;
    char *sql; /* the last one's text */
} stmt_seen;

static int count_stmt(unsigned type, void *ctx, void *p, void *x)
{
    (void)type, (void)x;
    stmt_seen *seen = ctx;
    seen->statements++;
    free(seen->sql);
    seen->sql = xstrdup(sqlite3_sql(p));
    return 0;
}

/* Does this plan line (SCAN t ... / SEARCH t ...) read table t, and not one named t_something? */
static bool reads_table(const char *line, const char *t)
{
    const char *rest = !strncmp(line, "SCAN ", 5) ? line + 5 : !strncmp(line, "SEARCH ", 7) ? line + 7 : NULL;
    size_t n = strlen(t);
    return rest && !strncmp(rest, t, n) && (rest[n] == ' ' || rest[n] == '\0');
}

/* The query plan of sql, one detail per line. */
static char *plan_of(const char *sql)
{
    char *explain = xasprintf("EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *q = store_prepare(st, explain);
    strbuf b = {0};
    while (sqlite3_step(q) == SQLITE_ROW)
        sb_addf(&b, "%s\n", (const char *)sqlite3_column_text(q, 3));
    sqlite3_finalize(q);
    free(explain);
    return sb_take(&b);
}

/* An unchanged directory costs a listing, a stat per file and ONE query, whichever copy starts
 * (the per-file lookups of hash, catalog and failure are answered from what that query read). */
Test(catalog_hash, an_unchanged_start_runs_one_statement)
{
    diag_list d = {0};
    sync_from(build_cats, &d);
    sync_from(installed_cats, &d);
    cr_assert_eq(d.len, 0);
    for (int i = 0; i < 2; i++) {
        stmt_seen seen = {0};
        sqlite3_trace_v2(store_db(st), SQLITE_TRACE_STMT, count_stmt, &seen);
        catalog_sync_stats s = sync_from(i ? installed_cats : build_cats, &d);
        sqlite3_trace_v2(store_db(st), 0, NULL, NULL);
        cr_assert_eq(s.unchanged, 2);
        cr_assert_eq(s.hashed + s.parsed + s.imported, 0);
        cr_assert_eq(seen.statements, 1, "statements run by an unchanged sync: %d", seen.statements);
        /* ... which reads the catalogs' paths, hashes and importers from indexes (migration 18):
         * their rows, titles and answer sets and all, are not walked; only each known file's
         * catalog is reached by its key, for its id and version. */
        char *plan = plan_of(seen.sql);
        for (char *line = plan, *end; *line; line = end + 1) {
            end = strchr(line, '\n');
            *end = '\0';
            if (reads_table(line, "catalog"))
                cr_expect(strstr(line, "USING COVERING INDEX") || strstr(line, "USING INTEGER PRIMARY KEY"),
                          "reads catalog rows: %s", line);
        }
        free(plan);
        free(seen.sql);
    }
    diag_free(&d);
}
