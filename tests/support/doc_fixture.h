/* A workbench for the document tests: a store with the export fixture catalogs
 * (tests/fixtures/export), the organisation, a vendor, a system whose inventory holds every fact
 * of the vendor guide's section 5 (seed 004: ports in and out, storage, restore, …) and four
 * assessments with answers: 1 checklist (organisation), 2 確認表 (PACS), 3 guideline for the gap
 * report (organisation), 4 MDS/SDS (PACS) with header fields. Time is pinned (ANZEN_NOW).
 * Header-only because every test file is its own executable. */
#ifndef ANZEN_DOC_FIXTURE_H
#define ANZEN_DOC_FIXTURE_H

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "export/lib.h"
#include "testutil.h"
#include "workspace/lib.h"

#define DOC_FIXTURES TOP_SRCDIR "/tests/fixtures/export"
#define DOC_DATE "2025-04-01"

enum { A_CHECKLIST = 1, A_KAKUNINHYO, A_GAPS, A_DISCLOSURE };

static char *doc_dir;
static store *doc_st;
static int64_t doc_vendor, doc_system;

/* The inventory facts of seed 004 section 5 (and 4: the compensating controls). */
static ws_port doc_ports[] = {
    {PORT_IN, (char[]){"5432"}, (char[]){"TCP"}, (char[]){"データベース接続用"}, NULL},
    {PORT_IN, (char[]){"104"}, (char[]){"DICOM"}, (char[]){"DICOM QR 接続用"}, (char[]){"変更可"}},
    {PORT_IN, (char[]){"1025"}, NULL, (char[]){"当社モダリティ接続用"}, NULL},
    {PORT_IN, (char[]){"80,808,8080"}, NULL, (char[]){"画像閲覧ツールでのアクセス用"}, (char[]){"オプション"}},
    {PORT_OUT, (char[]){"7,69,1024"}, NULL, (char[]){"当社モダリティ接続用"}, NULL},
};
static ws_storage doc_storage[] = {
    {(char[]){"メインディスク"}, (char[]){"D:¥MainImage"}, (char[]){"撮影画像保管場所"}},
    {(char[]){"メインディスク"}, (char[]){"D:¥BackupImage"}, (char[]){"撮影画像保管場所（画像のバックアップ）"}},
    {(char[]){"メインディスク"}, (char[]){"D:¥RawImage"}, (char[]){"撮影画像保管場所（再構成処理前の画像データ）"}},
    {(char[]){"バックアップディスク"}, (char[]){"E:¥MainImage"}, (char[]){"撮影画像保管場所（復旧用）"}},
    {(char[]){"バックアップディスク"}, (char[]){"E:¥BackupImage"}, (char[]){"撮影画像保管場所（復旧用）"}},
    {(char[]){"バックアップディスク"}, (char[]){"E:¥RawImage"}, (char[]){"撮影画像保管場所（復旧用）"}},
    {(char[]){"システムディスク"}, (char[]){"C:¥NEOPREMIUM2¥log"}, (char[]){"システムログ"}},
    {(char[]){"システムディスク"}, (char[]){"C:¥Program Files¥PostgreSQL¥***¥data"}, (char[]){"ユーザ情報、患者情報データベース"}},
};
static ws_connection doc_connections[] = {
    {(char[]){"当社保守センター"}, (char[]){"VPN装置（IPsec）"}, (char[]){"リモート保守"}},
};
static ws_control doc_controls[] = {
    {(char[]){"物理的アクセスの制限"}, (char[]){"サーバ室の入室管理で許可した要員に限る"}},
    {(char[]){"リムーバブルメディアの管理"}, (char[]){"BIOS/UEFI と OS のポリシーで USB 記憶装置を制限"}},
    {(char[]){"ネットワークの分離"}, (char[]){"モダリティ用 VLAN に分離"}},
    {(char[]){"ファイアウォール"}, (char[]){"必要なポートのみ開放"}},
    {(char[]){"バックアップ及び復元"}, (char[]){"シャットダウン時の差分コピーと復元手順"}},
};
static char *const doc_system_texts[] = {
    (char[]){"画像管理ソフトウェア"},
    (char[]){"2.1"},
    (char[]){"VPN装置"},
    (char[]){"接続元IP制限"},
    (char[]){"2027-03-31"},
    (char[]){"各製品の SBOM を参照"},
    (char[]){"システムのシャットダウン実行時にメインディスクのデータをバックアップディスクに差分コピー"},
    (char[]){"当社の保守担当者"},
    (char[]){"復旧用のデータからシステムが最後に正常にシャットダウンした時点のデータに戻す\n"
    "OSの復元ポイントの状態に戻す\nサードパーティ製復元ツールで設置時のシステムイメージに戻す"},
    (char[]){"サーバを院内ネットワークから隔離し、患者データと設定データを削除する"},
    (char[]){"セキュリティ強化ガイドライン Rev.1、MDS、チェックリスト（事業者用）"},
};

/* ev1, ev2: "#N" (a register entry, doc_setup_evidence) or a reference text (a new entry).
 * reason: required for the fixtures' いいえ and 対象外 (needs_reason). */
static inline void doc_answer_why(int64_t aid, const char *item, const char *value, const char *checked, const char *due,
                       const char *done, responsibility owner, const char *note, const char *ev1, const char *ev2,
                       const char *reason)
{
    strlist ev = {0};
    if (ev1)
        sl_push(&ev, ev1);
    if (ev2)
        sl_push(&ev, ev2);
    answer_change ch = {.value = value, .checked = checked, .due = due, .done = done, .owner = owner,
                        .owner_vendor_id = owner == RESP_VENDOR || owner == RESP_JOINT ? doc_vendor : 0,
                        .note = note, .evidence = &ev, .reason = reason};
    ch.fields = (value ? AF_VALUE : 0u) | (checked ? AF_CHECKED : 0u) | (due ? AF_DUE : 0u) | (done ? AF_DONE : 0u) |
                (owner ? AF_OWNER : 0u) | (note ? AF_NOTE : 0u) | (ev.len ? AF_EVIDENCE : 0u) | (reason ? AF_REASON : 0u);
    status_detail err = {0};
    status_code r = assess_answer_set(doc_st, aid, item, PARTY_HOSPITAL, 0, &ch, "tester", NULL, NULL, &err);
    cr_assert_eq(r, STATUS_OK, "%s %s: %s", item, value ? value : "-", test_msg(&err));
    status_detail_free(&err);
    sl_free(&ev);
}

static inline void doc_answer(int64_t aid, const char *item, const char *value, const char *checked, const char *due,
                       const char *done, responsibility owner, const char *note, const char *ev1, const char *ev2)
{
    doc_answer_why(aid, item, value, checked, due, done, owner, note, ev1, ev2, NULL);
}

/* Register entries with dates: #1 expired and #2 due for review on DOC_DATE. */
static inline void doc_setup_evidence(void)
{
    status_detail err = {0};
    int64_t id = 0;
    evidence_change policy = {.fields = EF_TITLE | EF_KIND | EF_REF | EF_OWNER | EF_EFFECTIVE | EF_REVIEW,
                              .title = "運用管理規程", .kind = EVIDENCE_POLICY, .ref = "規程第3号", .owner = "情報システム課",
                              .effective = "2020-04-01", .review = "2025-03-31"};
    cr_assert_eq(evidence_add(doc_st, &policy, "tester", &id, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(id, 1);
    evidence_change contract = {.fields = EF_TITLE | EF_KIND | EF_REF | EF_REVIEW, .title = "保守委託契約書",
                                .kind = EVIDENCE_CONTRACT, .ref = "契約第12号", .review = "2025-04-20"};
    cr_assert_eq(evidence_add(doc_st, &contract, "tester", &id, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(id, 2);
}

static inline int64_t doc_assess(const char *cat, bool system)
{
    assess_spec spec = {.catalog_id = cat, .catalog_version = "1", .scope = system ? SCOPE_SYSTEM : SCOPE_ORG,
                        .system_id = system ? doc_system : 0, .fy = 2025};
    int64_t id = 0;
    status_detail err = {0};
    cr_assert_eq(assess_create(doc_st, &spec, "tester", &id, &err), STATUS_OK, "%s", test_msg(&err));
    status_detail_free(&err);
    return id;
}

static inline void doc_field(int64_t aid, const char *key, const char *value)
{
    status_detail err = {0};
    cr_assert_eq(assess_field_set(doc_st, aid, key, value, "tester", NULL, &err), STATUS_OK, "%s", test_msg(&err));
    status_detail_free(&err);
}

/* The store and the inventory, no assessment yet. */
static inline void doc_setup_inventory(void)
{
    setenv("ANZEN_NOW", "2025-04-01T09:00:00Z", 1);
    doc_dir = test_tmpdir();
    doc_st = test_store_open(doc_dir);
    test_sync_catalogs(doc_st, DOC_FIXTURES);
    status_detail err = {0};
    ws_org org = {.name = (char[]){"テスト総合病院"}, .beds = 200, .security_officer = (char[]){"山田 太郎"}};
    cr_assert_eq(ws_org_save(doc_st, &org, "tester", &err), STATUS_OK, "%s", test_msg(&err));
    ws_vendor v = {.name = (char[]){"A社"}, .contact = (char[]){"保守窓口"}};
    cr_assert_eq(ws_vendor_save(doc_st, &v, "tester", &doc_vendor, &err), STATUS_OK, "%s", test_msg(&err));
    char *const *t = doc_system_texts;
    ws_system sys = {
        .name = (char[]){"PACS"}, .category = (char[]){"pacs"}, .vendor_id = doc_vendor, .product = t[0],
        .product_version = t[1], .hosting = (char[]){"on-premises"}, .remote_maintenance = TRI_YES,
        .remote_method = t[2], .remote_source_restriction = t[3], .medical_device = TRI_YES,
        .patient_data_in_maintenance = TRI_YES, .sbom_available = TRI_YES, .sbom_ref = t[5],
        .end_of_support = t[4], .backup_method = t[6], .backup_generations = 1,
        .restore_by = t[7], .restore_method = t[8], .disposal = t[9],
        .documents = t[10], .ports = doc_ports, .nports = AZ_ARRAY_LEN(doc_ports),
        .storage = doc_storage, .nstorage = AZ_ARRAY_LEN(doc_storage),
        .connections = doc_connections, .nconnections = AZ_ARRAY_LEN(doc_connections),
        .controls = doc_controls, .ncontrols = AZ_ARRAY_LEN(doc_controls)};
    cr_assert_eq(ws_system_save(doc_st, &sys, "tester", &doc_system, &err), STATUS_OK, "%s", test_msg(&err));
}

/* Inventory plus the four assessments with their answers. */
static inline void doc_setup(void)
{
    doc_setup_inventory();
    cr_assert_eq(doc_assess("fx-ecl", false), A_CHECKLIST);
    cr_assert_eq(doc_assess("fx-ekk", true), A_KAKUNINHYO);
    cr_assert_eq(doc_assess("fx-egl", false), A_GAPS);
    cr_assert_eq(doc_assess("fx-emds", true), A_DISCLOSURE);
    doc_setup_evidence();

    doc_answer(A_CHECKLIST, "c-0", "yes", "2025-04-01", NULL, NULL, RESP_NONE, NULL, NULL, NULL);
    doc_answer_why(A_CHECKLIST, "c-1-1", "no", NULL, "2025-03-31", NULL, RESP_VENDOR, "任命は4月の理事会で", "理事会議事録.pdf",
                   "#1", "候補者の内諾待ち");
    doc_answer(A_CHECKLIST, "c-2-4-server", "yes", "2025-04-01", NULL, NULL, RESP_NONE, "権限表どおり", NULL, NULL);
    doc_answer_why(A_CHECKLIST, "c-2-4-pc", "no", "2025-04-01", "2026-03-31", NULL, RESP_NONE, "共用IDが残る", NULL, NULL,
                   "検査室の端末を更新するまで");
    doc_answer(A_CHECKLIST, "c-2-5-server", "yes", NULL, NULL, NULL, RESP_NONE, NULL, "ログ設定.png", NULL);

    doc_answer(A_KAKUNINHYO, "p1-a-1", "yes", "2025-04-01", NULL, "2025-05-01", RESP_NONE, "MDS/SDS を受領", NULL, NULL);
    doc_answer_why(A_KAKUNINHYO, "p2-a-1", "no", "2025-04-01", NULL, NULL, RESP_JOINT, "VPN の設定を協議中", "#2", NULL,
                   "接続元の固定は事業者の次期装置で対応");

    doc_answer(A_GAPS, "g-1", "done", "2025-04-01", NULL, NULL, RESP_NONE, NULL, NULL, NULL);
    doc_answer(A_GAPS, "g-2", "todo", NULL, "2025-03-01", NULL, RESP_NONE, "規程案は作成中", "#1", NULL);
    doc_answer(A_GAPS, "g-3", "partly", NULL, "2025-12-31", NULL, RESP_VENDOR, "紙の記録のみ", "保守記録.xlsx", "#2");
    doc_answer_why(A_GAPS, "g-4", "na", NULL, NULL, NULL, RESP_NONE, NULL, NULL, NULL, "無線LANを設置していない");

    doc_field(A_DISCLOSURE, "form", "SDS");
    doc_field(A_DISCLOSURE, "product", "画像管理ソフトウェア");
    doc_field(A_DISCLOSURE, "version", "2.1");
    doc_field(A_DISCLOSURE, "manufacturer", "A社");
    doc_field(A_DISCLOSURE, "issued", "令和7年3月1日");
    doc_field(A_DISCLOSURE, "author", "A社 品質保証部");
    doc_field(A_DISCLOSURE, "contact", "保守窓口 03-0000-0000");
    doc_field(A_DISCLOSURE, "legal_records", "なし");
    doc_answer(A_DISCLOSURE, "q-1", "yes", "2025-03-01", NULL, NULL, RESP_NONE, "定義ファイルは毎日更新", "SG Rev.1 1章",
               NULL);
    doc_answer_why(A_DISCLOSURE, "q-2", "no", NULL, NULL, NULL, RESP_VENDOR, "IP制限は次版で対応", "#2", NULL,
                   "現行版の仕様");
    doc_answer_why(A_DISCLOSURE, "q-3", "na", NULL, NULL, NULL, RESP_NONE, NULL, NULL, NULL, "クラウドを利用しない");
}

static inline void doc_teardown(void)
{
    store_close(doc_st);
    test_rm_rf(doc_dir);
    free(doc_dir);
}

static inline export_doc *doc_build(const char *name, int64_t aid)
{
    const document *d = document_find(name);
    cr_assert_not_null(d, "%s", name);
    export_doc *doc = NULL;
    status_detail err = {0};
    status_code r = document_build(d, doc_st, aid, DOC_DATE, false, &doc, &err);
    cr_assert_eq(r, STATUS_OK, "%s #%lld: %s", name, (long long)aid, test_msg(&err));
    status_detail_free(&err);
    return doc;
}

/* Renders doc in fmt to a fresh file and returns its bytes (caller frees). */
static inline char *doc_render(const export_doc *doc, const char *fmt, size_t *len)
{
    char *dir = test_tmpdir();
    const export_format *f = export_format_by_name(fmt);
    cr_assert_not_null(f, "%s", fmt);
    char *path = xasprintf("%s/out%s", dir, f->extension);
    export_error err = {0};
    export_status st = export_write(doc, f, path, false, &err);
    cr_assert_eq(st, EXPORT_OK, "%s: %s %s", fmt, export_status_name(st), err.where ? err.where : "");
    export_error_clear(&err);
    char *data = util_read_file(path, len);
    cr_assert_not_null(data);
    free(path);
    test_rm_rf(dir);
    free(dir);
    return data;
}

#endif
