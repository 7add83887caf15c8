/* anzen-bench, exports: every document of a 1,000-item assessment in every format, and the
 * inspection snapshot with its verification. Each figure is the median wall time of building the
 * document from the database and writing it atomically (temp file, fsync, rename), so it is what
 * `anzen export` costs after opening the store. Printed only; nothing is asserted. */
#include "bench_export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "assess/lib.h"
#include "catalog/lib.h"
#include "export/lib.h"
#include "store/lib.h"

static double ms_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void fail(const char *what, const char *err)
{
    fprintf(stderr, "anzen-bench: exports: %s: %s\n", what, err ? err : "");
    exit(1);
}

/* The same for a status core reported (its English message). */
static void fail_status(const char *what, status_detail *err)
{
    char *m = status_format(err, true);
    fail(what, m);
}

/* A catalog of `kind` with 1,000 items in 20 chapters (every tenth a per-device item in a
 * checklist), written to dir. */
static void write_catalog(const char *dir, const char *id, const char *kind)
{
    strbuf y = {0};
    sb_addf(&y, "format: anzen-catalog/1\ncatalog:\n  id: %s\n  version: \"1\"\n  revision: 1\n  kind: %s\n"
                "  title: {ja: 性能測定用 %s}\n  publisher: 測定\n  published: 2025-01-01\n"
                "  source: {title: 測定, url: \"https://example.org\"}\n  completeness: {status: complete}\n"
                "  answers:\n    - {value: \"yes\", label: {ja: はい}, meaning: positive}\n"
                "    - {value: \"no\", label: {ja: いいえ}, meaning: negative}\n"
                "    - {value: na, label: {ja: 対象外}, meaning: not_applicable}\n  dates: [checked, due, done]\n"
                "  tags:\n    - {id: server, label: {ja: サーバ}}\n"
                "  fields:\n    - {key: product, label: {ja: 製品名称}, type: text}\n"
                "    - {key: issued, label: {ja: 作成日}, type: date}\nnodes:\n",
            id, kind, kind);
    for (int ch = 0; ch < 20; ch++) {
        sb_addf(&y, "  - {id: h%d, kind: heading, ref: \"%d\", title: {ja: 第%d章 管理策の区分}}\n", ch, ch + 1, ch + 1);
        for (int i = 0; i < 50; i++)
            sb_addf(&y, "  - {id: i%d-%d, kind: item, parent: h%d, ref: \"%d-%d\", text: {ja: 第%d章の%d番目の確認項目。"
                        "医療情報システムの安全管理に関する措置を講じている。}, responsibility: %s,%s"
                        " source: \"https://example.org/%d\", verified: false}\n",
                    ch, i, ch, ch + 1, i + 1, ch + 1, i + 1, i % 3 ? "hospital" : "vendor",
                    i % 10 == 9 ? " tags: [server]," : "", ch * 50 + i);
    }
    char *path = xasprintf("%s/%s-1.yaml", dir, id);
    if (util_write_file_atomic(path, y.data, y.len, 0600) != 0)
        fail("writing a catalog", path);
    free(path);
    sb_free(&y);
}

static int64_t assessment_with_answers(store *s, const char *id, int64_t vendor)
{
    assess_spec spec = {.catalog_id = id, .catalog_version = "1", .scope = SCOPE_ORG, .vendor_id = vendor, .fy = 2025};
    int64_t aid = 0;
    status_detail err = {0};
    if (assess_create(s, &spec, "bench", &aid, &err) != STATUS_OK)
        fail_status("create", &err);
    static const char *const values[] = {"yes", "no", "na", NULL};
    for (int k = 0; k < 1000; k++) {
        char item[32], due[11];
        snprintf(item, sizeof item, "i%d-%d", k / 50, k % 50);
        snprintf(due, sizeof due, "2025-%02d-15", k % 12 + 1);
        strlist ev = {0};
        sl_push(&ev, "証跡/規程類/運用管理規程.pdf");
        answer_change ch = {.fields = AF_VALUE | AF_CHECKED | AF_DUE | AF_NOTE | AF_EVIDENCE | AF_REASON,
                            .value = values[k % 4], .checked = "2025-04-01", .due = due,
                            .note = "確認の結果と今後の対応（担当者と打合せ済み）", .evidence = &ev,
                            .reason = "院内の運用で代替しているため"}; /* いいえ and 対象外 need one */
        if (assess_answer_set(s, aid, item, PARTY_HOSPITAL, 0, &ch, "bench", NULL, NULL, &err) != STATUS_OK)
            fail_status("answer", &err);
        sl_free(&ev);
    }
    if (assess_field_set(s, aid, "product", "画像管理ソフトウェア", "bench", NULL, &err) != STATUS_OK)
        fail_status("field", &err);
    return aid;
}

static double median_of(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    return v[n / 2];
}

void bench_exports(const char *bin, const char *tmp, bool quick)
{
    char *dir = xasprintf("%s/exports", tmp), *cats = xasprintf("%s/catalogs", dir);
    char *mk = xasprintf("mkdir -p '%s'", cats);
    if (system(mk) != 0)
        fail("mkdir", cats);
    free(mk);
    write_catalog(cats, "bench-cl", "checklist");
    write_catalog(cats, "bench-kk", "kakuninhyo");
    write_catalog(cats, "bench-mds", "disclosure");
    char *db = xasprintf("%s/exports.db", dir);
    status_detail err = {0};
    store *s = NULL;
    if (store_open(db, 0, &s, &err) != STATUS_OK)
        fail_status("open", &err);
    strlist dirs = {0};
    sl_push(&dirs, cats);
    diag_list diags = {0};
    if (catalog_sync(s, &dirs, &diags, NULL, &err) != STATUS_OK)
        fail_status("catalog sync", &err);
    if (diags.len)
        fail("catalog sync", "catalog errors");
    sl_free(&dirs);
    store_exec(s, "PRAGMA synchronous=OFF", &err); /* setup only */
    ws_vendor v = {.name = (char[]){"測定メディカル"}};
    int64_t vendor = 0;
    if (ws_vendor_save(s, &v, "bench", &vendor, &err) != STATUS_OK)
        fail_status("vendor", &err);
    const int64_t ids[] = {assessment_with_answers(s, "bench-cl", vendor), assessment_with_answers(s, "bench-kk", vendor),
                           assessment_with_answers(s, "bench-mds", vendor)};
    store_exec(s, "PRAGMA synchronous=FULL", &err);
    int runs = quick ? 1 : 7;
    double *t = xcalloc((size_t)runs, sizeof *t);
    double checklist_xlsx = 0;
    printf("exports of a 1,000-item assessment (build from the database + atomic write), median of %d:\n", runs);
    for (size_t d = 0; d < document_count(); d++) {
        const document *doc = document_at(d);
        int64_t aid = str_eq(doc->name, "kakuninhyo") ? ids[1] : str_eq(doc->name, "disclosure") ? ids[2] : ids[0];
        printf("  %-11s", doc->name);
        for (size_t f = 0; f < export_format_count(); f++) {
            const export_format *fmt = export_format_at(f);
            char *path = xasprintf("%s/out%s", dir, fmt->extension);
            for (int r = 0; r < runs; r++) {
                double t0 = ms_now();
                export_doc *out = NULL;
                if (document_build(doc, s, aid, "2025-04-01", false, &out, &err) != STATUS_OK)
                    fail_status(doc->name, &err);
                export_error e = {0};
                if (export_write(out, fmt, path, true, &e) != EXPORT_OK)
                    fail(fmt->name, export_status_name(e.status));
                export_doc_free(out);
                t[r] = ms_now() - t0;
            }
            double ms = median_of(t, runs);
            if (str_eq(doc->name, "checklist") && str_eq(fmt->name, "xlsx"))
                checklist_xlsx = ms;
            printf("  %s %.1f ms", fmt->name, ms);
            free(path);
        }
        printf("\n");
    }
    /* the snapshot of all three (3,000 answers) and its verification */
    char *snap = xasprintf("%s/snapshot.html", dir);
    double tv[16];
    size_t len = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = ms_now();
        char *page = NULL, overall[SNAPSHOT_HASH_HEX];
        if (snapshot_build(s, ids, 3, "2025-04-01", &page, &len, overall, &err) != STATUS_OK)
            fail_status("snapshot", &err);
        if (export_write_bytes(page, len, snap, true, NULL) != EXPORT_OK)
            fail("snapshot", snap);
        t[r] = ms_now() - t0;
        t0 = ms_now();
        snapshot_check chk;
        snapshot_verify(page, len, &chk);
        if (!chk.ok)
            fail("verify", "a fresh snapshot does not verify");
        snapshot_check_free(&chk);
        tv[r] = ms_now() - t0;
        free(page);
    }
    printf("  snapshot of 3 assessments (3,000 answers, %.1f MB): write %.1f ms, verify %.1f ms\n",
           (double)len / 1e6, median_of(t, runs), median_of(tv, runs));
    free(snap);
    free(t);
    bench_openpyxl(bin, db, cats, (long long)ids[0], dir, checklist_xlsx, quick);
    store_close(s);
    free(db);
    free(cats);
    free(dir);
}
