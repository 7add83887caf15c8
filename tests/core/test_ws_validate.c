/* The workspace's own checks, the same for both front ends: port texts (1-65535, lists and ranges),
 * list rows split into their fields with nothing folded into the last one, hosting names; and
 * ws_system_save refusing what they refuse, naming the field, writing nothing. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

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

TestSuite(ws_validate, .init = setup, .fini = teardown);

#define S(lit) ((char[]){lit})

Test(ws_validate, ports_are_numbers_lists_and_ranges_within_1_65535)
{
    static const char *const good[] = {"80", "5432", "80,808,8080", "80, 443", "49152-65535", "1", "65535", "104-104"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(good); i++)
        cr_assert_eq(ws_ports_check(good[i], NULL), STATUS_OK, "%s", good[i]);
    static const struct {
        const char *in;
        status_code want;
        int64_t num;
    } bad[] = {
        {"99999", STATUS_PORT_OUT_OF_RANGE, 99999},  {"0", STATUS_PORT_OUT_OF_RANGE, 0},
        {"80,70000", STATUS_PORT_OUT_OF_RANGE, 70000}, {"100-70000", STATUS_PORT_OUT_OF_RANGE, 70000},
        {"a", STATUS_PORT_MALFORMED, 0},              {"", STATUS_PORT_MALFORMED, 0},
        {"80,", STATUS_PORT_MALFORMED, 0},            {"443-80", STATUS_PORT_MALFORMED, 0},
        {"80 TCP", STATUS_PORT_MALFORMED, 0},         {"-5", STATUS_PORT_MALFORMED, 0},
    };
    for (size_t i = 0; i < AZ_ARRAY_LEN(bad); i++) {
        status_detail d = {0};
        cr_assert_eq(ws_ports_check(bad[i].in, &d), bad[i].want, "%s: %s", bad[i].in, test_msg(&d));
        cr_assert_str_eq(d.value, bad[i].in);
        cr_assert_eq(d.num, bad[i].num, "%s", bad[i].in);
        status_detail_free(&d);
    }
}

Test(ws_validate, rows_split_into_their_fields_and_refuse_extra_ones)
{
    ws_port p;
    status_detail d = {0};
    cr_assert_eq(ws_port_parse(" 104 | | DICOM QR 接続用 | 変更可 ", PORT_IN, &p, &d), STATUS_OK, "%s", test_msg(&d));
    cr_assert_str_eq(p.ports, "104");
    cr_assert_null(p.protocol);
    cr_assert_str_eq(p.purpose, "DICOM QR 接続用");
    cr_assert_str_eq(p.note, "変更可");
    free(p.ports), free(p.purpose), free(p.note);

    /* today's CLI folded "d|e|f" into the note: now six fields are refused */
    cr_assert_eq(ws_port_parse("a|b|c|d|e|f", PORT_IN, &p, &d), STATUS_LIST_ROW_TOO_MANY);
    cr_assert_str_eq(d.value, "a|b|c|d|e|f");
    cr_assert_eq(d.num, 4);
    cr_assert_null(p.ports);
    cr_assert_not_null(strstr(test_msg(&d), "PORTS|PROTOCOL|PURPOSE|NOTE"), "%s", test_msg(&d));
    cr_assert_eq(ws_port_parse("99999|TCP|x", PORT_IN, &p, &d), STATUS_PORT_OUT_OF_RANGE);
    cr_assert_eq(ws_port_parse("|TCP|x", PORT_OUT, &p, &d), STATUS_LIST_ROW_INCOMPLETE);
    cr_assert_str_eq(d.entity, "port");

    ws_storage s;
    cr_assert_eq(ws_storage_parse("NAS||画像", &s, &d), STATUS_LIST_ROW_INCOMPLETE);
    cr_assert_str_eq(d.entity, "location");
    cr_assert_eq(ws_storage_parse("a|b|c|d", &s, &d), STATUS_LIST_ROW_TOO_MANY);
    cr_assert_eq(ws_storage_parse("メインディスク|D:¥MainImage|撮影画像", &s, &d), STATUS_OK);
    cr_assert_str_eq(s.location, "D:¥MainImage");
    free(s.medium), free(s.location), free(s.content);
    ws_connection c;
    cr_assert_eq(ws_connection_parse("|VPN|保守", &c, &d), STATUS_LIST_ROW_INCOMPLETE);
    cr_assert_str_eq(d.entity, "peer");
    ws_control k;
    cr_assert_eq(ws_control_parse("ファイアウォール|必要なポートのみ|余分", &k, &d), STATUS_LIST_ROW_TOO_MANY);
    cr_assert_eq(ws_control_parse("ファイアウォール", &k, &d), STATUS_OK);
    cr_assert_str_eq(k.kind, "ファイアウォール");
    cr_assert_null(k.measure);
    free(k.kind);
    status_detail_free(&d);
}

Test(ws_validate, hosting_names_in_both_languages)
{
    cr_assert_str_eq(ws_hosting_parse("オンプレミス"), "on-premises");
    cr_assert_str_eq(ws_hosting_parse("on-prem"), "on-premises");
    cr_assert_str_eq(ws_hosting_parse("クラウド"), "cloud");
    cr_assert_str_eq(ws_hosting_parse("hybrid"), "hybrid");
    cr_assert_str_eq(ws_hosting_parse(""), "");
    cr_assert_null(ws_hosting_parse("basement"));
}

Test(ws_validate, system_save_refuses_a_bad_port_naming_the_field_and_writes_nothing)
{
    ws_port port = {PORT_IN, S("99999"), S("TCP"), S("x"), NULL};
    ws_system sys = {.name = S("PACS"), .category = S("pacs"), .ports = &port, .nports = 1};
    status_detail d = {0};
    cr_assert_eq(ws_system_save(st, &sys, "t", NULL, &d), STATUS_PORT_OUT_OF_RANGE);
    cr_assert_str_eq(d.field, "ports");
    char *ja = status_format(&d, false);
    cr_assert_str_eq(ja, "通信ポート は 1〜65535 の番号か範囲で入力してください: 99999 は範囲外です（「99999」）");
    free(ja);
    cr_assert_eq(status_exit_code(d.code), 3);
    ws_system *list;
    size_t n;
    cr_assert_eq(ws_system_list(st, &list, &n, &d), STATUS_OK);
    cr_assert_eq(n, 0, "nothing written");
    ws_system_list_free(list, n);

    /* a Japanese hosting name is stored as its code */
    port.ports = S("5432");
    sys.hosting = S("オンプレミス");
    int64_t id = 0;
    cr_assert_eq(ws_system_save(st, &sys, "t", &id, &d), STATUS_OK, "%s", test_msg(&d));
    ws_system got;
    cr_assert_eq(ws_system_get(st, id, &got, &d), STATUS_OK);
    cr_assert_str_eq(got.hosting, "on-premises");
    ws_system_free(&got);
    sys.hosting = S("basement");
    cr_assert_eq(ws_system_save(st, &sys, "t", &id, &d), STATUS_HOSTING_UNKNOWN);
    cr_assert_str_eq(d.field, "hosting");
    status_detail_free(&d);
}
