/* Workspace entities: organisation, vendors, systems; per-field history; rejected input writes
 * nothing; everything the vendor guide (shared seed 004, an imaging vendor's security guide) states
 * about its product round-trips. */
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

TestSuite(workspace, .init = setup, .fini = teardown);

static int count(const char *sql)
{
    sqlite3_stmt *s = store_prepare(st, sql);
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

#define S(lit) ((char[]){lit})

Test(workspace, organisation_roundtrip_and_history)
{
    ws_org o;
    status_detail err = {0};
    cr_assert_eq(ws_org_get(st, &o, &err), STATUS_ORG_MISSING);
    ws_org in = {.name = S("さくら総合病院"), .beds = 320, .administrator = S("院長 田中一郎"),
                 .security_officer = S("佐藤花子"), .planning_manager = S("鈴木"), .operations_staff = S("高橋、伊藤")};
    cr_assert_eq(ws_org_save(st, &in, "山田", &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(count("SELECT count(*) FROM history WHERE entity = 'org'"), 6);
    in.beds = 330;
    cr_assert_eq(ws_org_save(st, &in, "山田", &err), STATUS_OK);
    cr_assert_eq(count("SELECT count(*) FROM history WHERE entity = 'org'"), 7);
    history_row *rows;
    history_filter f = {.entity = "org"};
    size_t n;
    cr_assert_eq(history_list(st, &f, &rows, &n, &err), STATUS_OK);
    cr_assert_str_eq(rows[n - 1].field, "beds");
    cr_assert_str_eq(rows[n - 1].old_value, "320");
    cr_assert_str_eq(rows[n - 1].new_value, "330");
    history_list_free(rows, n);
    cr_assert_eq(ws_org_get(st, &o, &err), STATUS_OK);
    cr_assert_str_eq(o.security_officer, "佐藤花子");
    cr_assert_eq(o.beds, 330);
    ws_org_free(&o);
    ws_org bad = {.name = S("")};
    cr_assert_eq(ws_org_save(st, &bad, "山田", &err), STATUS_FIELD_REQUIRED);
    cr_assert_not_null(strstr(test_msg(&err), "name"));
    status_detail_free(&err);
}

Test(workspace, vendors_unique_and_dates_checked)
{
    status_detail err = {0};
    int64_t id = 0, id2 = 0;
    ws_vendor v = {.name = S("ネオ画像システム株式会社"), .isms = TRI_YES, .isms_expiry = S("2027-03-31"),
                   .pmark = TRI_NO};
    cr_assert_eq(ws_vendor_save(st, &v, "t", &id, &err), STATUS_OK);
    int hist = count("SELECT count(*) FROM history");
    cr_assert_eq(ws_vendor_save(st, &v, "t", &id2, &err), STATUS_NAME_TAKEN);
    cr_assert_not_null(strstr(test_msg(&err), "exists"));
    status_detail_free(&err);
    cr_assert_eq(id2, 0);
    ws_vendor bad = {.name = S("別会社"), .isms_expiry = S("2027-02-30")};
    cr_assert_eq(ws_vendor_save(st, &bad, "t", &id2, &err), STATUS_DATE_NOT_ISO);
    cr_assert_not_null(strstr(test_msg(&err), "isms_expiry"), "%s", test_msg(&err));
    status_detail_free(&err);
    cr_assert_eq(count("SELECT count(*) FROM vendor"), 1);
    cr_assert_eq(count("SELECT count(*) FROM history"), hist, "nothing written on rejected input");
    int64_t found = 0;
    cr_assert_eq(ws_vendor_find(st, "ネオ画像システム株式会社", &found, &err), STATUS_OK);
    cr_assert_eq(found, id);
    cr_assert_eq(ws_vendor_find(st, "#1", &found, &err), STATUS_OK);
    cr_assert_eq(ws_vendor_find(st, "無い会社", &found, &err), STATUS_VENDOR_NOT_FOUND);
    status_detail_free(&err);
    ws_tri t;
    cr_assert(ws_tri_parse("あり", &t) && t == TRI_YES);
    cr_assert(ws_tri_parse("いいえ", &t) && t == TRI_NO);
    cr_assert(ws_tri_parse("", &t) && t == TRI_UNKNOWN);
    cr_assert_not(ws_tri_parse("たぶん", &t));
}

/* Everything the seed vendor guide says about its imaging software. */
Test(workspace, vendor_guide_is_expressible)
{
    status_detail err = {0};
    int64_t vid = 0, sid = 0;
    ws_vendor v = {.name = S("ネオ画像システム株式会社")};
    cr_assert_eq(ws_vendor_save(st, &v, "t", &vid, &err), STATUS_OK);
    ws_port ports[] = {
        {PORT_IN, S("5432"), NULL, S("データベース接続用"), NULL},
        {PORT_IN, S("104"), NULL, S("DICOM QR 接続用"), S("変更可")},
        {PORT_IN, S("1025"), NULL, S("当社モダリティ接続用"), NULL},
        {PORT_IN, S("80,808,8080"), NULL, S("画像閲覧ツールでのアクセス用"), S("オプション")},
        {PORT_OUT, S("7,69,1024"), NULL, S("当社モダリティ接続用"), NULL},
    };
    ws_storage storage[] = {
        {S("メインディスク"), S("D:¥MainImage"), S("撮影画像保管場所")},
        {S("メインディスク"), S("D:¥BackupImage"), S("撮影画像保管場所（画像のバックアップ）")},
        {S("メインディスク"), S("D:¥RawImage"), S("再構成処理前の画像データ")},
        {S("バックアップディスク"), S("E:¥MainImage"), S("復旧用")},
        {S("バックアップディスク"), S("E:¥BackupImage"), S("復旧用")},
        {S("バックアップディスク"), S("E:¥RawImage"), S("復旧用")},
        {S("システムディスク"), S("C:¥NEOPREMIUM2¥log"), S("システムログ")},
        {S("システムディスク"), S("C:¥Program Files¥PostgreSQL¥***¥data"), S("ユーザ情報、患者情報データベース")},
        {S("リムーバブルメディア／NAS"), S("納入時の要望による"), S("内蔵ストレージ以外の保管先")},
    };
    ws_control controls[] = {
        {S("物理的アクセスの制限"), S("入室管理された領域に設置")},
        {S("リムーバブルメディアの管理"), S("BIOS/UEFI・OSポリシーで制限")},
        {S("ネットワークの隔離"), NULL},
        {S("ネットワークの分離"), S("VLAN")},
        {S("監視"), S("IDS/IPS/SIEM")},
        {S("リモートアクセスの制限"), S("リモートアクセス機能を削除")},
        {S("ファイアウォール"), S("必要なポートのみ開放")},
        {S("マルウェア対策"), S("スタンドアロンは定義更新不要の製品")},
        {S("バックアップ及び復元"), S("手順を実装")},
    };
    ws_connection conns[] = {{S("事業者 保守センター"), S("リモートログイン（保守時のみ・管理されたもの）"), S("保守")}};
    ws_system sys = {
        .name = S("画像管理システム"),
        .category = S("PACS"),
        .vendor_id = vid,
        .product = S("画像管理ソフトウェア"),
        .hosting = S("on-premises"),
        .remote_maintenance = TRI_YES,
        .remote_method = S("保守作業時のみのリモートログイン"),
        .remote_source_restriction = S("適切に管理されたリモートログインのみに制限"),
        .medical_device = TRI_YES,
        .patient_data_in_maintenance = TRI_YES,
        .sbom_available = TRI_YES,
        .sbom_ref = S("各製品の SBOM"),
        .end_of_support = S("2030-03-31"),
        .backup_method = S("シャットダウン時にメインディスクからバックアップディスクへ差分コピー"),
        .backup_generations = 1,
        .restore_by = S("当社の保守担当者"),
        .restore_method = S("データ: 最後に正常シャットダウンした時点へ\nシステム: OS の復元ポイント／設置時システムイメージ"),
        .disposal = S("ネットワークから隔離し、患者データ・設定データを削除、専門家が破棄し残存データがないことを確認"),
        .documents = S("セキュリティ強化ガイドライン Rev.1（2024/3/28）、MDS/SDS、チェックリスト（事業者用）、構成図、データフロー図"),
        .ports = ports,
        .nports = 5,
        .storage = storage,
        .nstorage = 9,
        .connections = conns,
        .nconnections = 1,
        .controls = controls,
        .ncontrols = 9,
    };
    cr_assert_eq(ws_system_save(st, &sys, "t", &sid, &err), STATUS_OK, "%s", test_msg(&err));
    ws_system got;
    cr_assert_eq(ws_system_get(st, sid, &got, &err), STATUS_OK);
    cr_assert_str_eq(got.category, "pacs", "stored as the code");
    cr_assert_str_eq(got.vendor_name, "ネオ画像システム株式会社");
    cr_assert_eq(got.nports, 5);
    char *p = ws_port_format(&got.ports[1]);
    cr_assert_str_eq(p, "in 104: DICOM QR 接続用 (変更可)");
    free(p);
    cr_assert_eq(got.ports[4].dir, PORT_OUT);
    cr_assert_eq(got.nstorage, 9);
    cr_assert_str_eq(got.storage[7].location, "C:¥Program Files¥PostgreSQL¥***¥data");
    cr_assert_eq(got.ncontrols, 9);
    cr_assert_null(got.controls[2].measure);
    cr_assert_eq(got.backup_generations, 1);
    cr_assert_eq(got.patient_data_in_maintenance, TRI_YES);
    cr_assert_str_eq(got.restore_method, sys.restore_method);
    /* one edit: a port changes → one history row for the list, one for the field */
    int before = count("SELECT count(*) FROM history WHERE entity = 'system'");
    free(got.ports[0].purpose);
    got.ports[0].purpose = xstrdup("データベース接続用（院内のみ）");
    free(got.remote_source_restriction);
    got.remote_source_restriction = xstrdup("保守センターの固定IPのみ");
    cr_assert_eq(ws_system_save(st, &got, "t", NULL, &err), STATUS_OK);
    cr_assert_eq(count("SELECT count(*) FROM history WHERE entity = 'system'"), before + 2);
    ws_system_free(&got);
    /* unknown category or vendor: nothing written */
    before = count("SELECT count(*) FROM history");
    ws_system bad = {.name = S("謎"), .category = S("toaster")};
    cr_assert_eq(ws_system_save(st, &bad, "t", NULL, &err), STATUS_CATEGORY_UNKNOWN);
    status_detail_free(&err);
    bad.category = S("電子カルテ");
    bad.vendor_id = 42;
    cr_assert_eq(ws_system_save(st, &bad, "t", NULL, &err), STATUS_VENDOR_NOT_FOUND);
    cr_assert_not_null(strstr(test_msg(&err), "vendor"));
    status_detail_free(&err);
    cr_assert_eq(count("SELECT count(*) FROM history"), before);
    cr_assert_eq(count("SELECT count(*) FROM system"), 1);
}

/* History keeps the stored field names (undo applies them); only the shown name of the two that are
 * column names changes, for rows written before and after alike. */
Test(workspace, history_shows_vendor_not_column_names)
{
    status_detail err = {0};
    int64_t vid = 0, sid = 0;
    ws_vendor v = {.name = S("東日本メディカル株式会社")};
    cr_assert_eq(ws_vendor_save(st, &v, "t", &vid, &err), STATUS_OK);
    ws_system sys = {.name = S("電子カルテ"), .category = S("ehr"), .vendor_id = vid};
    cr_assert_eq(ws_system_save(st, &sys, "t", &sid, &err), STATUS_OK, "%s", test_msg(&err));
    history_row *rows;
    history_filter f = {.entity = "system", .entity_id = sid};
    size_t n;
    cr_assert_eq(history_list(st, &f, &rows, &n, &err), STATUS_OK);
    const history_row *vendor_row = NULL;
    for (size_t i = 0; i < n; i++)
        if (str_eq(rows[i].field, "vendor_pk"))
            vendor_row = &rows[i];
    cr_assert_not_null(vendor_row, "stored under the column name as before");
    cr_assert_str_eq(vendor_row->new_value, "東日本メディカル株式会社 (#1)");
    cr_assert_str_eq(history_field_name(vendor_row->entity, vendor_row->field), "vendor");
    history_list_free(rows, n);
    cr_assert_str_eq(history_field_name("answer", "owner_vendor"), "vendor");
    cr_assert_str_eq(history_field_name("answer", "owner"), "owner");
    cr_assert_str_eq(history_field_name("system", "remote_maintenance"), "remote_maintenance");
    cr_assert_str_eq(history_field_name("system", "owner_vendor"), "owner_vendor", "only the entity's own field");
    cr_assert_str_eq(history_field_name("vendor", "name"), "name");
}
