#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/lib.h"

size_t utf8_decode(const char *s, size_t n, int32_t *cp)
{
    if (n == 0) {
        *cp = 0;
        return 0;
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)(n > 4 ? 4 : n), &c);
    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return (size_t)k;
}

int cp_width(int32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
        return 0;
    int w = utf8proc_charwidth(cp);
    return w < 0 ? 0 : w;
}

int text_width(const char *s)
{
    int w = 0;
    size_t n = strlen(s);
    while (n > 0) {
        int32_t cp;
        size_t k = utf8_decode(s, n, &cp);
        w += cp_width(cp);
        s += k;
        n -= k;
    }
    return w;
}

size_t text_fit(const char *s, int cols, int *used)
{
    size_t n = strlen(s), off = 0;
    int w = 0;
    while (off < n) {
        int32_t cp;
        size_t k = utf8_decode(s + off, n - off, &cp);
        int cw = cp_width(cp);
        if (w + cw > cols)
            break;
        w += cw;
        off += k;
    }
    if (used)
        *used = w;
    return off;
}

char *text_truncate(const char *s, int cols, const char *marker)
{
    if (cols <= 0)
        return xstrdup("");
    if (text_width(s) <= cols)
        return xstrdup(s);
    int mw = marker ? text_width(marker) : 0;
    if (mw > cols)
        mw = 0;
    int used;
    size_t keep = text_fit(s, cols - mw, &used);
    strbuf sb = {0};
    sb_addn(&sb, s, keep);
    if (mw)
        sb_add(&sb, marker);
    /* A wide character that did not fit leaves a gap; fill it so the result is exactly cols wide. */
    for (int w = used + mw; w < cols; w++)
        sb_addc(&sb, ' ');
    return sb_take(&sb);
}

char *text_pad(const char *s, int cols, const char *marker)
{
    char *t = text_truncate(s, cols, marker);
    int w = text_width(t);
    if (w >= cols)
        return t;
    strbuf sb = {0};
    sb_add(&sb, t);
    free(t);
    for (; w < cols; w++)
        sb_addc(&sb, ' ');
    return sb_take(&sb);
}

char *text_fold(const char *s)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                          UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    if (r < 0 || !out) {
        free(out);
        return xstrdup(s);
    }
    char *res = xstrdup((const char *)out);
    free(out);
    return res;
}

bool text_contains_folded(const char *haystack_folded, const char *needle_folded)
{
    return strstr(haystack_folded, needle_folded) != NULL;
}

bool utf8_valid(const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
        if (k <= 0)
            return false;
        s += k;
        n -= (size_t)k;
    }
    return true;
}
