/* The status table: every code has a name, an exit code in 0..4 and a message in both languages
 * whose placeholders are known; status_format fills them and leaves out [parts] with no value. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"

static bool placeholders_known(const char *t)
{
    static const char *const known[] = {"field", "value", "entity", "item", "extra", "id", "num", "line", "col"};
    for (const char *p = strchr(t, '{'); p; p = strchr(p + 1, '{')) {
        const char *close = strchr(p, '}');
        if (!close)
            return false;
        bool ok = false;
        for (size_t i = 0; i < AZ_ARRAY_LEN(known); i++)
            ok |= strlen(known[i]) == (size_t)(close - p - 1) && strncmp(p + 1, known[i], strlen(known[i])) == 0;
        if (!ok)
            return false;
    }
    return true;
}

static bool brackets_balanced(const char *t)
{
    int depth = 0;
    for (; *t; t++) {
        depth += *t == '[' ? 1 : *t == ']' ? -1 : 0;
        if (depth < 0 || depth > 1)
            return false;
    }
    return depth == 0;
}

Test(status, every_code_has_a_name_an_exit_code_and_both_messages)
{
    for (int c = 0; c < STATUS__COUNT; c++) {
        cr_assert(strcmp(status_name((status_code)c), "?") != 0, "code %d has no name", c);
        for (int k = 0; k < c; k++)
            cr_assert_str_neq(status_name((status_code)c), status_name((status_code)k), "two codes named %s",
                              status_name((status_code)c));
        int e = status_exit_code((status_code)c);
        cr_assert(e >= 0 && e <= 4, "%s: exit code %d", status_name((status_code)c), e);
        cr_assert_eq(e == 0, c == STATUS_OK, "%s: only OK exits 0", status_name((status_code)c));
        for (int en = 0; en < 2; en++) {
            const char *t = status_template((status_code)c, en);
            cr_assert(t && *t, "%s has no %s message", status_name((status_code)c), en ? "English" : "Japanese");
            cr_assert(placeholders_known(t), "%s: unknown placeholder in \"%s\"", status_name((status_code)c), t);
            cr_assert(brackets_balanced(t), "%s: unbalanced [ ] in \"%s\"", status_name((status_code)c), t);
        }
        /* The Japanese message is written in Japanese, not a copy of the English one. */
        cr_assert_str_neq(status_template((status_code)c, false), status_template((status_code)c, true), "%s",
                          status_name((status_code)c));
        /* Rendering with no detail at all never leaves a placeholder behind. */
        status_detail d = {.code = (status_code)c};
        for (int en = 0; en < 2; en++) {
            char *m = status_format(&d, en);
            cr_assert(*m, "%s renders empty", status_name((status_code)c));
            cr_assert_null(strchr(m, '{'), "%s: %s", status_name((status_code)c), m);
            free(m);
        }
    }
    cr_assert_null(status_template(STATUS__COUNT, true));
    cr_assert_eq(status_exit_code(STATUS__COUNT), 1);
}

Test(status, exit_codes_follow_the_readme)
{
    cr_assert_eq(status_exit_code(STATUS_OK), 0);
    cr_assert_eq(status_exit_code(STATUS_ASSESSMENT_NOT_FOUND), 1);
    cr_assert_eq(status_exit_code(STATUS_NAME_TAKEN), 1);
    cr_assert_eq(status_exit_code(STATUS_DATE_MALFORMED), 3);
    cr_assert_eq(status_exit_code(STATUS_ITEM_NOT_FOUND), 3);
    cr_assert_eq(status_exit_code(STATUS_PORT_OUT_OF_RANGE), 3);
    cr_assert_eq(status_exit_code(STATUS_DB_NEWER), 4);
    cr_assert_eq(status_exit_code(STATUS_DB_NOT_SQLITE), 4);
    cr_assert_eq(status_exit_code(STATUS_DB_READONLY), 4);
    cr_assert_eq(status_exit_code(STATUS_SQL), 4);
    /* issue 14: a full disk and an I/O error are failures (1), not a refused database (4);
     * out-of-range numbers and text that is not UTF-8 are usage errors (2) */
    cr_assert_eq(status_exit_code(STATUS_DISK_FULL), 1);
    cr_assert_eq(status_exit_code(STATUS_IO_ERROR), 1);
    cr_assert_eq(status_exit_code(STATUS_ARG_NOT_UTF8), 2);
    cr_assert_eq(status_exit_code(STATUS_NUMBER_OUT_OF_RANGE), 2);
}

Test(status, format_fills_the_detail_in_the_ui_language)
{
    status_detail d = {0};
    cr_assert_eq(status_fail(&d, &(status_info){STATUS_DATE_MALFORMED, .field = "checked", .value = "R7.13"}),
                 STATUS_DATE_MALFORMED);
    char *ja = status_format(&d, false), *en = status_format(&d, true);
    cr_assert_str_eq(ja, "確認日: 「R7.13」は日付として読めません（2025-04-01、令和7年4月1日、R7.4.1 の形で入力してください）");
    cr_assert_str_eq(en, "checked (確認日): malformed date \"R7.13\" (use 2025-04-01, 令和7年4月1日 or R7.4.1)");
    free(ja);
    free(en);
    /* an option name is no label: shown as it is; without a field the [prefix] goes */
    status_fail(&d, &(status_info){STATUS_DATE_NO_SUCH, .field = "--due", .value = "2026-02-30"});
    en = status_format(&d, true);
    cr_assert_str_eq(en, "--due: no such date \"2026-02-30\"");
    free(en);
    status_fail(&d, &(status_info){STATUS_DATE_NO_SUCH, .value = "R7.2.30", .extra = "2025-02-30"});
    en = status_format(&d, true);
    cr_assert_str_eq(en, "no such date \"R7.2.30\" (2025-02-30)");
    free(en);
    status_fail(&d, &(status_info){STATUS_NAME_TAKEN, .entity = "vendor", .value = "ネオ画像"});
    ja = status_format(&d, false);
    cr_assert_str_eq(ja, "「ネオ画像」という事業者は既に登録されています");
    free(ja);
    status_fail(&d, &(status_info){STATUS_ASSESSMENT_NOT_FOUND, .id = 9});
    en = status_format(&d, true);
    cr_assert_str_eq(en, "no assessment #9");
    free(en);
    status_detail_free(&d);
    cr_assert_eq(d.code, STATUS_OK);
    cr_assert_null(d.field);
}

Test(status, set_field_keeps_a_field_core_named)
{
    status_detail d = {0};
    status_fail(&d, &(status_info){.code = STATUS_DATE_EMPTY});
    status_set_field(&d, "--checked");
    cr_assert_str_eq(d.field, "--checked");
    status_set_field(&d, "other");
    cr_assert_str_eq(d.field, "--checked");
    cr_assert_eq(status_failed(&d), STATUS_DATE_EMPTY);
    status_detail_free(&d);
    cr_assert_eq(status_failed(&d), STATUS_INTERNAL, "a failure that reported nothing is still a failure");
    cr_assert_eq(status_failed(NULL), STATUS_INTERNAL);
    cr_assert_eq(status_fail(NULL, &(status_info){.code = STATUS_SQL}), STATUS_SQL);
}

Test(status, labels_read_in_both_languages)
{
    cr_assert_str_eq(status_label("due", false), "目標日");
    cr_assert_str_eq(status_label("due", true), "due (目標日)");
    cr_assert_str_eq(status_label("isms_expiry", false), "ISMS 有効期限");
    cr_assert_str_eq(status_label("fx-gl@1", false), "fx-gl@1");
    cr_assert_str_eq(status_label(NULL, true), "");
}
