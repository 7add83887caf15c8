/* Deleting, archiving and restoring vendors and systems (workspace/lifecycle.h): a delete is refused
 * while anything refers to the row, naming what; a deleted record is still readable in its history
 * and comes back by undo with its id, fields, lists and archived state; a new row never takes a
 * deleted row's id; archive and restore are undone the same way; each person undoes only their
 * own changes; a failed step writes nothing. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "history/lib.h"
#include "testutil.h"
#include "base/lib.h"
#include "workspace/lib.h"

static char *dir;
static store *st;

static void setup(void)
{
    setenv("ANZEN_NOW", "2026-05-10T09:00:00Z", 1);
    dir = test_tmpdir();
    st = test_store_open(dir);
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(inventory_delete, .init = setup, .fini = teardown);

#define S(lit) ((char[]){lit})

static int count(const char *sql)
{
    sqlite3_stmt *s = store_prepare(st, sql);
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

static int64_t add_vendor(char *name)
{
    ws_vendor v = {.name = name, .contact = S("佐藤"), .isms = TRI_YES, .isms_expiry = S("2027-03-31")};
    int64_t id = 0;
    status_detail err = {0};
    cr_assert_eq(ws_vendor_save(st, &v, "山田", &id, &err), STATUS_OK, "%s", test_msg(&err));
    return id;
}

static int64_t add_system(char *name, int64_t vendor)
{
    ws_port ports[] = {{PORT_IN, S("104"), S("DICOM"), S("画像受信|モダリティ"), NULL},
                       {PORT_OUT, S("443"), S("TCP"), S("保守"), S("変更可")}};
    ws_storage storage[] = {{S("メインディスク"), S("D:¥MainImage"), S("撮影画像")}};
    ws_system s = {.name = name, .category = S("pacs"), .vendor_id = vendor, .hosting = S("on-premises"),
                   .remote_maintenance = TRI_YES, .remote_source_restriction = S("IP制限"), .backup_generations = 3,
                   .restore_method = S("1. 停止\n2. 復元"), .ports = ports, .nports = 2, .storage = storage, .nstorage = 1};
    int64_t id = 0;
    status_detail err = {0};
    cr_assert_eq(ws_system_save(st, &s, "山田", &id, &err), STATUS_OK, "%s", test_msg(&err));
    return id;
}

Test(inventory_delete, referenced_vendor_is_refused_naming_the_reference)
{
    int64_t v = add_vendor(S("西日本メディカル"));
    int64_t s = add_system(S("PACS"), v);
    status_detail err = {0};
    ws_reference refs[WS_REFERENCE_KINDS];
    size_t n = 0;
    cr_assert_eq(ws_references(st, WS_VENDOR, v, refs, &n, &err), STATUS_OK);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(refs[0].kind, "system");
    cr_assert_eq(refs[0].count, 1);
    int before = count("SELECT count(*) FROM history_action");
    cr_assert_eq(ws_delete(st, WS_VENDOR, v, "山田", &err), STATUS_IN_USE);
    cr_assert_str_eq(err.field, "system");
    cr_assert_str_eq(err.value, "西日本メディカル");
    cr_assert_eq(err.num, 1);
    char *m = status_format(&err, false);
    cr_assert(strstr(m, "事業者「西日本メディカル」") && strstr(m, "システム 1 件") && strstr(m, "アーカイブ"), "%s", m);
    free(m);
    status_detail_free(&err);
    cr_assert_eq(count("SELECT count(*) FROM history_action"), before, "a refused delete writes nothing");
    cr_assert_eq(count("SELECT count(*) FROM vendor"), 1);

    /* a system referred to by an assessment and a contract */
    sqlite3_exec(store_db(st),
                 "INSERT INTO assessment(catalog_id, catalog_version, scope, system_pk, fy, created_at, created_by)"
                 " VALUES('fx', '1', 'system', 1, 2025, '2026-01-01T00:00:00Z', 't');"
                 "INSERT INTO contract(vendor_pk, clause_catalog, clause_version, created_at, created_by, updated_at)"
                 " VALUES(1, 'c', '1', 'x', 't', 'x');"
                 "INSERT INTO contract_system(contract_pk, seq, system_pk) VALUES(1, 0, 1);",
                 NULL, NULL, NULL);
    cr_assert_eq(ws_references(st, WS_SYSTEM, s, refs, &n, &err), STATUS_OK);
    cr_assert_eq(n, 2);
    cr_assert_str_eq(refs[0].kind, "assessment");
    cr_assert_str_eq(refs[1].kind, "contract");
    cr_assert_eq(ws_delete(st, WS_SYSTEM, s, "山田", &err), STATUS_IN_USE);
    cr_assert_str_eq(err.field, "assessment");
    status_detail_free(&err);
    cr_assert_eq(ws_references(st, WS_VENDOR, v, refs, &n, &err), STATUS_OK);
    cr_assert_eq(n, 2, "the vendor: its system and its contract");
    cr_assert_eq(ws_delete(st, WS_VENDOR, 99, "山田", &err), STATUS_VENDOR_NOT_FOUND);
    status_detail_free(&err);
}

Test(inventory_delete, deleted_system_stays_readable_and_undo_brings_it_back)
{
    int64_t v = add_vendor(S("西日本メディカル"));
    int64_t s = add_system(S("画像サーバ"), v);
    status_detail err = {0};
    bool changed = false;
    cr_assert_eq(ws_archive(st, WS_SYSTEM, s, true, "山田", &changed, &err), STATUS_OK);
    cr_assert(changed);
    cr_assert_eq(ws_delete(st, WS_SYSTEM, s, "山田", &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(count("SELECT count(*) FROM system"), 0);
    cr_assert_eq(count("SELECT count(*) FROM system_port"), 0);

    /* the history shows every field it held */
    history_row *rows;
    size_t n;
    cr_assert_eq(history_list(st, &(history_filter){.entity = "system", .entity_id = s}, &rows, &n, &err), STATUS_OK);
    const history_row *name = NULL, *ports = NULL, *record = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!str_eq(rows[i].kind, "delete"))
            continue;
        name = str_eq(rows[i].field, "name") ? &rows[i] : name;
        ports = str_eq(rows[i].field, "ports") ? &rows[i] : ports;
        record = str_eq(rows[i].field, "record") ? &rows[i] : record;
    }
    cr_assert(name && ports && record);
    cr_assert_str_eq(name->old_value, "画像サーバ");
    cr_assert_null(name->new_value);
    cr_assert(strstr(ports->old_value, "in 104/DICOM: 画像受信|モダリティ"), "%s", ports->old_value);
    cr_assert(strstr(record->old_value, "\"restore_method\":\"1. 停止\\n2. 復元\""), "%s", record->old_value);
    history_list_free(rows, n);

    /* a new system does not take the deleted one's id */
    int64_t other = add_system(S("電子カルテ"), 0);
    cr_assert_gt(other, s);

    ws_undone u;
    cr_assert_eq(ws_undo(st, NULL, "山田", &u, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_str_eq(u.kind, "delete");
    cr_assert_eq(u.entity, WS_SYSTEM);
    cr_assert_eq(u.id, s);
    cr_assert_str_eq(u.name, "画像サーバ");
    ws_undone_free(&u);
    ws_system back;
    cr_assert_eq(ws_system_get(st, s, &back, &err), STATUS_OK);
    cr_assert_str_eq(back.name, "画像サーバ");
    cr_assert_eq(back.vendor_id, v);
    cr_assert_str_eq(back.remote_source_restriction, "IP制限");
    cr_assert_str_eq(back.restore_method, "1. 停止\n2. 復元");
    cr_assert_eq(back.backup_generations, 3);
    cr_assert_eq(back.remote_maintenance, TRI_YES);
    cr_assert_eq(back.nports, 2);
    cr_assert_str_eq(back.ports[0].purpose, "画像受信|モダリティ");
    cr_assert_eq(back.ports[1].dir, PORT_OUT);
    cr_assert_str_eq(back.ports[1].note, "変更可");
    cr_assert_eq(back.nstorage, 1);
    cr_assert_str_eq(back.storage[0].location, "D:¥MainImage");
    cr_assert_not_null(back.archived_at, "it was archived when deleted");
    ws_system_free(&back);

    /* then the archive is the next to undo */
    cr_assert_eq(ws_undo(st, NULL, "山田", &u, &err), STATUS_OK);
    cr_assert_str_eq(u.kind, "archive");
    ws_undone_free(&u);
    cr_assert_eq(count("SELECT count(*) FROM system WHERE archived_at IS NULL"), 2);
    cr_assert_eq(ws_undo(st, NULL, "山田", &u, &err), STATUS_INVENTORY_NOTHING_TO_UNDO);
    status_detail_free(&err);
}

Test(inventory_delete, archive_restore_and_who_may_undo)
{
    int64_t v = add_vendor(S("A社"));
    status_detail err = {0};
    bool changed = true;
    cr_assert_eq(ws_archive(st, WS_VENDOR, v, false, "山田", &changed, &err), STATUS_OK);
    cr_assert(!changed, "restoring a vendor in use changes nothing");
    cr_assert_eq(count("SELECT count(*) FROM history_action WHERE kind = 'restore'"), 0);
    cr_assert_eq(ws_archive(st, WS_VENDOR, v, true, "山田", &changed, &err), STATUS_OK);
    cr_assert(changed);
    ws_vendor got;
    cr_assert_eq(ws_vendor_get(st, v, &got, &err), STATUS_OK);
    cr_assert_str_eq(got.archived_at, "2026-05-10T09:00:00Z");
    ws_vendor_free(&got);
    cr_assert_eq(ws_archive(st, WS_VENDOR, v, true, "山田", &changed, &err), STATUS_OK);
    cr_assert(!changed);

    ws_entity only = WS_SYSTEM;
    cr_assert_eq(ws_undo(st, &only, "山田", NULL, &err), STATUS_INVENTORY_NOTHING_TO_UNDO);
    status_detail_free(&err);
    cr_assert_eq(ws_undo(st, NULL, "佐藤", NULL, &err), STATUS_INVENTORY_NOTHING_TO_UNDO, "not someone else's");
    status_detail_free(&err);

    /* an edit by someone else since blocks the undo */
    ws_vendor e = {.id = v, .name = S("A社"), .phone = S("03-0000-0000")};
    cr_assert_eq(ws_vendor_save(st, &e, "佐藤", NULL, &err), STATUS_OK);
    cr_assert_eq(ws_undo(st, NULL, "山田", NULL, &err), STATUS_UNDO_BLOCKED);
    cr_assert_str_eq(err.value, "佐藤");
    status_detail_free(&err);

    /* a restore is undone too */
    cr_assert_eq(ws_archive(st, WS_VENDOR, v, false, "佐藤", &changed, &err), STATUS_OK);
    cr_assert_eq(ws_undo(st, NULL, "佐藤", NULL, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(count("SELECT count(*) FROM vendor WHERE archived_at IS NOT NULL"), 1);
    cr_assert_eq(count("SELECT count(*) FROM history_action WHERE kind = 'undo' AND undo_of IS NOT NULL"), 1);
}

Test(inventory_delete, undo_of_a_delete_whose_name_was_taken_is_refused)
{
    int64_t v = add_vendor(S("A社"));
    status_detail err = {0};
    cr_assert_eq(ws_delete(st, WS_VENDOR, v, "山田", &err), STATUS_OK);
    int64_t again = add_vendor(S("A社"));
    cr_assert_neq(again, v);
    int before = count("SELECT count(*) FROM history");
    cr_assert_eq(ws_undo(st, NULL, "山田", NULL, &err), STATUS_NAME_TAKEN);
    cr_assert_str_eq(err.value, "A社");
    status_detail_free(&err);
    cr_assert_eq(count("SELECT count(*) FROM history"), before, "nothing written");
    cr_assert_eq(count("SELECT count(*) FROM vendor"), 1);
}
