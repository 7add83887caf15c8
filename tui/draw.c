#include "draw.h"

#include <stdint.h>
#include <stdlib.h>

#include "text/lib.h"

char *draw_sanitize(const char *s)
{
    strbuf sb = {0};
    size_t n = strlen(s);
    while (n > 0) {
        int32_t cp;
        size_t k = utf8_decode(s, n, &cp);
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0xFFFD)
            sb_addc(&sb, cp == 0xFFFD ? '?' : ' ');
        else
            sb_addn(&sb, s, k);
        s += k;
        n -= k;
    }
    return sb_take(&sb);
}

void draw_text(WINDOW *w, int y, int x, int cols, const char *s, role r)
{
    if (cols <= 0)
        return;
    char *clean = draw_sanitize(s ? s : "");
    char *t = text_pad(clean, cols, DRAW_MARKER);
    theme_apply(w, r);
    mvwaddstr(w, y, x, t);
    theme_apply(w, ROLE_NORMAL);
    free(t);
    free(clean);
}

int draw_put(WINDOW *w, int y, int x, int limit, const char *s, role r)
{
    if (x >= limit || !s)
        return x;
    char *clean = draw_sanitize(s);
    int width = text_width(clean);
    int room = limit - x;
    char *t = width <= room ? xstrdup(clean) : text_truncate(clean, room, DRAW_MARKER);
    int tw = text_width(t);
    theme_apply(w, r);
    mvwaddstr(w, y, x, t);
    theme_apply(w, ROLE_NORMAL);
    free(t);
    free(clean);
    return x + tw;
}

void draw_fill(WINDOW *w, int y, int x, int cols, role r)
{
    if (cols <= 0)
        return;
    theme_apply(w, r);
    mvwhline(w, y, x, ' ', cols);
    theme_apply(w, ROLE_NORMAL);
}

void draw_bar(WINDOW *w, int y, int x, int cols, int done, int total)
{
    if (cols <= 0)
        return;
    int filled = total > 0 ? (int)((long)done * cols / total) : 0;
    if (total > 0 && done > 0 && filled == 0)
        filled = 1;
    theme_apply(w, ROLE_BAR_DONE);
    mvwhline(w, y, x, '#', filled);
    theme_apply(w, ROLE_BAR_TODO);
    mvwhline(w, y, x + filled, '-', cols - filled);
    theme_apply(w, ROLE_NORMAL);
}

static bool no_line_start(int32_t cp)
{
    static const int32_t marks[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011,
                                    0x3015, 0xFF09, 0xFF3D, 0xFF5D, 0xFF01, 0xFF1F, 0x30FC, 0x3005, 0x309D,
                                    0x309E, 0x30FD, 0x30FE, 0x3063, 0x30C3, 0x3083, 0x3085, 0x3087, 0x30E3,
                                    0x30E5, 0x30E7, 0x30FB, 0xFF1A, 0xFF1B, 0x2019, 0x201D, ')', ',', '.', ':', ';', '!', '?'};
    for (size_t i = 0; i < AZ_ARRAY_LEN(marks); i++)
        if (marks[i] == cp)
            return true;
    return false;
}

static void wrap_line(const char *s, size_t n, int cols, strlist *out)
{
    /* Greedy: take as many characters as fit; if the cut falls inside an ASCII word, back up to
     * the last space when that space is in the second half of the line. */
    while (n > 0) {
        size_t off = 0, last_space = 0;
        int w = 0;
        while (off < n) {
            int32_t cp;
            size_t k = utf8_decode(s + off, n - off, &cp);
            int cw = cp_width(cp);
            if (w + cw > cols)
                break;
            if (cp == ' ')
                last_space = off;
            w += cw;
            off += k;
        }
        if (off == 0) { /* a character wider than the line: take it anyway */
            int32_t cp;
            off = utf8_decode(s, n, &cp);
        }
        /* Japanese line breaking (kinsoku): a closing mark such as 。、」） never starts a line;
         * the character before the cut moves down with it. */
        if (off < n && off > 0) {
            int32_t next;
            utf8_decode(s + off, n - off, &next);
            if (no_line_start(next)) {
                size_t prev = off - 1;
                while (prev > 0 && ((unsigned char)s[prev] & 0xC0) == 0x80)
                    prev--;
                if (prev > 0)
                    off = prev;
            }
        }
        size_t take = off, skip = off;
        if (off < n && s[off] != ' ' && (unsigned char)s[off] < 0x80 && off > 0 &&
            (unsigned char)s[off - 1] < 0x80 && last_space > off / 2) {
            take = last_space;
            skip = last_space + 1;
        }
        sl_push_owned(out, xstrndup(s, take));
        s += skip;
        n -= skip;
        while (n > 0 && *s == ' ' && take != 0) {
            s++;
            n--;
        }
    }
}

void wrap_text(const char *s, int cols, strlist *out)
{
    if (cols < 1)
        cols = 1;
    if (!s || !*s)
        return;
    char *clean = NULL;
    const char *p = s;
    while (true) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *line = xstrndup(p, n);
        free(clean);
        clean = draw_sanitize(line);
        free(line);
        if (!*clean)
            sl_push(out, "");
        else
            wrap_line(clean, strlen(clean), cols, out);
        if (!nl)
            break;
        p = nl + 1;
    }
    free(clean);
}
