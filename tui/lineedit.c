#include "lineedit.h"

#include <stdlib.h>

#include "draw.h"
#include "text/lib.h"

int utf8_put(char *buf, uint32_t c)
{
    int n;
    if (c < 0x80) {
        buf[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        buf[0] = (char)(0xC0 | (c >> 6));
        buf[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        buf[0] = (char)(0xE0 | (c >> 12));
        buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        buf[0] = (char)(0xF0 | (c >> 18));
        buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    buf[n] = 0;
    return n;
}

size_t utf8_prev(const char *s, size_t off)
{
    if (off == 0)
        return 0;
    off--;
    while (off > 0 && ((unsigned char)s[off] & 0xC0) == 0x80)
        off--;
    return off;
}

size_t utf8_next(const char *s, size_t len, size_t off)
{
    if (off >= len)
        return len;
    int32_t cp;
    return off + utf8_decode(s + off, len - off, &cp);
}

void le_set(lineedit *le, const char *s)
{
    sb_reset(&le->text);
    sb_add(&le->text, s ? s : "");
    le->cur = le->text.len;
}

void le_suggest(lineedit *le, const char *s)
{
    le_set(le, s);
    le->suggested = le->text.len > 0;
}

static bool printable(keycode key)
{
    return key >= 0x20 && !(key & 0x40000000) && !(key >= 0x7f && key < 0xa0);
}

/* The first key after a suggestion: a character replaces it, Backspace/Delete clear it (the key
 * is spent: true), any other key (arrows, Home, End) keeps the text for editing. */
static bool end_suggestion(lineedit *le, keycode key)
{
    if (!le->suggested)
        return false;
    le->suggested = false;
    bool deletes = key == 127 || key == KEY_CTRL('h') || key == KEY_FN(KEY_BACKSPACE) || key == KEY_CTRL('d') ||
                   key == KEY_FN(KEY_DC);
    if (printable(key) || deletes) {
        sb_reset(&le->text);
        le->cur = 0;
    }
    return deletes;
}

void le_free(lineedit *le)
{
    sb_free(&le->text);
    le->cur = 0;
    le->suggested = false;
}

void le_insert(lineedit *le, const char *s)
{
    size_t n = strlen(s);
    char *tail = xstrdup(sb_str(&le->text) + le->cur);
    le->text.len = le->cur;
    if (le->text.data)
        le->text.data[le->cur] = 0;
    sb_addn(&le->text, s, n);
    sb_add(&le->text, tail);
    free(tail);
    le->cur += n;
}

static void delete_range(lineedit *le, size_t from, size_t to)
{
    if (to <= from)
        return;
    memmove(le->text.data + from, le->text.data + to, le->text.len - to + 1);
    le->text.len -= to - from;
    if (le->cur > to)
        le->cur -= to - from;
    else if (le->cur > from)
        le->cur = from;
}

le_result le_key(lineedit *le, keycode key)
{
    switch (key) {
    case '\r':
    case '\n':
    case KEY_FN(KEY_ENTER):
        return LE_ACCEPT;
    case KEY_ESC:
    case KEY_CTRL('g'):
        return LE_CANCEL;
    default:
        break;
    }
    if (end_suggestion(le, key))
        return LE_CONTINUE;
    const char *s = sb_str(&le->text);
    size_t len = le->text.len;
    switch (key) {
    case 127:
    case KEY_CTRL('h'):
    case KEY_FN(KEY_BACKSPACE):
        delete_range(le, utf8_prev(s, le->cur), le->cur);
        return LE_CONTINUE;
    case KEY_CTRL('d'):
    case KEY_FN(KEY_DC):
        delete_range(le, le->cur, utf8_next(s, len, le->cur));
        return LE_CONTINUE;
    case KEY_FN(KEY_LEFT):
    case KEY_CTRL('b'):
        le->cur = utf8_prev(s, le->cur);
        return LE_CONTINUE;
    case KEY_FN(KEY_RIGHT):
    case KEY_CTRL('f'):
        le->cur = utf8_next(s, len, le->cur);
        return LE_CONTINUE;
    case KEY_FN(KEY_HOME):
    case KEY_CTRL('a'):
        le->cur = 0;
        return LE_CONTINUE;
    case KEY_FN(KEY_END):
    case KEY_CTRL('e'):
        le->cur = len;
        return LE_CONTINUE;
    case KEY_CTRL('k'):
        delete_range(le, le->cur, len);
        return LE_CONTINUE;
    case KEY_CTRL('u'):
        delete_range(le, 0, le->cur);
        return LE_CONTINUE;
    default:
        break;
    }
    if (printable(key)) {
        char buf[8];
        utf8_put(buf, (uint32_t)key);
        le_insert(le, buf);
        return LE_CONTINUE;
    }
    return LE_UNHANDLED;
}

int le_draw(const lineedit *le, WINDOW *w, int y, int x, int cols)
{
    const char *s = sb_str(&le->text);
    char *clean = draw_sanitize(s);
    /* Skip leading characters until the cursor fits in the field (one column kept for it). */
    char *before = xstrndup(clean, le->cur);
    int cw = text_width(before);
    size_t start = 0;
    while (cw > cols - 1 && start < le->cur) {
        size_t nx = utf8_next(clean, le->cur, start);
        char *part = xstrndup(clean + start, nx - start);
        cw -= text_width(part);
        free(part);
        start = nx;
    }
    if (le->suggested) { /* shown selected: typing replaces it */
        int tw = text_width(clean + start);
        draw_text(w, y, x, tw < cols ? tw : cols, clean + start, ROLE_SELECTED);
        if (tw < cols)
            draw_fill(w, y, x + tw, cols - tw, ROLE_NORMAL);
    } else {
        draw_text(w, y, x, cols, clean + start, ROLE_NORMAL);
    }
    free(before);
    free(clean);
    return x + cw;
}
