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
            text_wrap_line(clean, strlen(clean), cols, out); /* the Japanese rules: core/text/wrap.h */
        if (!nl)
            break;
        p = nl + 1;
    }
    free(clean);
}
