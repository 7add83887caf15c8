/* Hostile catalog files: the loader refuses what it must not parse (too big, too deep, aliases,
 * a second document, non-regular files) at once with a position, and stays linear in the size of
 * what it does parse (duplicate keys, tags, answers and params were checked pair by pair). */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalog/lib.h"
#include "testutil.h"

#define HEAD                                                                                                        \
    "format: anzen-catalog/1\n"                                                                                     \
    "catalog:\n"                                                                                                    \
    "  id: lim\n"                                                                                                   \
    "  version: \"1\"\n"                                                                                            \
    "  revision: 1\n"                                                                                               \
    "  kind: guideline\n"                                                                                           \
    "  title: 限界\n"                                                                                               \
    "  publisher: 試験\n"                                                                                           \
    "  published: 2024-02-29\n"                                                                                     \
    "  source: {title: 試験, url: https://example.invalid/}\n"                                                      \
    "  completeness: {status: complete}\n"                                                                          \
    "  answers:\n"                                                                                                  \
    "    - {value: yes, label: はい, meaning: positive, key: y}\n"
/* HEAD is 13 lines. */
#define ITEM "nodes:\n  - {id: a-1, kind: item, text: 本文, source: s, verified: true}\n"

/* CPU time of this process, so other work on a shared machine does not count; the
 * non-regular file checks (which would block, not spin) use the wall clock. */
#define CPU CLOCK_PROCESS_CPUTIME_ID
#define WALL CLOCK_MONOTONIC

static double seconds_since(clockid_t clk, const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(clk, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Loads `doc`, expects failure and a message containing `msg` at line:col (0:0 = any). */
static void expect_refused(const char *doc, size_t len, int line, int col, const char *msg)
{
    diag_list d = {0};
    catalog *c = catalog_load_buffer("h.yaml", doc, len, &d);
    cr_assert_null(c, "loaded a file that must be refused (%s)", msg);
    bool found = false;
    for (size_t i = 0; i < d.len; i++)
        if (strstr(d.items[i].message, msg) && (!line || (d.items[i].line == line && d.items[i].col == col)))
            found = true;
    if (!found)
        diag_print(&d, stderr);
    cr_assert(found, "expected %d:%d: …%s…", line, col, msg);
    diag_free(&d);
}

static void expect_loads(const char *doc)
{
    diag_list d = {0};
    catalog *c = catalog_load_buffer("ok.yaml", doc, strlen(doc), &d);
    diag_print(&d, stderr);
    cr_assert_not_null(c);
    catalog_free(c);
    diag_free(&d);
}

Test(catalog_limits, the_fixture_loads)
{
    expect_loads(HEAD ITEM);
}

Test(catalog_limits, a_broken_second_document_is_refused)
{
    const char *doc = HEAD ITEM "---\nbroken: [unclosed\n";
    expect_refused(doc, strlen(doc), 16, 1, "holds one YAML document; another starts here");
}

Test(catalog_limits, an_empty_second_document_is_refused)
{
    const char *doc = HEAD ITEM "---\n";
    expect_refused(doc, strlen(doc), 16, 1, "holds one YAML document");
}

Test(catalog_limits, a_document_end_marker_alone_is_fine)
{
    expect_loads("---\n" HEAD ITEM "...\n");
}

Test(catalog_limits, dates_must_be_real_days)
{
    const char *feb30 = "format: anzen-catalog/1\ncatalog:\n  published: 2025-02-30\n";
    expect_refused(feb30, strlen(feb30), 3, 14, "must be a date YYYY-MM-DD");
    const char *feb29 = "format: anzen-catalog/1\ncatalog:\n  published: 2025-02-29\n";
    expect_refused(feb29, strlen(feb29), 3, 14, "must be a date YYYY-MM-DD");
    const char *apr31 = "format: anzen-catalog/1\ncatalog:\n  published: 2025-04-31\n";
    expect_refused(apr31, strlen(apr31), 3, 14, "must be a date YYYY-MM-DD");
    const char *month13 = "format: anzen-catalog/1\ncatalog:\n  published: 2025-13\n";
    expect_refused(month13, strlen(month13), 3, 14, "must be a date YYYY-MM-DD");
    expect_loads(HEAD ITEM); /* 2024-02-29: a leap day */
}

Test(catalog_limits, a_date_parameter_default_must_be_a_real_day)
{
    const char *doc = "format: anzen-catalog/1\ncatalog:\n  id: c\n  version: \"1\"\n  revision: 1\n  kind: clauses\n"
                      "  title: 条項\n  publisher: p\n  published: 2026-01\n  source: {title: t, url: u}\n"
                      "  completeness: {status: complete}\n"
                      "  answers: [{value: yes, label: はい, meaning: positive}]\n"
                      "nodes:\n  - id: c01\n    kind: item\n    text: t\n    source: s\n    verified: false\n"
                      "    params:\n      - {name: until, type: date, default: 2026-02-30, label: 期限}\n";
    expect_refused(doc, strlen(doc), 20, 44, "default \"2026-02-30\" is not a valid date");
}

Test(catalog_limits, deep_flow_nesting_is_refused_at_once, .timeout = 20)
{
    size_t n = 100000;
    char *doc = xmalloc(n + 1);
    memset(doc, '[', n);
    doc[n] = 0;
    struct timespec t0;
    clock_gettime(CPU, &t0);
    expect_refused(doc, n, 1, CATALOG_MAX_DEPTH + 1, "nested more than 32 deep");
    /* The column says the scan stopped at the 33rd bracket instead of building the document
     * (libyaml's loader takes ~45 s on this input, past the test's timeout). */
    cr_log_info("100,000 nested [: refused in %.3f s", seconds_since(CPU, &t0));
    free(doc);
}

Test(catalog_limits, deep_block_nesting_is_refused)
{
    strbuf sb = {0};
    for (int i = 0; i < 50000; i++)
        sb_add(&sb, "- ");
    sb_add(&sb, "x\n");
    expect_refused(sb.data, sb.len, 1, 2 * CATALOG_MAX_DEPTH + 1, "nested more than 32 deep");
    sb_free(&sb);
}

Test(catalog_limits, nesting_the_format_needs_is_allowed)
{
    /* params -> a param -> choices, under nodes -> a node, under the top level: depth 6. */
    const char *doc = "format: anzen-catalog/1\ncatalog:\n  id: c\n  version: \"1\"\n  revision: 1\n  kind: clauses\n"
                      "  title: {ja: 条項, en: Clauses}\n  publisher: p\n  published: 2026-01\n"
                      "  source: {title: t, url: u}\n  completeness: {status: complete}\n"
                      "  answers: [{value: yes, label: {ja: はい}, meaning: positive}]\n"
                      "nodes:\n  - id: c01\n    kind: item\n    text: t\n    source: s\n    verified: false\n"
                      "    params:\n      - {name: lvl, type: enum, choices: [lo, hi], default: lo, label: {ja: 水準}}\n";
    expect_loads(doc);
}

Test(catalog_limits, aliases_are_refused)
{
    const char *doc = HEAD "nodes:\n  - &n {id: a-1, kind: item, text: t, source: s, verified: true}\n  - *n\n";
    expect_refused(doc, strlen(doc), 16, 5, "YAML aliases (*n) are not allowed");
}

Test(catalog_limits, an_oversized_buffer_is_refused_before_parsing)
{
    size_t n = CATALOG_MAX_BYTES + 1;
    char *doc = xmalloc(n);
    memset(doc, '#', n);
    expect_refused(doc, n, 1, 1, "a catalog file may be at most 4 MiB");
    free(doc);
}

/* 100,000 keys in one mapping, then a duplicate: was 71 s (n² / 2 comparisons). */
Test(catalog_limits, duplicate_keys_are_found_in_linear_time, .timeout = 60)
{
    strbuf sb = {0};
    sb_add(&sb, "format: anzen-catalog/1\ncatalog:\n");
    for (int i = 0; i < 100000; i++)
        sb_addf(&sb, "  k%d: 1\n", i);
    sb_add(&sb, "  k7: 2\n"); /* line 100003; k7 was on line 10 */
    struct timespec t0;
    clock_gettime(CPU, &t0);
    diag_list d = {0};
    cr_assert_null(catalog_load_buffer("keys.yaml", sb.data, sb.len, &d));
    double s = seconds_since(CPU, &t0);
    bool dup = false;
    size_t unknown = 0;
    for (size_t i = 0; i < d.len; i++) {
        dup |= d.items[i].line == 100003 && strstr(d.items[i].message, "duplicate key \"k7\" in catalog (first at line 10)");
        unknown += strstr(d.items[i].message, "unknown field \"k") != NULL;
    }
    cr_log_info("100,001 keys: %zu messages in %.3f s", d.len, s);
    cr_assert(dup, "the duplicate was not reported with both lines");
    cr_assert_eq(unknown, 100001); /* the time is a logged figure, not an assertion; the timeout catches a hang */
    diag_free(&d);
    sb_free(&sb);
}

/* n answers, n tags and n nodes that each use a tag. */
static char *many(int n, size_t *len)
{
    strbuf sb = {0};
    sb_add(&sb, "format: anzen-catalog/1\ncatalog:\n  id: big\n  version: \"1\"\n  revision: 1\n  kind: checklist\n"
                "  title: 大\n  publisher: p\n  published: 2025-04-01\n  source: {title: t, url: u}\n"
                "  completeness: {status: complete}\n  answers:\n");
    for (int i = 0; i < n; i++)
        sb_addf(&sb, "  - {value: v%d, label: l, meaning: positive}\n", i);
    sb_add(&sb, "  tags:\n");
    for (int i = 0; i < n; i++)
        sb_addf(&sb, "  - {id: t%d, label: l}\n", i);
    sb_add(&sb, "nodes:\n");
    for (int i = 0; i < n; i++)
        sb_addf(&sb, "- {id: n%d, kind: item, text: t, source: s, verified: false, tags: [t%d]}\n", i, n - 1 - i);
    *len = sb.len;
    return sb_take(&sb);
}

static double load_many(int n)
{
    size_t len;
    char *doc = many(n, &len);
    struct timespec t0;
    clock_gettime(CPU, &t0);
    diag_list d = {0};
    catalog *c = catalog_load_buffer("big.yaml", doc, len, &d);
    double s = seconds_since(CPU, &t0);
    diag_print(&d, stderr);
    cr_assert_not_null(c);
    cr_assert_eq(c->nanswers, (size_t)n);
    cr_assert_eq(c->ntags, (size_t)n);
    cr_assert_eq(c->nnodes, (size_t)n);
    catalog_free(c);
    diag_free(&d);
    free(doc);
    return s;
}

/* 25,000 answers, tags and nodes (about as many as fit in 4 MiB) load completely; how the time
 * grows with the input is a figure for the bench, not an assertion here (load_many checks counts). */
Test(catalog_limits, many_tags_and_answers_load, .timeout = 120)
{
    double small = load_many(5000), big = load_many(25000);
    cr_log_info("5,000 / 25,000 answers, tags and nodes: %.3f s / %.3f s (%.1fx)", small, big, big / small);
}

Test(catalog_limits, duplicate_tags_and_answers_are_still_found)
{
    const char *doc = HEAD "    - {value: no, label: いいえ, meaning: negative, key: y}\n    - {value: yes, label: 再, meaning: positive}\n"
                           "  tags: [{id: t, label: a}, {id: t, label: b}]\n" ITEM;
    diag_list d = {0};
    cr_assert_null(catalog_load_buffer("dup.yaml", doc, strlen(doc), &d));
    size_t hits = 0;
    for (size_t i = 0; i < d.len; i++)
        hits += strstr(d.items[i].message, "key 'y' is already used by \"yes\"") || strstr(d.items[i].message, "value \"yes\" is listed twice") ||
                strstr(d.items[i].message, "tag: \"t\" is declared twice");
    diag_print(&d, stderr);
    cr_assert_eq(hits, 3);
    diag_free(&d);
}

/* Files that are not regular files are refused without being opened for a blocking read. */
static void expect_file_refused(const char *path, const char *msg)
{
    struct timespec t0;
    clock_gettime(WALL, &t0);
    diag_list d = {0};
    cr_assert_null(catalog_load_file(path, &d)); /* a blocking read would hang: the test's timeout ends it */
    cr_log_info("%s: refused in %.3f s", path, seconds_since(WALL, &t0));
    cr_assert_eq(d.len, 1);
    cr_assert(strstr(d.items[0].message, msg), "%s: %s", path, d.items[0].message);
    diag_free(&d);
}

Test(catalog_limits, non_regular_files_are_refused_at_once, .timeout = 10)
{
    char *dir = test_tmpdir();
    char *fifo = xasprintf("%s/fifo.yaml", dir);
    cr_assert_eq(mkfifo(fifo, 0600), 0);
    expect_file_refused(fifo, "not a regular file");
    char *zero = xasprintf("%s/zero.yaml", dir);
    cr_assert_eq(symlink("/dev/zero", zero), 0);
    expect_file_refused(zero, "not a regular file");
    expect_file_refused("/dev/zero", "not a regular file");
    expect_file_refused(dir, "not a regular file");
    free(zero);
    free(fifo);
    test_rm_rf(dir);
    free(dir);
}

Test(catalog_limits, an_oversized_file_is_refused_without_reading)
{
    char *dir = test_tmpdir();
    char *big = xasprintf("%s/big.yaml", dir);
    int fd = open(big, O_WRONLY | O_CREAT, 0600);
    cr_assert_geq(fd, 0);
    cr_assert_eq(ftruncate(fd, (off_t)CATALOG_MAX_BYTES + 1), 0); /* sparse: nothing to read anyway */
    close(fd);
    expect_file_refused(big, "larger than 4 MiB");
    free(big);
    test_rm_rf(dir);
    free(dir);
}
