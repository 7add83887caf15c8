/* clock_local_text: stored UTC times shown in the local zone with its name (issue 12). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <time.h>

#include "base/lib.h"

static void zone(const char *tz)
{
    setenv("TZ", tz, 1);
    tzset();
}

Test(clock_local, tokyo_is_nine_hours_ahead)
{
    zone("Asia/Tokyo");
    char buf[CLOCK_LOCAL_SIZE];
    clock_local_text("2026-05-10T09:00:00Z", true, buf);
    cr_assert_str_eq(buf, "2026-05-10 18:00:00 JST");
    clock_local_text("2026-03-31T20:30:05Z", true, buf); /* crosses the date (and the fiscal year) */
    cr_assert_str_eq(buf, "2026-04-01 05:30:05 JST");
    clock_local_text("2026-03-31T20:30:05Z", false, buf); /* the TUI's history lines */
    cr_assert_str_eq(buf, "2026-04-01 05:30 JST");
}

Test(clock_local, utc_and_a_zone_without_a_name)
{
    char buf[CLOCK_LOCAL_SIZE];
    zone("UTC");
    clock_local_text("2026-05-10T09:00:00Z", true, buf);
    cr_assert_str_eq(buf, "2026-05-10 09:00:00 UTC");
    zone("<+0530>-5:30");
    clock_local_text("2026-05-10T09:00:00Z", true, buf);
    cr_assert_str_eq(buf, "2026-05-10 14:30:00 +0530");
}

Test(clock_local, anything_else_as_it_is)
{
    zone("Asia/Tokyo");
    char buf[CLOCK_LOCAL_SIZE];
    clock_local_text("2026-02-30T09:00:00Z", true, buf);
    cr_assert_str_eq(buf, "2026-02-30T09:00:00Z");
    clock_local_text("yesterday", true, buf);
    cr_assert_str_eq(buf, "yesterday");
    clock_local_text(NULL, true, buf);
    cr_assert_str_eq(buf, "");
}
