/* Japanese-era dates both ways, era boundaries, fiscal years. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "testutil.h"
#include "text/lib.h"
#include "base/lib.h"

static void parses_to(const char *in, const char *iso)
{
    char out[11];
    status_detail err = {0};
    cr_assert(jpdate_parse_iso(in, out, &err), "%s: %s", in, test_msg(&err));
    cr_assert_str_eq(out, iso, "%s", in);
}

static void rejects(const char *in, const char *msg)
{
    char out[11];
    status_detail err = {0};
    cr_assert_not(jpdate_parse_iso(in, out, &err), "%s parsed as %s", in, out);
    cr_assert_neq(err.code, STATUS_OK);
    cr_assert_not_null(strstr(test_msg(&err), msg), "%s: %s", in, test_msg(&err));
    status_detail_free(&err);
}

Test(jpdate, accepted_forms)
{
    parses_to("2025-04-01", "2025-04-01");
    parses_to("2025/4/1", "2025-04-01");
    parses_to("2025.4.1", "2025-04-01");
    parses_to("2025年4月1日", "2025-04-01");
    parses_to("令和7年4月1日", "2025-04-01");
    parses_to("R7.4.1", "2025-04-01");
    parses_to("r7/4/1", "2025-04-01");
    parses_to("R07-04-01", "2025-04-01");
    parses_to("  令和７年１２月３１日　", "2025-12-31");
    parses_to("Ｒ７．４．１", "2025-04-01");
}

Test(jpdate, era_boundaries)
{
    parses_to("平成31年4月30日", "2019-04-30");
    parses_to("H31.4.30", "2019-04-30");
    parses_to("令和元年5月1日", "2019-05-01");
    parses_to("R1.5.1", "2019-05-01");
    parses_to("令和1年5月1日", "2019-05-01");
    parses_to("平成元年1月8日", "1989-01-08");
    parses_to("昭和64年1月7日", "1989-01-07");
    rejects("平成31年5月1日", "平成");
    rejects("令和元年4月30日", "令和");
    rejects("昭和64年1月8日", "昭和");
    rejects("平成元年1月7日", "平成");
}

Test(jpdate, malformed)
{
    rejects("", "empty");
    rejects("2025-02-29", "no such date");
    rejects("2024-13-01", "no such date");
    rejects("令和7年4月", "malformed");
    rejects("R7.4.1x", "malformed");
    rejects("25-04-01", "malformed");
    rejects("令和0年4月1日", "元 or 1");
    rejects("X7.4.1", "malformed");
    parses_to("2024-02-29", "2024-02-29");
}

Test(jpdate, formats_wareki)
{
    struct {
        jp_date d;
        const char *lng, *shrt;
    } cases[] = {
        {{2025, 4, 1}, "令和7年4月1日", "R7.4.1"},     {{2019, 5, 1}, "令和元年5月1日", "R1.5.1"},
        {{2019, 4, 30}, "平成31年4月30日", "H31.4.30"}, {{1989, 1, 7}, "昭和64年1月7日", "S64.1.7"},
        {{1989, 1, 8}, "平成元年1月8日", "H1.1.8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *l = jpdate_format_wareki(cases[i].d, false), *s = jpdate_format_wareki(cases[i].d, true);
        cr_assert_str_eq(l, cases[i].lng);
        cr_assert_str_eq(s, cases[i].shrt);
        /* and back */
        jp_date back;
        status_detail err = {0};
        cr_assert(jpdate_parse(l, &back, &err));
        cr_assert_eq(jpdate_cmp(back, cases[i].d), 0, "%s", l);
        cr_assert(jpdate_parse(s, &back, &err));
        cr_assert_eq(jpdate_cmp(back, cases[i].d), 0, "%s", s);
        free(l);
        free(s);
    }
}

Test(jpdate, fiscal_years)
{
    cr_assert_eq(jpdate_fiscal_year((jp_date){2026, 3, 31}), 2025);
    cr_assert_eq(jpdate_fiscal_year((jp_date){2026, 4, 1}), 2026);
    char *l = jpdate_fy_label(2025, false);
    cr_assert_str_eq(l, "令和7年度");
    free(l);
    l = jpdate_fy_label(2019, false);
    cr_assert_str_eq(l, "令和元年度");
    free(l);
    l = jpdate_fy_label(2018, false);
    cr_assert_str_eq(l, "平成30年度");
    free(l);
    l = jpdate_fy_label_both(2026, false);
    cr_assert_str_eq(l, "令和8年度 (2026)");
    free(l);
    l = jpdate_fy_label_both(2025, true);
    cr_assert_str_eq(l, "FY2025 (R7)");
    free(l);
    struct {
        const char *in;
        int fy;
    } ok[] = {{"2025", 2025}, {"令和7年度", 2025}, {"R7", 2025},      {"FY2026", 2026},
              {"2026年度", 2026}, {"令和元年度", 2019}, {"平成31年度", 2019}, {"令和８年度", 2026}};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        int fy = 0;
        status_detail err = {0};
        cr_assert(jpdate_parse_fy(ok[i].in, &fy, &err), "%s: %s", ok[i].in, test_msg(&err));
        cr_assert_eq(fy, ok[i].fy, "%s", ok[i].in);
    }
    const char *bad[] = {"", "25", "令和", "平成32年度", "FY", "2025年度x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int fy = 0;
        status_detail err = {0};
        cr_assert_not(jpdate_parse_fy(bad[i], &fy, &err), "%s accepted as %d", bad[i], fy);
        status_detail_free(&err);
    }
    cr_assert_eq(jpdate_days_between((jp_date){2025, 4, 1}, (jp_date){2026, 3, 31}), 364);
    cr_assert_eq(jpdate_cmp(jpdate_fy_end(2025), (jp_date){2026, 3, 31}), 0);
}

/* Found by the fuzzer (tests/fuzz/jpdate): the era form of a far date did not parse back. */
Test(jpdate, era_form_of_far_dates_round_trips)
{
    jp_date far[] = {{2117, 12, 31}, {2118, 1, 1}, {2120, 1, 1}, {9999, 12, 31}};
    for (size_t i = 0; i < sizeof far / sizeof far[0]; i++) {
        for (int shortform = 0; shortform <= 1; shortform++) {
            char *w = jpdate_format_wareki(far[i], shortform);
            jp_date back;
            status_detail err = {0};
            cr_assert(jpdate_parse(w, &back, &err), "%s: %s", w, test_msg(&err));
            cr_assert_eq(jpdate_cmp(back, far[i]), 0, "%s", w);
            free(w);
        }
    }
    jp_date d;
    status_detail err = {0};
    cr_assert(jpdate_parse("令和102年1月1日", &d, &err), "%s", test_msg(&err));
    cr_assert_eq(jpdate_cmp(d, (jp_date){2120, 1, 1}), 0);
    cr_assert_not(jpdate_parse("令和9999年1月1日", &d, &err), "beyond 9999-12-31"); /* year 12017 */
    status_detail_free(&err);
}
