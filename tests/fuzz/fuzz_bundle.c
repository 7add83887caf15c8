/* libFuzzer target: the bundle reader (exchange/bundle_json.c) on arbitrary bytes, then what
 * an import plans and compares (bundle_import.c: bundle_plan_make, bundle_diff) against a small
 * database made once at start-up in a temporary directory (the fixture catalogs, vendor A社,
 * system PACS and an fx-emds@1 assessment, as tests/fixtures/bundles/base.json expects).
 *
 * A mutated bundle nearly always fails its digest, which would keep the fuzzer out of the model
 * building after it. So each JSON object input is also read a second time "resealed": the digest
 * recomputed over its content (digest.h, as make-fixtures.py does) and the signature dropped.
 * Nothing is ever written to the database (plan and diff only read). */
#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assess/lib.h"
#include "base/lib.h"
#include "catalog/lib.h"
#include "exchange/lib.h"
#include "store/lib.h"
#include "workspace/lib.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static store *db;
static char dir[] = "/tmp/anzen-fuzz-bundle.XXXXXX";

static void cleanup(void)
{
    if (db)
        store_close(db);
    db = NULL;
    char cmd[sizeof dir + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz_bundle: could not remove %s\n", dir);
}

static void must(status_code st, status_detail *err, const char *what)
{
    if (st == STATUS_OK)
        return;
    char *m = status_format(err, true);
    fprintf(stderr, "fuzz_bundle: %s: %s\n", what, m);
    free(m);
    exit(1);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (!mkdtemp(dir)) {
        perror("fuzz_bundle: mkdtemp");
        exit(1);
    }
    atexit(cleanup);
    status_detail err = {0};
    char *path = xasprintf("%s/anzen.db", dir);
    must(store_open(path, 0, &db, &err), &err, "open the database");
    free(path);
    strlist dirs = {0};
    sl_push(&dirs, FIXTURES "/assess");
    sl_push(&dirs, FIXTURES "/export");
    diag_list diags = {0};
    must(catalog_sync(db, &dirs, &diags, NULL, &err), &err, "catalogs");
    diag_free(&diags);
    sl_free(&dirs);
    int64_t vendor = 0, system_id = 0, aid = 0;
    char vname[] = "A社", sname[] = "PACS", cat[] = "pacs";
    ws_vendor v = {.name = vname};
    must(ws_vendor_save(db, &v, "fuzz", &vendor, &err), &err, "vendor");
    ws_system s = {.name = sname, .category = cat, .vendor_id = vendor};
    must(ws_system_save(db, &s, "fuzz", &system_id, &err), &err, "system");
    assess_spec spec = {.catalog_id = "fx-emds", .catalog_version = "1", .scope = SCOPE_SYSTEM, .system_id = system_id, .fy = 2025};
    must(assess_create(db, &spec, "fuzz", &aid, &err), &err, "assessment");
    return 0;
}

static void plan_and_diff(const bundle *b, bool create)
{
    bundle_import_opts opt = {.create = create, .partial = true};
    bundle_plan plan = {0};
    status_detail err = {0};
    if (bundle_plan_make(db, b, &opt, &plan, &err) == STATUS_OK) {
        bundle_diff_row *rows = NULL;
        size_t n = 0;
        if (!create && bundle_diff(db, b, &plan, &rows, &n, &err) == STATUS_OK)
            bundle_diff_free(rows, n);
    }
    free(status_format(&err, true));
    status_detail_free(&err);
    bundle_plan_free(&plan);
}

static void read_bundle(const char *data, size_t size)
{
    bundle b = {0};
    status_detail err = {0};
    if (bundle_parse(data, size, "fuzz.json", &b, &err) == STATUS_OK) {
        plan_and_diff(&b, false);
        plan_and_diff(&b, true);
        bundle_free(&b);
    } else {
        free(status_format(&err, true)); /* every failure must format, in both languages */
        free(status_format(&err, false));
    }
    status_detail_free(&err);
}

/* The input with its digest made to match its content and no signature; NULL when it is not a
 * JSON object with a content object. Caller frees. */
static char *resealed(const char *data, size_t size)
{
    cJSON *j = cJSON_ParseWithLength(data, size);
    cJSON *content = cJSON_IsObject(j) ? cJSON_GetObjectItemCaseSensitive(j, "content") : NULL;
    char *out = NULL;
    if (cJSON_IsObject(content)) {
        char hex[DIGEST_HEX];
        digest_json(content, hex);
        cJSON *digest = cJSON_CreateObject();
        cJSON_AddStringToObject(digest, "algorithm", "sha256");
        cJSON_AddStringToObject(digest, "value", hex);
        if (cJSON_GetObjectItemCaseSensitive(j, "digest"))
            cJSON_ReplaceItemInObjectCaseSensitive(j, "digest", digest);
        else
            cJSON_AddItemToObject(j, "digest", digest);
        cJSON_DeleteItemFromObjectCaseSensitive(j, "signature");
        out = cJSON_PrintUnformatted(j);
    }
    cJSON_Delete(j);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    read_bundle((const char *)data, size);
    char *again = resealed((const char *)data, size);
    if (again) {
        read_bundle(again, strlen(again));
        free(again);
    }
    return 0;
}
