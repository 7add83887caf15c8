/* The inspection snapshot: everything of the assessments is in it, the same data gives the same
 * bytes, verify says OK for an untouched file and detects a one-byte change anywhere - naming
 * the entry when the change is in the data or the manifest - and a damaged or foreign file. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "doc_fixture.h"

TestSuite(export_snapshot, .init = doc_setup, .fini = doc_teardown);

static const int64_t all[] = {A_CHECKLIST, A_KAKUNINHYO, A_GAPS, A_DISCLOSURE};

static char *build(size_t *len, char overall[SNAPSHOT_HASH_HEX])
{
    char *page = NULL;
    status_detail err = {0};
    status_code r = snapshot_build(doc_st, all, AZ_ARRAY_LEN(all), DOC_DATE, &page, len, overall, &err);
    cr_assert_eq(r, STATUS_OK, "%s", test_msg(&err));
    return page;
}

Test(export_snapshot, holds_every_answer_signoff_field_and_history)
{
    status_detail err = {0};
    cr_assert_eq(assess_signoff(doc_st, A_DISCLOSURE, "山田 太郎", "安全管理責任者", "tester", &err), STATUS_OK);
    answer_change ch = {.fields = AF_VALUE | AF_NOTE | AF_REASON, .value = "no", .note = "事業者側の見解",
                        .reason = "旧版では未対応"};
    cr_assert_eq(assess_answer_set(doc_st, A_DISCLOSURE, "q-1", PARTY_VENDOR, 0, &ch, "vendor-user", NULL, NULL, &err),
                 STATUS_OK, "%s", test_msg(&err));
    size_t len;
    char overall[SNAPSHOT_HASH_HEX];
    char *page = build(&len, overall);
    static const char *const facts[] = {
        "\"id\":\"answer/4/q-1/hospital\"", "\"id\":\"answer/4/q-1/vendor-1\"", "事業者側の見解",
        "定義ファイルは毎日更新", "SG Rev.1 1章", "\"checked\":\"2025-03-01\"", "\"due\":\"2025-12-31\"",
        "\"done\":\"2025-05-01\"", "理事会議事録.pdf", "\"signed_by\":\"山田 太郎\"", "\"signed_role\":\"安全管理責任者\"",
        "\"changed_since_signoff\":true", "\"key\":\"product\"", "\"value\":\"画像管理ソフトウェア\"",
        "\"id\":\"history/4\"", "\"by\":[{\"who\":\"tester\"", "{\"who\":\"vendor-user\",\"actions\":1}",
        "\"owner\":\"vendor\"", "\"owner_vendor\":\"A社\"", "\"reason\":\"旧版では未対応\"",
        "\"reason\":\"クラウドを利用しない\"", "保守委託契約書（契約第12号） 見直し期限 2025-04-20", "現行版の仕様</td>" /* the page: its reason column */};
    for (size_t i = 0; i < AZ_ARRAY_LEN(facts); i++)
        cr_expect_not_null(strstr(page, facts[i]), "snapshot lacks %s", facts[i]);
    cr_expect_not_null(strstr(page, overall), "the page shows its overall hash");
    cr_expect_null(strstr(page, "<script>"), "no executable script");
    snapshot_check chk;
    snapshot_verify(page, len, &chk);
    cr_expect(chk.ok);
    cr_expect_str_eq(chk.overall, overall);
    snapshot_check_free(&chk);
    free(page);
}

Test(export_snapshot, same_data_same_bytes)
{
    size_t l1, l2;
    char o1[SNAPSHOT_HASH_HEX], o2[SNAPSHOT_HASH_HEX];
    char *a = build(&l1, o1), *b = build(&l2, o2);
    cr_expect(l1 == l2 && memcmp(a, b, l1) == 0);
    cr_expect_str_eq(o1, o2);
    free(a);
    free(b);
}

/* Flips one byte at `at` (to a different byte) and verifies. */
static void flip_and_verify(const char *page, size_t len, size_t at, snapshot_check *chk)
{
    char *copy = xmalloc(len);
    memcpy(copy, page, len);
    copy[at] = copy[at] == 'x' ? 'y' : 'x';
    snapshot_verify(copy, len, chk);
    free(copy);
}

Test(export_snapshot, detects_a_one_byte_change_anywhere)
{
    size_t len;
    char overall[SNAPSHOT_HASH_HEX];
    char *page = build(&len, overall);
    const char *data = strstr(page, "id=\"anzen-snapshot-data\">"), *manifest = strstr(page, "id=\"anzen-snapshot-manifest\">");
    cr_assert(data && manifest);
    /* every 97th byte of the whole file, and every byte of the last kilobyte */
    size_t tried = 0;
    for (size_t at = 0; at < len; at += at + 1024 >= len ? 1 : 97) {
        snapshot_check chk;
        flip_and_verify(page, len, at, &chk);
        cr_expect(!chk.ok, "a change at byte %zu of %zu went unnoticed", at, len);
        snapshot_check_free(&chk);
        tried++;
    }
    cr_expect_gt(tried, 100);
    /* a note inside the data: that answer is named */
    const char *note = strstr(data, "任命は4月の理事会で");
    cr_assert_not_null(note);
    snapshot_check chk;
    flip_and_verify(page, len, (size_t)(note - page), &chk);
    cr_assert_eq(chk.problem, SNAPSHOT_READABLE);
    cr_expect_eq(chk.ndiffs, 1);
    cr_expect_str_eq(chk.diffs[0].id, "answer/1/c-1-1/hospital");
    cr_expect_eq(chk.diffs[0].change, SNAPSHOT_ENTRY_CHANGED);
    cr_expect(chk.overall_changed);
    snapshot_check_free(&chk);
    /* a hash inside the manifest: that entry is named */
    const char *entry = strstr(manifest, "\"id\":\"history/2\",\"sha256\":\"");
    cr_assert_not_null(entry);
    flip_and_verify(page, len, (size_t)(entry - page) + strlen("\"id\":\"history/2\",\"sha256\":\"") + 3, &chk);
    cr_expect_eq(chk.ndiffs, 1);
    cr_expect_str_eq(chk.diffs[0].id, "history/2");
    cr_expect(!chk.overall_changed, "the data itself is unchanged");
    snapshot_check_free(&chk);
    /* the readable part: the page no longer matches its data, from that byte on */
    const char *shown = strstr(page, "理事会議事録.pdf");
    cr_assert_not_null(shown);
    cr_assert(shown < data, "the readable part comes before the data");
    size_t at = (size_t)(shown - page);
    flip_and_verify(page, len, at, &chk);
    cr_expect_eq(chk.ndiffs, 0);
    cr_expect(chk.page_changed);
    cr_expect_eq(chk.page_offset, at);
    snapshot_check_free(&chk);
    free(page);
}

Test(export_snapshot, damaged_or_foreign_files)
{
    size_t len;
    char overall[SNAPSHOT_HASH_HEX];
    char *page = build(&len, overall);
    snapshot_check chk;
    snapshot_verify("<html><body>hello</body></html>", 31, &chk);
    cr_expect_eq(chk.problem, SNAPSHOT_NO_DATA);
    cr_expect(!chk.ok);
    snapshot_check_free(&chk);
    const char *manifest = strstr(page, "<script type=\"application/json\" id=\"anzen-snapshot-manifest\">");
    snapshot_verify(page, (size_t)(manifest - page), &chk); /* cut before the manifest */
    cr_expect_eq(chk.problem, SNAPSHOT_NO_MANIFEST);
    snapshot_check_free(&chk);
    char *copy = xstrdup(page);
    char *d = strstr(copy, "{\"format\":\"anzen-snapshot/1\"");
    d[0] = '['; /* the data is no longer the JSON object */
    snapshot_verify(copy, len, &chk);
    cr_expect_eq(chk.problem, SNAPSHOT_BAD_DATA);
    snapshot_check_free(&chk);
    free(copy);
    free(page);
}

/* Data that parses but lacks every key (a hand-made or mangled file) is reported, not trusted. */
Test(export_snapshot, keys_missing_from_the_data)
{
    static const char page[] =
        "<html><body>"
        "<script type=\"application/json\" id=\"anzen-snapshot-data\">{\"format\":\"anzen-snapshot/1\",\"entries\":"
        "[{\"type\":\"assessment\"},{\"type\":\"answer\",\"evidence\":[1]},{\"type\":\"history\",\"by\":[{}]},7,"
        "{\"type\":\"assessment\",\"assessment\":1e300,\"fields\":[{}]}]}</script>\n"
        "<script type=\"application/json\" id=\"anzen-snapshot-manifest\">{\"format\":\"anzen-snapshot-manifest/1\","
        "\"entries\":[{\"id\":\"answer/1/x/hospital\",\"sha256\":\"00\"}]}</script>\n</body></html>";
    snapshot_check chk;
    snapshot_verify(page, sizeof page - 1, &chk);
    cr_expect_eq(chk.problem, SNAPSHOT_READABLE);
    cr_expect(!chk.ok);
    cr_expect_eq(chk.entries, 5);
    cr_expect(chk.overall_changed && chk.page_changed);
    bool removed = false;
    for (size_t i = 0; i < chk.ndiffs; i++)
        removed |= chk.diffs[i].change == SNAPSHOT_ENTRY_REMOVED && str_eq(chk.diffs[i].id, "answer/1/x/hospital");
    cr_expect(removed, "the entry only the manifest lists is reported removed");
    snapshot_check_free(&chk);
}

Test(export_snapshot, refuses_unknown_assessments_and_bad_dates)
{
    char *page = NULL, overall[SNAPSHOT_HASH_HEX];
    size_t len;
    const int64_t ids[] = {1, 42};
    status_detail err = {0};
    cr_expect_eq(snapshot_build(doc_st, ids, 2, DOC_DATE, &page, &len, overall, &err), STATUS_ASSESSMENT_NOT_FOUND);
    cr_expect_eq(err.id, 42);
    cr_expect_null(page);
    cr_expect_eq(snapshot_build(doc_st, ids, 1, "R7.4.1", &page, &len, overall, &err), STATUS_DATE_NOT_ISO);
    status_detail_free(&err);
}
