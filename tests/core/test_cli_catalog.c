/* anzen catalog validate | list | show, and the global options: output and exit codes. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "testutil.h"
#include "base/lib.h"

static char *dir;

static void setup(void)
{
    dir = test_tmpdir();
    setenv("HOME", dir, 1);
    unsetenv("XDG_DATA_HOME");
    unsetenv("ANZEN_DB");
    setenv("ANZEN_DATA_DIR", TOP_SRCDIR "/data", 1);
}

static void teardown(void)
{
    test_rm_rf(dir);
    free(dir);
}

TestSuite(cli_catalog, .init = setup, .fini = teardown);

typedef struct {
    int code;
    char *out, *err;
} run_result;

static run_result run(const char *const *args)
{
    char *argv[32]; /* argv is mutable by contract, so give it copies */
    int argc = 0;
    argv[argc++] = xstrdup("anzen");
    for (; args[argc - 1]; argc++)
        argv[argc] = xstrdup(args[argc - 1]);
    FILE *out = tmpfile(), *err = tmpfile();
    session_opts g = {0};
    run_result r = {.code = cli_main(argc, argv, &g, out, err)};
    size_t n;
    rewind(out);
    rewind(err);
    strbuf so = {0}, se = {0};
    char buf[4096];
    while ((n = fread(buf, 1, sizeof buf, out)) > 0)
        sb_addn(&so, buf, n);
    while ((n = fread(buf, 1, sizeof buf, err)) > 0)
        sb_addn(&se, buf, n);
    fclose(out);
    fclose(err);
    for (int i = 0; i < argc; i++)
        free(argv[i]);
    r.out = sb_take(&so);
    r.err = sb_take(&se);
    return r;
}

static void done(run_result *r)
{
    free(r->out);
    free(r->err);
}

Test(cli_catalog, validate_reports_file_line_col_and_exits_3)
{
    char *bad = test_write(dir, "bad.yaml",
                           "format: anzen-catalog/1\ncatalog:\n  id: x\n  version: \"1\"\n  kind: rulebook\n");
    run_result r = run((const char *[]){"catalog", "validate", bad, NULL});
    cr_assert_eq(r.code, 3);
    char *want = xasprintf("%s:5:9: catalog: \"kind\" must be one of", bad);
    cr_assert_not_null(strstr(r.err, want), "stderr was:\n%s", r.err);
    cr_assert_not_null(strstr(r.err, "missing required field \"revision\""));
    free(want);
    free(bad);
    done(&r);
}

Test(cli_catalog, validate_all_shipped_is_clean)
{
    run_result r = run((const char *[]){"catalog", "validate", NULL});
    cr_assert_eq(r.code, 0, "stderr:\n%s", r.err);
    cr_assert_not_null(strstr(r.out, "mhlw-gl6-control-6.0.yaml: ok (mhlw-gl6-control@6.0"));
    done(&r);
}

Test(cli_catalog, validate_a_user_catalog_that_references_shipped_items)
{
    char *mine = test_write(dir, "mine.yaml",
                            "format: anzen-catalog/1\ncatalog:\n  id: my-hospital\n  version: \"2026\"\n  revision: 1\n"
                            "  kind: checklist\n  title: 当院独自の点検表\n  publisher: 当院\n  published: 2026-04\n"
                            "  source: {title: 院内規程, url: file:///intranet}\n  completeness: {status: complete}\n"
                            "  answers: [{value: yes, label: はい, meaning: positive}]\n"
                            "nodes:\n  - id: m-1\n    kind: item\n    text: 保守用アカウントの棚卸し\n    source: 院内\n"
                            "    verified: true\n    maps: [mhlw-gl6-control:ctl-10-3, mhlw-gl6-control:ctl-99-9]\n");
    run_result r = run((const char *[]){"catalog", "validate", mine, NULL});
    cr_assert_eq(r.code, 3);
    cr_assert_not_null(strstr(r.err, ":19:39: reference mhlw-gl6-control:ctl-99-9 does not resolve"), "%s", r.err);
    cr_assert_null(strstr(r.err, "ctl-10-3 does not"), "the real item resolves");
    free(mine);
    done(&r);
}

Test(cli_catalog, list_shows_counts_and_completeness)
{
    run_result r = run((const char *[]){"--lang", "ja", "catalog", "list", NULL});
    cr_assert_eq(r.code, 0, "%s", r.err);
    cr_assert_not_null(strstr(r.out, "カタログ"));
    cr_assert_not_null(strstr(r.out, "mhlw-gl6-control"));
    cr_assert_not_null(strstr(r.out, "一部"));
    done(&r);
    r = run((const char *[]){"catalog", "list", "--json", NULL});
    cr_assert_eq(r.code, 0);
    cr_assert_not_null(strstr(r.out, "\"id\":\t\"mhlw-checklist-hospital\""), "%s", r.out);
    cr_assert_not_null(strstr(r.out, "\"items\":"));
    done(&r);
}

Test(cli_catalog, show_item_with_links_in_japanese)
{
    run_result r = run((const char *[]){"--lang", "ja", "catalog", "show", "mhlw-gl6-control:ctl-10-3", NULL});
    cr_assert_eq(r.code, 0, "%s", r.err);
    cr_assert_not_null(strstr(r.out, "参照番号: 10-3"));
    cr_assert_not_null(strstr(r.out, "関連項目:"));
    done(&r);
}

Test(cli_catalog, show_unknown_is_exit_1_and_bad_forms_exit_2)
{
    run_result r = run((const char *[]){"catalog", "show", "mhlw-gl6-control:ctl-99-99", NULL});
    cr_assert_eq(r.code, 1);
    cr_assert_not_null(strstr(r.err, "has no node \"ctl-99-99\""));
    done(&r);
    r = run((const char *[]){"catalog", "show", "no-such-catalog", NULL});
    cr_assert_eq(r.code, 1);
    done(&r);
    r = run((const char *[]){"catalog", "show", NULL});
    cr_assert_eq(r.code, 2);
    done(&r);
    r = run((const char *[]){"catalog", "frobnicate", NULL});
    cr_assert_eq(r.code, 2);
    done(&r);
    r = run((const char *[]){"--lang", "fr", "catalog", "list", NULL});
    cr_assert_eq(r.code, 2);
    cr_assert_not_null(strstr(r.err, "--lang must be ja or en"));
    done(&r);
    r = run((const char *[]){"--db", NULL});
    cr_assert_eq(r.code, 2);
    done(&r);
}

Test(cli_catalog, database_problems_exit_4_and_touch_nothing)
{
    char *notdb = test_write(dir, "notes.txt", "患者さんへのお知らせ\n");
    run_result r = run((const char *[]){"--db", notdb, "catalog", "list", NULL});
    cr_assert_eq(r.code, 4);
    cr_assert_not_null(strstr(r.err, "not an anzen database"));
    size_t len;
    char *content = util_read_file(notdb, &len);
    cr_assert_str_eq(content, "患者さんへのお知らせ\n");
    free(content);
    free(notdb);
    done(&r);
}

Test(cli_catalog, default_database_goes_to_xdg_data_home)
{
    char *xdg = xasprintf("%s/xdg", dir);
    setenv("XDG_DATA_HOME", xdg, 1);
    run_result r = run((const char *[]){"catalog", "list", NULL});
    cr_assert_eq(r.code, 0, "%s", r.err);
    char *db = xasprintf("%s/anzen/anzen.db", xdg);
    FILE *f = fopen(db, "rb");
    cr_assert_not_null(f, "database created at %s", db);
    fclose(f);
    free(db);
    free(xdg);
    done(&r);
}

Test(cli_catalog, an_explicit_db_path_needs_an_existing_directory)
{
    /* A mistyped --db must not create the directory and a fresh empty database (issue 12). */
    char *bad = xasprintf("%s/no-such-dir/sub/x.db", dir);
    char *parent = xasprintf("%s/no-such-dir", dir);
    run_result r = run((const char *[]){"--db", bad, "catalog", "list", NULL});
    cr_assert_eq(r.code, 1, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "does not exist"), "%s", r.err);
    cr_assert_not_null(strstr(r.err, "no-such-dir/sub"), "%s", r.err);
    cr_assert(!paths_is_dir(parent), "nothing created");
    done(&r);
    setenv("ANZEN_DB", bad, 1);
    r = run((const char *[]){"catalog", "list", NULL});
    unsetenv("ANZEN_DB");
    cr_assert_eq(r.code, 1, "ANZEN_DB is explicit too: %s", r.err);
    cr_assert(!paths_is_dir(parent));
    done(&r);
    /* an existing directory is fine: the file is created there */
    char *ok = xasprintf("%s/fresh.db", dir);
    r = run((const char *[]){"--db", ok, "catalog", "list", NULL});
    cr_assert_eq(r.code, 0, "%s", r.err);
    done(&r);
    free(ok);
    free(bad);
    free(parent);
}

Test(cli_catalog, help_and_version)
{
    run_result r = run((const char *[]){"--help", NULL});
    cr_assert_eq(r.code, 0);
    cr_assert_not_null(strstr(r.out, "  catalog     catalogs"));
    cr_assert_not_null(strstr(r.out, "Exit codes"));
    done(&r);
    /* the subcommands are in the group's help (the command table) */
    r = run((const char *[]){"help", "catalog", NULL});
    cr_assert_eq(r.code, 0);
    cr_assert_not_null(strstr(r.out, "anzen catalog validate [FILE...]"));
    done(&r);
    r = run((const char *[]){"--version", NULL});
    cr_assert_eq(r.code, 0);
    cr_assert(str_starts(r.out, "anzen "));
    done(&r);
}

#define USER_CATALOG \
    "format: anzen-catalog/1\ncatalog:\n  id: %s\n  version: \"%s\"\n  revision: 1\n" \
    "  kind: checklist\n  title: 当院独自の点検表\n  publisher: 当院\n  published: 2026-04\n" \
    "  source: {title: 院内規程, url: file:///intranet}\n  completeness: {status: complete}\n" \
    "  answers: [{value: yes, label: はい, meaning: positive}]\n" \
    "nodes:\n  - id: m-1\n    kind: item\n    text: 保守用アカウントの棚卸し\n    source: 院内\n    verified: true\n"

Test(cli_catalog, a_dropped_in_user_catalog_appears_without_code_change)
{
    char *xdg = xasprintf("%s/xdg", dir);
    char *cats = xasprintf("%s/anzen/catalogs", xdg);
    setenv("XDG_DATA_HOME", xdg, 1);
    char *cmd = xasprintf("mkdir -p '%s'", cats);
    cr_assert_eq(system(cmd), 0);
    char *text = xasprintf(USER_CATALOG, "my-hospital", "2026");
    free(test_write(cats, "mine.yaml", text));
    run_result r = run((const char *[]){"catalog", "list", NULL});
    cr_assert_eq(r.code, 0, "%s", r.err);
    cr_assert_not_null(strstr(r.out, "my-hospital"), "%s", r.out);
    cr_assert_not_null(strstr(r.out, "当院独自の点検表"));
    done(&r);
    r = run((const char *[]){"catalog", "show", "my-hospital:m-1", NULL});
    cr_assert_eq(r.code, 0);
    cr_assert_not_null(strstr(r.out, "保守用アカウントの棚卸し"));
    done(&r);
    free(text);
    free(cmd);
    free(cats);
    free(xdg);
}

Test(cli_catalog, a_user_catalog_reusing_a_shipped_id_is_refused_naming_both_files)
{
    char *xdg = xasprintf("%s/xdg", dir);
    char *cats = xasprintf("%s/anzen/catalogs", xdg);
    setenv("XDG_DATA_HOME", xdg, 1);
    char *cmd = xasprintf("mkdir -p '%s'", cats);
    cr_assert_eq(system(cmd), 0);
    char *text = xasprintf(USER_CATALOG, "mhlw-gl6-control", "6.0");
    free(test_write(cats, "copy.yaml", text));
    run_result r = run((const char *[]){"catalog", "list", NULL});
    cr_assert_eq(r.code, 0, "the rest still works");
    cr_assert_not_null(strstr(r.err, "copy.yaml: catalog mhlw-gl6-control@6.0 is already defined in"), "%s", r.err);
    cr_assert_not_null(strstr(r.err, "data/catalogs/mhlw-gl6-control-6.0.yaml"), "%s", r.err);
    cr_assert_null(strstr(r.out, "当院独自の点検表"), "the duplicate was not loaded");
    done(&r);
    free(text);
    free(cmd);
    free(cats);
    free(xdg);
}
