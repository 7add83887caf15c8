/* Catalog import into SQLite: round trip of Japanese text, change detection, duplicates,
 * dangling references and removed files. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <unistd.h>

#include "catalog/lib.h"
#include "store/lib.h"
#include "testutil.h"

static char *dir, *cats;
static store *st;

static const char *const cat_a =
    "format: anzen-catalog/1\n"
    "catalog:\n"
    "  id: gl-test\n  version: \"6.0\"\n  revision: 1\n  kind: guideline\n"
    "  title: {ja: 医療情報システムの安全管理（試験）, en: Test guideline}\n"
    "  short: {ja: 運用編}\n"
    "  publisher: 厚生労働省（試験）\n  published: 2023-05-31\n"
    "  source: {title: 試験資料, url: https://example.invalid/gl}\n"
    "  completeness: {status: partial, note: {ja: 第15章の項目は未確認, en: chapter 15 unconfirmed}}\n"
    "  answers:\n"
    "    - {value: implemented, label: {ja: 実施, en: Implemented}, meaning: positive, key: y}\n"
    "    - {value: na, label: {ja: 対象外}, meaning: not_applicable, needs_reason: true, key: x}\n"
    "  dates: [checked, due, done]\n"
    "nodes:\n"
    "  - {id: ctl-10, kind: heading, ref: \"10\", title: {ja: 事業者による保守対応, en: Vendor maintenance}}\n"
    "  - id: ctl-10-3\n    kind: item\n    parent: ctl-10\n    ref: \"10-3\"\n"
    "    text: {ja: \"保守用アカウントを分け、個人情報へのアクセス有無と作業内容を記録する。①②※\"}\n"
    "    responsibility: joint\n    source: https://example.invalid/10\n    verified: true\n";

static const char *const cat_b =
    "format: anzen-catalog/1\n"
    "catalog:\n"
    "  id: cl-test\n  version: \"R7\"\n  revision: 1\n  kind: checklist\n"
    "  title: チェックリスト（試験）\n  publisher: 試験\n  published: 2025-05\n"
    "  source: {title: t, url: u}\n  completeness: {status: complete}\n"
    "  answers: [{value: yes, label: はい, meaning: positive}, {value: no, label: いいえ, meaning: negative}]\n"
    "nodes:\n"
    "  - id: c-2-1\n    kind: item\n    ref: \"2-①\"\n    text: 保守アカウントを管理している\n"
    "    source: s\n    verified: false\n    maps: [{to: \"gl-test:ctl-10-3\", rel: cites}]\n";

static void setup(void)
{
    dir = test_tmpdir();
    cats = xasprintf("%s/catalogs", dir);
    paths_mkdirs(cats, 0700);
    st = test_store_open(dir);
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(cats);
    free(dir);
}

TestSuite(catalog_db, .init = setup, .fini = teardown);

static catalog_sync_stats sync_dirs(diag_list *d)
{
    strlist dirs = {0};
    sl_push(&dirs, cats);
    catalog_sync_stats stats;
    status_detail err = {0};
    cr_assert_eq(catalog_sync(st, &dirs, d, &stats, &err), STATUS_OK, "%s", test_msg(&err));
    sl_free(&dirs);
    return stats;
}

Test(catalog_db, japanese_round_trip_yaml_sqlite_output)
{
    free(test_write(cats, "a.yaml", cat_a));
    diag_list d = {0};
    catalog_sync_stats s = sync_dirs(&d);
    diag_print(&d, stderr);
    cr_assert_eq(d.len, 0);
    cr_assert_eq(s.imported, 1);

    catalog *c = catalog_db_load(st, "gl-test", "6.0");
    cr_assert_not_null(c);
    cr_assert_str_eq(c->title.ja, "医療情報システムの安全管理（試験）");
    cr_assert_str_eq(c->short_title.ja, "運用編");
    cr_assert_str_eq(c->publisher, "厚生労働省（試験）");
    cr_assert_str_eq(c->completeness_note.ja, "第15章の項目は未確認");
    cr_assert_eq(c->nanswers, 2);
    cr_assert_str_eq(c->answers[0].label.ja, "実施");
    cr_assert_eq(c->answers[1].meaning, MEANING_NA);
    cr_assert_eq(c->answers[1].key, 'x');
    cr_assert(c->answers[1].needs_reason, "needs_reason survives the import");
    cr_assert(!c->answers[0].needs_reason);
    cr_assert_eq(c->dates, DATE_CHECKED | DATE_DUE | DATE_DONE);
    const catalog_node *n = catalog_find_node(c, "ctl-10-3");
    cr_assert_not_null(n);
    cr_assert_str_eq(n->text.ja, "保守用アカウントを分け、個人情報へのアクセス有無と作業内容を記録する。①②※");
    cr_assert_str_eq(n->ref, "10-3");
    cr_assert_str_eq(n->parent, "ctl-10");
    cr_assert_eq(n->resp, RESP_JOINT);
    cr_assert_eq(n->depth, 1);
    catalog_free(c);
}

Test(catalog_db, unchanged_files_are_not_parsed_again)
{
    free(test_write(cats, "a.yaml", cat_a));
    diag_list d = {0};
    cr_assert_eq(sync_dirs(&d).imported, 1);
    catalog_sync_stats s = sync_dirs(&d);
    cr_assert_eq(s.imported, 0);
    cr_assert_eq(s.unchanged, 1);
    /* a later revision of the same file replaces the imported one */
    char *changed = xasprintf("%s", cat_a);
    char *p = strstr(changed, "revision: 1");
    p[10] = '2';
    sleep(0); /* mtime may be equal; size is the same too, so force a different size */
    char *bigger = xasprintf("%s# revised\n", changed);
    free(test_write(cats, "a.yaml", bigger));
    s = sync_dirs(&d);
    cr_assert_eq(s.imported, 1);
    catalog_info *list;
    size_t n;
    cr_assert_eq(catalog_db_list(st, &list, &n, NULL), STATUS_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(list[0].revision, 2);
    cr_assert_eq(list[0].items, 1);
    cr_assert_eq(list[0].headings, 1);
    cr_assert_eq(list[0].verified_items, 1);
    catalog_info_free(list, n);
    free(changed);
    free(bigger);
    diag_free(&d);
}

Test(catalog_db, same_id_and_version_in_two_files_names_both)
{
    free(test_write(cats, "a.yaml", cat_a));
    free(test_write(cats, "b-copy.yaml", cat_a));
    diag_list d = {0};
    catalog_sync_stats s = sync_dirs(&d);
    cr_assert_eq(s.imported, 1);
    cr_assert_eq(d.len, 1);
    cr_assert_not_null(strstr(d.items[0].file, "b-copy.yaml"));
    cr_assert_not_null(strstr(d.items[0].message, "a.yaml"), "%s", d.items[0].message);
    cr_assert_not_null(strstr(d.items[0].message, "gl-test@6.0"));
    diag_free(&d);
}

Test(catalog_db, references_resolve_across_files_and_links_show_both_ways)
{
    free(test_write(cats, "a.yaml", cat_a));
    free(test_write(cats, "b.yaml", cat_b));
    diag_list d = {0};
    catalog_sync_stats s = sync_dirs(&d);
    diag_print(&d, stderr);
    cr_assert_eq(s.imported, 2);
    node_link *links;
    size_t n;
    cr_assert_eq(catalog_db_links(st, "gl-test", "ctl-10-3", &links, &n, NULL), STATUS_OK);
    cr_assert_eq(n, 1);
    cr_assert(!links[0].outgoing);
    cr_assert_str_eq(links[0].catalog, "cl-test");
    cr_assert_str_eq(links[0].ref, "2-①");
    cr_assert_str_eq(links[0].rel, "cites");
    node_link_free(links, n);
    cr_assert_eq(catalog_db_links(st, "cl-test", "c-2-1", &links, &n, NULL), STATUS_OK);
    cr_assert_eq(n, 1);
    cr_assert(links[0].outgoing);
    cr_assert_str_eq(links[0].title, "保守用アカウントを分け、個人情報へのアクセス有無と作業内容を記録する。①②※",
                     "a target without a title shows its text");
    node_link_free(links, n);
}

Test(catalog_db, dangling_reference_skips_that_file_only)
{
    free(test_write(cats, "b.yaml", cat_b)); /* refers to gl-test, which is absent */
    diag_list d = {0};
    catalog_sync_stats s = sync_dirs(&d);
    cr_assert_eq(s.imported, 0);
    cr_assert_eq(s.failed, 1);
    cr_assert_eq(d.len, 1);
    cr_assert_eq(d.items[0].line, 20, "the line of the reference itself");
    cr_assert_not_null(strstr(d.items[0].message, "gl-test:ctl-10-3 does not resolve"));
    cr_assert_null(catalog_db_load(st, "cl-test", NULL));
    diag_free(&d);
}

Test(catalog_db, removed_file_keeps_catalog_marked)
{
    char *path = test_write(cats, "a.yaml", cat_a);
    diag_list d = {0};
    sync_dirs(&d);
    unlink(path);
    sync_dirs(&d);
    catalog_info *list;
    size_t n;
    cr_assert_eq(catalog_db_list(st, &list, &n, NULL), STATUS_OK);
    cr_assert_eq(n, 1, "assessments may use it: it stays");
    cr_assert_null(list[0].file_path);
    catalog_info_free(list, n);
    free(path);
}

Test(catalog_db, broken_file_keeps_previous_import)
{
    free(test_write(cats, "a.yaml", cat_a));
    diag_list d = {0};
    sync_dirs(&d);
    free(test_write(cats, "a.yaml", "format: anzen-catalog/1\ncatalog: [broken\n"));
    catalog_sync_stats s = sync_dirs(&d);
    cr_assert_eq(s.failed, 1);
    cr_assert_eq(d.len, 1);
    catalog *c = catalog_db_load(st, "gl-test", "6.0");
    cr_assert_not_null(c, "the last good import is still there");
    catalog_free(c);
    diag_free(&d);
}

Test(catalog_db, older_importer_reimports_unchanged_file)
{
    free(test_write(cats, "a.yaml", cat_a));
    diag_list d = {0};
    cr_assert_eq(sync_dirs(&d).imported, 1);
    /* as if an older anzen had imported it: same file, same size and mtime */
    status_detail err = {0};
    cr_assert_eq(store_exec(st, "UPDATE catalog SET importer = 1", &err), STATUS_OK, "%s", test_msg(&err));
    catalog_sync_stats s = sync_dirs(&d);
    cr_assert_eq(s.imported, 1, "an older importer's catalog must be imported again");
    s = sync_dirs(&d);
    cr_assert_eq(s.imported, 0);
    cr_assert_eq(s.unchanged, 1);
    diag_free(&d);
}

/* Every field of the node table (node_fields.c) survives YAML -> SQLite -> catalog. */
Test(catalog_db, every_node_field_round_trips)
{
    static const char *const cat =
        "format: anzen-catalog/1\n"
        "catalog:\n"
        "  id: nf-test\n  version: \"1\"\n  revision: 1\n  kind: checklist\n"
        "  title: 欄の試験\n  publisher: 試験\n  published: 2025-05\n"
        "  source: {title: t, url: u}\n  completeness: {status: complete}\n"
        "  answers: [{value: yes, label: はい, meaning: positive}]\n"
        "  tags: [{id: auth, label: {ja: 認証}}]\n"
        "nodes:\n"
        "  - id: n-1\n    kind: item\n    ref: \"9-④\"\n    title: {ja: 二要素認証, en: Two-factor}\n"
        "    text: {ja: 本文です, en: Body}\n    guidance: {ja: 確認のしかた, en: How to check}\n"
        "    actor: 医療機関\n    responsibility: vendor\n    tags: [auth]\n    target_fy: 2027\n"
        "    source: https://example.invalid/9\n    verified: true\n";
    free(test_write(cats, "nf.yaml", cat));
    diag_list d = {0};
    sync_dirs(&d);
    diag_print(&d, stderr);
    cr_assert_eq(d.len, 0);
    catalog *c = catalog_db_load(st, "nf-test", "1");
    cr_assert_not_null(c);
    const catalog_node *n = catalog_find_node(c, "n-1");
    cr_assert_not_null(n);
    cr_assert_str_eq(n->ref, "9-④");
    cr_assert_str_eq(n->title.ja, "二要素認証");
    cr_assert_str_eq(n->title.en, "Two-factor");
    cr_assert_str_eq(n->text.ja, "本文です");
    cr_assert_str_eq(n->text.en, "Body");
    cr_assert_str_eq(n->guidance.ja, "確認のしかた");
    cr_assert_str_eq(n->guidance.en, "How to check");
    cr_assert_str_eq(n->actor, "医療機関");
    cr_assert_eq(n->resp, RESP_VENDOR);
    cr_assert_eq(n->tags.len, 1);
    cr_assert_str_eq(n->tags.items[0], "auth");
    cr_assert_eq(n->target_fy, 2027);
    cr_assert_str_eq(n->source, "https://example.invalid/9");
    cr_assert(n->verified);
    catalog_free(c);
    diag_free(&d);
}

/* With no version asked, a newer skeleton (headings only) does not hide the last version that has
 * items: `assess new mhlw-checklist-hospital` keeps working while R8's questions are unknown. */
Test(catalog_db, newest_version_with_items_is_the_default)
{
    free(test_write(cats, "b.yaml", cat_b));
    static const char *const skeleton =
        "format: anzen-catalog/1\n"
        "catalog:\n"
        "  id: cl-test\n  version: \"R8\"\n  revision: 1\n  kind: checklist\n"
        "  title: チェックリスト（骨格）\n  publisher: 試験\n  published: 2026-06\n"
        "  source: {title: t, url: u}\n  completeness: {status: skeleton, note: 設問は未確認}\n"
        "  answers: [{value: yes, label: はい, meaning: positive}]\n"
        "nodes:\n"
        "  - {id: h-1, kind: heading, title: 設問は未確認}\n";
    free(test_write(cats, "c.yaml", skeleton));
    free(test_write(cats, "a.yaml", cat_a));
    diag_list d = {0};
    sync_dirs(&d);
    diag_print(&d, stderr);
    catalog *c = catalog_db_load(st, "cl-test", NULL);
    cr_assert_not_null(c);
    cr_assert_str_eq(c->version, "R7");
    catalog_free(c);
    c = catalog_db_load(st, "cl-test", "R8");
    cr_assert_not_null(c, "the skeleton is still there when asked for");
    catalog_free(c);
    diag_free(&d);
}

/* One item's command reads the header and answers, and that one node by a query; once the whole
 * catalog is cached, the head is the whole one and nodes are found in memory. */
Test(catalog_db, head_has_the_answers_and_finds_one_node)
{
    free(test_write(cats, "a.yaml", cat_a));
    diag_list d = {0};
    sync_dirs(&d);
    cr_assert_eq(d.len, 0);
    const catalog *h = catalog_db_head(st, "gl-test", "6.0");
    cr_assert_not_null(h);
    cr_assert_eq(h->nnodes, 0, "a head loads no nodes");
    cr_assert_eq(h->nanswers, 2);
    cr_assert_str_eq(h->answers[1].label.ja, "対象外");
    cr_assert(h->answers[1].needs_reason);
    cr_assert_eq(h->dates, DATE_CHECKED | DATE_DUE | DATE_DONE);
    cr_assert_eq(catalog_db_head(st, "gl-test", "6.0"), h, "cached");
    cr_assert_null(catalog_db_head(st, "gl-test", "9.9"));

    for (int round = 0; round < 2; round++) {
        node_kind k = NODE_HEADING;
        cr_assert(catalog_db_node_kind(st, h, "ctl-10-3", &k));
        cr_assert_eq(k, NODE_ITEM);
        cr_assert(catalog_db_node_kind(st, h, "ctl-10", &k));
        cr_assert_eq(k, NODE_HEADING);
        cr_assert(!catalog_db_node_kind(st, h, "ctl-99", &k));
        if (round == 0) {
            const catalog *full = catalog_db_get(st, "gl-test", "6.0");
            cr_assert_not_null(full);
            cr_assert_eq(full->nnodes, 2);
            cr_assert_eq(catalog_db_head(st, "gl-test", "6.0"), full, "the whole catalog serves as its head");
            h = full;
        }
    }
    diag_free(&d);
}
