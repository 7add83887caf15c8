/* The CLI's terminal-safe output filter (cli/cli_safe_out.c): controls shown, never written raw;
 * UTF-8 passed through whole even when a character is split between two writes. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli_safe_out.h"

#define EXPECT_SAFE(in, want)                                                                                          \
    do {                                                                                                               \
        char *got_ = cli_safe_text(in);                                                                                \
        cr_expect_str_eq(got_, want, "%s", #in);                                                                       \
        free(got_);                                                                                                    \
    } while (0)

Test(cli_safe_out, controls_are_shown)
{
    EXPECT_SAFE("\x1b]0;PWNED\a\x1b[2J病院", "^[]0;PWNED^G^[[2J病院");
    EXPECT_SAFE("一行目\r偽", "一行目^M偽");
    EXPECT_SAFE("行\n\tタブ", "行\n\tタブ"); /* newline and tab are text */
    EXPECT_SAFE("del\x7f", "del^?");
    EXPECT_SAFE("c1\xc2\x9b" "31m", "c1\\u009B31m");            /* CSI as a C1 control */
    EXPECT_SAFE("逆\xe2\x80\xae順\xe2\x81\xa6", "逆\\u202E順\\u2066"); /* bidi overrides */
    EXPECT_SAFE("医療情報システム①", "医療情報システム①");
}

Test(cli_safe_out, invalid_utf8_becomes_replacement)
{
    EXPECT_SAFE("bad\xff", "bad\xef\xbf\xbd");
    EXPECT_SAFE("\xe6\x9d", "\xef\xbf\xbd");             /* cut short at the end */
    EXPECT_SAFE("\xe6\x9d" "A", "\xef\xbf\xbd" "A");      /* cut short by ASCII */
    EXPECT_SAFE("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd"); /* overlong '/' */
    EXPECT_SAFE("\xed\xa0\x80", "\xef\xbf\xbd");         /* a surrogate */
    EXPECT_SAFE("\xef\xbf\xbd", "\xef\xbf\xbd");         /* a real U+FFFD stays one */
}

Test(cli_safe_out, stream_joins_split_characters)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    FILE *f = cli_safe_stream(mem);
    cr_assert_not_null(f);
    const char *text = "東\x1b[2J病院\xc2\x85";
    for (const char *p = text; *p; p++) { /* one byte per write, flushed each time */
        fputc(*p, f);
        fflush(f);
    }
    cr_assert_eq(fclose(f), 0);
    fclose(mem);
    cr_expect_str_eq(buf, "東^[[2J病院\\u0085");
    free(buf);
}
