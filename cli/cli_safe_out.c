#define _GNU_SOURCE /* fopencookie */
#include "cli_safe_out.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "base/lib.h"
#include "text/lib.h"

typedef struct {
    FILE *under;
    unsigned char seq[4]; /* a UTF-8 sequence split between two writes */
    size_t have, need;
} safe_out;

/* How long the sequence a lead byte starts is, or 0 for a byte that cannot start one. */
static size_t seq_length(unsigned char b)
{
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        return 2;
    if (b >= 0xE0 && b <= 0xEF)
        return 3;
    if (b >= 0xF0 && b <= 0xF4)
        return 4;
    return 0;
}

static bool shown_escaped(int32_t cp)
{
    return (cp >= 0x80 && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static void put_cp(strbuf *sb, const unsigned char *bytes, size_t n, int32_t cp)
{
    if (cp < 0x20 && cp != '\n' && cp != '\t') {
        sb_addc(sb, '^');
        sb_addc(sb, (char)(cp + '@'));
    } else if (cp == 0x7F) {
        sb_add(sb, "^?");
    } else if (shown_escaped(cp)) {
        sb_addf(sb, "\\u%04X", (unsigned)cp);
    } else {
        sb_addn(sb, (const char *)bytes, n);
    }
}

/* A complete candidate sequence: valid UTF-8 or U+FFFD. */
static void put_seq(strbuf *sb, const unsigned char *bytes, size_t n)
{
    int32_t cp;
    if (utf8_decode((const char *)bytes, n, &cp) == n && !(cp == 0xFFFD && n == 1)) /* overlong, surrogate… fail */
        put_cp(sb, bytes, n, cp);
    else
        sb_add(sb, "\xEF\xBF\xBD");
}

/* Filters buf into sb, keeping an unfinished sequence at the end in st. */
static void filter(safe_out *st, const unsigned char *buf, size_t len, strbuf *sb)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char b = buf[i];
        if (st->have) {
            if ((b & 0xC0) == 0x80) {
                st->seq[st->have++] = b;
                if (st->have == st->need) {
                    put_seq(sb, st->seq, st->have);
                    st->have = 0;
                }
                continue;
            }
            sb_add(sb, "\xEF\xBF\xBD"); /* cut short by a byte that starts something else */
            st->have = 0;
        }
        size_t n = seq_length(b);
        if (n == 1)
            put_cp(sb, &b, 1, b);
        else if (n == 0 || (b & 0xC0) == 0x80)
            sb_add(sb, "\xEF\xBF\xBD");
        else {
            st->seq[0] = b;
            st->have = 1;
            st->need = n;
        }
    }
}

static ssize_t safe_write(void *cookie, const char *buf, size_t len)
{
    safe_out *st = cookie;
    strbuf sb = {0};
    filter(st, (const unsigned char *)buf, len, &sb);
    size_t ok = sb.len ? fwrite(sb.data, 1, sb.len, st->under) : 0;
    bool failed = ok != sb.len;
    sb_free(&sb);
    return failed ? -1 : (ssize_t)len;
}

static int safe_close(void *cookie)
{
    safe_out *st = cookie;
    if (st->have)
        fputs("\xEF\xBF\xBD", st->under);
    int r = fflush(st->under);
    free(st);
    return r == 0 ? 0 : EOF;
}

FILE *cli_safe_stream(FILE *under)
{
    safe_out *st = xcalloc(1, sizeof *st);
    st->under = under;
    FILE *f = fopencookie(st, "w", (cookie_io_functions_t){.write = safe_write, .close = safe_close});
    if (!f) {
        free(st);
        return NULL;
    }
    /* Line buffered as a terminal's stdout is; the stream under it still buffers the bytes. */
    setvbuf(f, NULL, _IOLBF, 0);
    return f;
}

char *cli_safe_text(const char *s)
{
    safe_out st = {0};
    strbuf sb = {0};
    sb_add(&sb, "");
    filter(&st, (const unsigned char *)s, strlen(s), &sb);
    if (st.have)
        sb_add(&sb, "\xEF\xBF\xBD");
    return sb_take(&sb);
}
