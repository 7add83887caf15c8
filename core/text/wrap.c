#include "wrap.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

static bool in_set(int32_t c, const int32_t *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == c)
            return true;
    return false;
}

/* JIS X 4051 classes that never start a line: closing brackets (cl-02), hyphens (cl-03),
 * ！？ (cl-04), middle dots and colons (cl-05), full stops (cl-06), commas (cl-07), iteration
 * marks (cl-09), the prolonged sound mark (cl-10), small kana (cl-11), postfix units (cl-18). */
static bool no_line_start(int32_t c)
{
    static const int32_t marks[] = {
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x30FB, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0x203C, 0x2047, 0x2048, 0x2049,
        0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301F, 0xFF09, 0xFF3D, 0xFF5D, 0xFF60,
        0x2019, 0x201D, 0x00BB, 0x203A, 0x30FC, 0xFF70, 0x3005, 0x303B, 0x309D, 0x309E, 0x30FD, 0x30FE, 0x2010,
        0x2013, 0x301C, 0x30A0, 0xFF5E, 0xFF61, 0xFF63, 0xFF64, 0xFF65, 0x0025, 0xFF05, 0x2030, 0x2103, 0x00B0,
        0x2032, 0x2033, ')', ']', '}', ',', '.', ':', ';', '!', '?',
    };
    if (in_set(c, marks, AZ_ARRAY_LEN(marks)))
        return true;
    /* small hiragana and katakana: ぁぃぅぇぉ っ ゃゅょ ゎ ゕゖ, ァィゥェォ ッ ャュョ ヮ ヵヶ, ㇰ-ㇿ, ｧ-ｯ */
    static const int32_t small[] = {0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087,
                                    0x308E, 0x3095, 0x3096, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3,
                                    0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6};
    return in_set(c, small, AZ_ARRAY_LEN(small)) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF67 && c <= 0xFF6F);
}

/* Opening brackets (cl-01) and prefix signs (cl-17) never end a line. */
static bool no_line_end(int32_t c)
{
    static const int32_t marks[] = {0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301D,
                                    0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62, 0x2018, 0x201C, 0x00AB, 0x2039,
                                    0xFFE5, 0xFF04, 0xFF03, 0x2116, 0x00A5, '(', '[', '{', '$', '#'};
    return in_set(c, marks, AZ_ARRAY_LEN(marks));
}

/* Characters of an inseparable run: Latin letters, digits and ASCII signs (a word breaks only at
 * spaces), full-width letters and digits, circled and Roman numbers, the hyphens of 1-②. */
static bool joins(int32_t c)
{
    return (c > 0x20 && c < 0x7F) || (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
           (c >= 0xFF41 && c <= 0xFF5A) || c == 0xFF0D || c == 0x2011 || (c >= 0x2460 && c <= 0x24FF) ||
           (c >= 0x3251 && c <= 0x325F) || (c >= 0x32B1 && c <= 0x32BF) || (c >= 0x2160 && c <= 0x217F) ||
           (c >= 0x00C0 && c <= 0x024F);
}

bool text_can_break(int32_t a, int32_t b)
{
    if (a == ' ' || b == ' ')
        return true; /* spaces are where Latin text breaks; they are dropped at the break */
    if (no_line_start(b) || no_line_end(a))
        return false;
    if (joins(a) && joins(b))
        return false;
    if (a == b && (a == 0x2014 || a == 0x2015 || a == 0x2025 || a == 0x2026)) /* ―― …… (cl-08) */
        return false;
    return true;
}

typedef struct {
    int32_t cp;
    size_t off;
    int w;
} wchar_at;

/* Appends the characters [from, to) of the line (len bytes), without the spaces at its end. */
static void push_span(strlist *out, const char *line, size_t len, const wchar_at *v, size_t nv, size_t from, size_t to)
{
    while (to > from && v[to - 1].cp == ' ')
        to--;
    size_t b = from < nv ? v[from].off : len, e = to < nv ? v[to].off : len;
    sl_push_owned(out, xstrndup(line + b, e - b));
}

void text_wrap_line(const char *s, size_t n, int cols, strlist *out)
{
    if (cols < 1)
        cols = 1;
    char *line = xstrndup(s, n);
    wchar_at *v = NULL;
    size_t nv = 0, cap = 0;
    for (size_t off = 0; off < n;) {
        int32_t cp;
        size_t k = utf8_decode(line + off, n - off, &cp);
        GROW(v, cap, nv + 1);
        v[nv++] = (wchar_at){cp, off, cp_width(cp)};
        off += k;
    }
    size_t start = 0;
    while (start < nv) {
        size_t i = start;
        int w = 0;
        while (i < nv && w + v[i].w <= cols)
            w += v[i++].w;
        if (i >= nv) {
            push_span(out, line, n, v, nv, start, nv);
            break;
        }
        /* The last place the rules allow, else cut where the line is full. */
        size_t b = i;
        while (b > start && !text_can_break(v[b - 1].cp, v[b].cp))
            b--;
        if (b == start)
            b = i > start ? i : start + 1;
        push_span(out, line, n, v, nv, start, b);
        start = b;
        while (start < nv && v[start].cp == ' ')
            start++;
    }
    free(v);
    free(line);
}

void text_wrap(const char *s, int cols, strlist *out)
{
    if (!s || !*s)
        return;
    for (const char *p = s;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n == 0)
            sl_push(out, "");
        else
            text_wrap_line(p, n, cols, out);
        if (!nl)
            break;
        p = nl + 1;
    }
}

int text_tab_spaces(int col)
{
    return TEXT_TAB_STOP - (col < 0 ? 0 : col) % TEXT_TAB_STOP;
}

char *text_expand_tabs(const char *s)
{
    strbuf sb = {0};
    int col = 0;
    size_t n = strlen(s ? s : "");
    for (size_t off = 0; off < n;) {
        int32_t cp;
        size_t k = utf8_decode(s + off, n - off, &cp);
        if (cp == '\t') {
            int sp = text_tab_spaces(col);
            for (int i = 0; i < sp; i++)
                sb_addc(&sb, ' ');
            col += sp;
        } else {
            sb_addn(&sb, s + off, k);
            col = cp == '\n' ? 0 : col + cp_width(cp);
        }
        off += k;
    }
    return sb_take(&sb);
}

char *text_truncate_middle(const char *s, int cols, const char *marker)
{
    if (!s)
        s = "";
    if (text_width(s) <= cols)
        return xstrdup(s);
    if (cols <= 1)
        return xstrdup(cols == 1 ? marker : "");
    /* The end usually tells titles apart (…医療機関確認用） / …事業者確認用）): it gets the larger half. */
    int head_cols = (cols - 1) / 2, tail_cols = cols - 1 - head_cols;
    int used;
    size_t head = text_fit(s, head_cols, &used);
    size_t len = strlen(s), tail = len;
    int tw = 0;
    while (tail > head) {
        size_t p = tail - 1;
        while (p > head && ((unsigned char)s[p] & 0xC0) == 0x80)
            p--;
        int32_t cp;
        utf8_decode(s + p, len - p, &cp);
        if (tw + cp_width(cp) > tail_cols)
            break;
        tw += cp_width(cp);
        tail = p;
    }
    strbuf sb = {0};
    sb_addn(&sb, s, head);
    /* a double-width character that did not fit on either side leaves a column: pad it */
    for (int pad = cols - 1 - used - tw; pad > 0; pad--)
        sb_addc(&sb, ' ');
    sb_add(&sb, marker);
    sb_add(&sb, s + tail);
    return sb_take(&sb);
}
