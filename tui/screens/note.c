/* The note editor: multi-line, wrapped in columns, wide-character input (get_wch delivers IME
 * text as whole characters). ^S saves through the caller's callback (one transaction), Esc
 * cancels (asking first when something changed), ^E hands the text to $EDITOR and back. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "draw.h"
#include "lineedit.h"
#include "msg.h"
#include "screens.h"
#include "term.h"
#include "text/lib.h"

typedef struct {
    size_t start, end; /* bytes of one visual row (end excludes the newline) */
} vrow;

typedef struct {
    char *title;
    lineedit ed;
    char *original;
    int top;
    int width; /* text columns at the last draw */
    note_save_fn save;
    void *ctx;
    void (*free_ctx)(void *);
    size_t want_col; /* column kept across up/down */
    bool have_want;
    bool keeps; /* ^S hands the text back to a form, which saves it (note_screen_keeps) */
} note_state;

/* Visual rows of text wrapped at `cols`. */
static size_t layout(const char *s, int cols, vrow **out)
{
    size_t n = 0, cap = 0, len = strlen(s), off = 0;
    vrow *rows = NULL;
    if (cols < 2)
        cols = 2;
    for (;;) {
        size_t line_end = off;
        while (line_end < len && s[line_end] != '\n')
            line_end++;
        size_t p = off;
        do {
            int used;
            char *seg = xstrndup(s + p, line_end - p);
            size_t fit = text_fit(seg, cols - 1, &used); /* one column for the cursor at the end */
            free(seg);
            if (fit == 0 && p < line_end) {
                int32_t cp;
                fit = utf8_decode(s + p, line_end - p, &cp);
            }
            GROW(rows, cap, n + 1);
            rows[n++] = (vrow){p, p + fit};
            p += fit;
        } while (p < line_end);
        if (line_end >= len)
            break;
        off = line_end + 1;
    }
    *out = rows;
    return n;
}

static size_t cursor_row(const vrow *rows, size_t n, size_t cur)
{
    for (size_t i = 0; i < n; i++) {
        bool last_of_line = i + 1 == n || rows[i + 1].start != rows[i].end;
        if (cur >= rows[i].start && (cur < rows[i].end || (cur == rows[i].end && last_of_line)))
            return i;
    }
    return n ? n - 1 : 0;
}

static int col_of(const char *s, size_t from, size_t to)
{
    char *seg = xstrndup(s + from, to - from);
    int w = text_width(seg);
    free(seg);
    return w;
}

static void title(screen *s, app *a, strbuf *sb)
{
    (void)a;
    note_state *st = s->priv;
    sb_add(sb, st->title);
}

static const char *hint(screen *s, app *a)
{
    (void)a;
    const note_state *st = s->priv;
    return st->keeps ? L(NOTE_KEEP_HINT) : L(NOTE_HINT);
}

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    note_state *st = s->priv;
    const char *text = sb_str(&st->ed.text);
    st->width = r.w - 2;
    vrow *rows = NULL;
    size_t n = layout(text, st->width, &rows);
    size_t cr = cursor_row(rows, n, st->ed.cur);
    if ((int)cr < st->top)
        st->top = (int)cr;
    if ((int)cr >= st->top + r.h)
        st->top = (int)cr - r.h + 1;
    for (int i = 0; i < r.h && st->top + i < (int)n; i++) {
        const vrow *v = &rows[st->top + i];
        char *seg = xstrndup(text + v->start, v->end - v->start);
        draw_put(w, r.y + i, r.x + 1, r.x + r.w - 1, seg, ROLE_NORMAL);
        free(seg);
    }
    int cx = r.x + 1 + col_of(text, rows[cr].start, st->ed.cur);
    free(rows);
    a->show_cursor = true;
    a->cursor_y = r.y + (int)cr - st->top;
    a->cursor_x = cx;
}

static void move_vertical(note_state *st, int dir)
{
    const char *text = sb_str(&st->ed.text);
    vrow *rows = NULL;
    size_t n = layout(text, st->width > 0 ? st->width : 78, &rows);
    size_t cr = cursor_row(rows, n, st->ed.cur);
    if (!st->have_want) {
        st->want_col = (size_t)col_of(text, rows[cr].start, st->ed.cur);
        st->have_want = true;
    }
    if ((dir < 0 && cr == 0) || (dir > 0 && cr + 1 >= n)) {
        free(rows);
        return;
    }
    const vrow *t = &rows[(long)cr + dir];
    char *seg = xstrndup(text + t->start, t->end - t->start);
    int used;
    st->ed.cur = t->start + text_fit(seg, (int)st->want_col, &used);
    free(seg);
    free(rows);
}

static void external(note_state *st, app *a)
{
    const char *tmpdir = getenv("TMPDIR");
    char *path = xasprintf("%s/anzen-note-XXXXXX.txt", tmpdir && *tmpdir ? tmpdir : "/tmp");
    int fd = mkstemps(path, 4);
    if (fd < 0) {
        app_status(a, ROLE_STATUS_ERR, "%s: %s", path, strerror(errno));
        free(path);
        return;
    }
    const char *text = sb_str(&st->ed.text);
    FILE *f = fdopen(fd, "w");
    if (f) {
        fputs(text, f);
        if (*text)
            fputc('\n', f);
        fclose(f);
    } else {
        close(fd);
    }
    char *err = NULL;
    int r = term_edit_file(path, &err);
    if (r != 0) {
        char *m = msgf(MSG_EDITOR_FAILED, err ? err : "exit status");
        app_status(a, ROLE_STATUS_ERR, "%s", m);
        free(m);
        free(err);
    } else {
        size_t len = 0;
        char *data = util_read_file(path, &len);
        if (data) {
            while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r'))
                data[--len] = 0;
            char *expanded = text_expand_tabs(data);
            le_set(&st->ed, expanded);
            free(expanded);
            free(data);
        }
    }
    unlink(path);
    free(path);
}

/* A tab (typed, or in a pasted table) becomes the spaces to the next stop of its line, as core
 * stores a note (text_expand_tabs), so what is shown is what is saved. */
static void insert_tab(note_state *st)
{
    const char *s = sb_str(&st->ed.text);
    size_t bol = st->ed.cur;
    while (bol > 0 && s[bol - 1] != '\n')
        bol--;
    char *before = xstrndup(s + bol, st->ed.cur - bol);
    int n = text_tab_spaces(text_width(before));
    free(before);
    char spaces[TEXT_TAB_STOP + 1];
    memset(spaces, ' ', (size_t)n);
    spaces[n] = 0;
    le_insert(&st->ed, spaces);
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    note_state *st = s->priv;
    keycode k = ev->key;
    if (k != KEY_FN(KEY_UP) && k != KEY_FN(KEY_DOWN))
        st->have_want = false;
    switch (k) {
    case KEY_CTRL('s'):
    case KEY_FN(KEY_F(2)): {
        const char *text = sb_str(&st->ed.text);
        if (st->save(st->ctx, a, text)) {
            curs_set(0);
            return RES_CLOSE;
        }
        return RES_HANDLED;
    }
    case KEY_ESC:
    case KEY_CTRL('g'):
        if (!str_eq(st->original, sb_str(&st->ed.text)) && !app_confirm(a, L(NOTE_DISCARD)))
            return RES_HANDLED;
        curs_set(0);
        return RES_CLOSE;
    case KEY_CTRL('e'):
    case KEY_FN(KEY_F(4)):
        external(st, a);
        return RES_HANDLED;
    case '\r':
    case '\n':
    case KEY_FN(KEY_ENTER):
        le_insert(&st->ed, "\n");
        return RES_HANDLED;
    case KEY_FN(KEY_UP):
        move_vertical(st, -1);
        return RES_HANDLED;
    case KEY_FN(KEY_DOWN):
        move_vertical(st, 1);
        return RES_HANDLED;
    case '\t':
        insert_tab(st);
        return RES_HANDLED;
    case KEY_CTRL('c'):
        return RES_IGNORED; /* quit stays available */
    default:
        break;
    }
    le_key(&st->ed, k);
    return RES_HANDLED;
}

static void done(screen *s)
{
    note_state *st = s->priv;
    if (st->free_ctx)
        st->free_ctx(st->ctx);
    le_free(&st->ed);
    free(st->original);
    free(st->title);
    free(st);
}

static const screen_ops note_ops = {
    .name = "note",
    .keys = NULL,
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .done = done,
};

screen *note_screen_new(app *a, const char *t, const char *text, note_save_fn save, void *ctx,
                        void (*free_ctx)(void *))
{
    (void)a;
    note_state *st = xcalloc(1, sizeof *st);
    st->title = xstrdup(t);
    st->original = xstrdup(text ? text : "");
    le_set(&st->ed, st->original);
    st->save = save;
    st->ctx = ctx;
    st->free_ctx = free_ctx;
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &note_ops;
    s->priv = st;
    return s;
}

void note_screen_keeps(screen *s)
{
    ((note_state *)s->priv)->keeps = true;
}

void note_screen_external(screen *s, app *a)
{
    external(s->priv, a);
}
