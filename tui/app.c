#include "app.h"
#include "tui.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "draw.h"
#include "drawguard.h"
#include "lineedit.h"
#include "msg.h"
#include "screens/screens.h"
#include "term.h"
#include "text/lib.h"

void app_init(app *a, store *st, const session_opts *g)
{
    *a = (app){.st = st, .g = g, .english = g ? g->english : true};
    a->who = xstrdup(session_actor(g, &a->who_shared));
    const char *idle = getenv("ANZEN_TEST_IDLE_FILE");
    if (idle && *idle)
        a->idle_path = xstrdup(idle);
    const char *ex = getenv("ANZEN_EXIT_AFTER_DRAW");
    a->exit_after_draw = ex && str_eq(ex, "1");
    a->rows = LINES;
    a->cols = COLS;
    a->data_version = st ? store_data_version(st) : -1;
    drawguard_init(st);
}

static void screen_free(screen *s)
{
    if (s->ops->done)
        s->ops->done(s);
    free(s);
}

void app_free(app *a)
{
    while (a->depth > 0) /* no reload of the screens below: they are going too */
        screen_free(a->stack[--a->depth]);
    free(a->status);
    free(a->idle_path);
    free(a->who);
    free(a->counterpart);
}

void app_push(app *a, screen *s)
{
    if (a->depth >= (int)AZ_ARRAY_LEN(a->stack)) {
        if (s->ops->done)
            s->ops->done(s);
        free(s);
        return;
    }
    a->stack[a->depth++] = s;
}

static void reload(screen *s, app *a, unsigned why)
{
    if (s && s->ops->reload)
        s->ops->reload(s, a, why);
}

void app_pop(app *a)
{
    if (a->depth == 0)
        return;
    screen_free(a->stack[--a->depth]);
    reload(app_top(a), a, RELOAD_RESUME);
}

screen *app_top(app *a)
{
    return a->depth > 0 ? a->stack[a->depth - 1] : NULL;
}

bool app_check_external(app *a)
{
    if (!a->st)
        return false;
    long long v = store_data_version(a->st);
    if (v < 0 || v == a->data_version)
        return false;
    a->data_version = v;
    /* Only the top screen is shown; the ones below read everything again when they are resumed. */
    reload(app_top(a), a, RELOAD_EXTERNAL);
    return true;
}

rect app_screen_rect(const app *a)
{
    return (rect){.y = 1, .x = 0, .h = a->rows - 2, .w = a->cols};
}

void app_status(app *a, role r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    free(a->status);
    a->status = xvasprintf(fmt, ap);
    a->status_role = r;
    va_end(ap);
}

void app_status_error(app *a, status_detail *d)
{
    free(a->status);
    a->status = status_format(d, a->english);
    a->status_role = ROLE_STATUS_ERR;
    status_detail_free(d);
}

static void layout(app *a)
{
    a->rows = LINES;
    a->cols = COLS;
    a->too_small = a->cols < APP_MIN_COLS || a->rows < APP_MIN_ROWS;
}

static void draw_too_small(app *a)
{
    int y = a->rows / 2 - 1;
    if (y < 0)
        y = 0;
    const char *title = L(TOO_SMALL);
    char *need = msgf(MSG_TOO_SMALL_NEED, APP_MIN_COLS, APP_MIN_ROWS, a->cols, a->rows);
    const char *hint = L(TOO_SMALL_HINT);
    const char *lines[] = {title, need, hint};
    for (int i = 0; i < 3 && y + i < a->rows; i++) {
        int w = text_width(lines[i]);
        int x = w < a->cols ? (a->cols - w) / 2 : 0;
        draw_put(stdscr, y + i, x, a->cols, lines[i], i == 0 ? ROLE_WARNING : ROLE_NORMAL);
    }
    free(need);
}

/* The breadcrumb " anzen > A > B > C" in `cols` columns: when it does not fit, the leading
 * screens go first (" ~ > B > C"), so the current screen's title (the assessment: number,
 * catalog, fiscal year, scope) stays whole as long as it can; only then is it cut at its end.
 * The screen just before the last one (not the dashboard) comes back cut at its end when that
 * leaves it a few columns (" ~ > #1 テスト指~ > 提案"): at 80 columns the assessment of a
 * history, the walk or a note stays named. */
enum { BREADCRUMB_MIN_CUT = 8 }; /* columns under which a cut title says too little */

static char *breadcrumb(app *a, int cols)
{
    strlist seg = {0};
    for (int i = 0; i < a->depth; i++) {
        screen *s = a->stack[i];
        if (!s->ops->title)
            continue;
        strbuf t = {0};
        s->ops->title(s, a, &t);
        sl_push_owned(&seg, sb_take(&t));
    }
    strbuf sb = {0};
    size_t from = 0;
    for (;; from++) {
        sb_reset(&sb);
        sb_add(&sb, from == 0 ? " anzen" : " " DRAW_MARKER);
        for (size_t i = from; i < seg.len; i++)
            sb_addf(&sb, " > %s", seg.items[i]);
        if (text_width(sb_str(&sb)) <= cols || from + 1 >= seg.len)
            break;
    }
    int room = cols - text_width(sb_str(&sb)) - 3; /* " > " after the cut title */
    if (from >= 2 && from + 1 == seg.len && room >= BREADCRUMB_MIN_CUT) {
        /* only the last screen fitted: the one before it (not the dashboard, which says nothing
         * here) comes back, cut, in the room left */
        char *cut = text_truncate(seg.items[from - 1], room, DRAW_MARKER);
        for (size_t n = strlen(cut); n > 0 && cut[n - 1] == ' ';) /* the gap of a wide character cut off */
            cut[--n] = '\0';
        sb_reset(&sb);
        sb_addf(&sb, " " DRAW_MARKER " > %s > %s", cut, seg.items[from]);
        free(cut);
    }
    sl_free(&seg);
    return sb_take(&sb);
}

static void draw_title(app *a)
{
    strbuf badges = {0};
    for (int i = a->depth; i-- > 0 && !badges.len;)
        if (a->stack[i]->ops->badges)
            a->stack[i]->ops->badges(a->stack[i], a, &badges);
    int bw = text_width(sb_str(&badges));
    if (bw > 0 && bw + 2 + 20 <= a->cols) { /* the badges win over the titles, which give way */
        char *t = breadcrumb(a, a->cols - bw - 2);
        draw_fill(stdscr, 0, 0, a->cols, ROLE_TITLE);
        draw_text(stdscr, 0, 0, a->cols - bw - 2, t, ROLE_TITLE);
        draw_text(stdscr, 0, a->cols - bw - 1, bw, sb_str(&badges), ROLE_TITLE);
        free(t);
    } else {
        char *t = breadcrumb(a, a->cols);
        draw_text(stdscr, 0, 0, a->cols, t, ROLE_TITLE);
        free(t);
    }
    sb_free(&badges);
}

static void draw_status(app *a, const char *prompt_label)
{
    int y = a->rows - 1;
    screen *top = app_top(a);
    const char *hint = top && top->ops->hint ? top->ops->hint(top, a) : NULL;
    if (!hint)
        hint = a->depth <= 1 ? L(HINT_ROOT) : L(HINT_SUB);
    if (prompt_label) {
        draw_fill(stdscr, y, 0, a->cols, ROLE_NORMAL);
        return;
    }
    draw_fill(stdscr, y, 0, a->cols, ROLE_STATUS);
    int hw = text_width(hint);
    if (a->status && *a->status) {
        /* The message wins; the hint is shown only when both fit. */
        int mw = text_width(a->status);
        bool both = mw + 2 + hw + 1 <= a->cols;
        draw_text(stdscr, y, 0, both ? mw : a->cols, a->status, a->status_role);
        if (both)
            draw_put(stdscr, y, a->cols - hw - 1, a->cols, hint, ROLE_STATUS);
    } else {
        draw_put(stdscr, y, a->cols - hw - 1, a->cols, hint, ROLE_STATUS);
    }
}

static void draw_all(app *a, const char *prompt_label)
{
    layout(a);
    a->show_cursor = false;
    erase();
    if (a->too_small) {
        draw_too_small(a);
        return;
    }
    draw_title(a);
    screen *top = app_top(a);
    drawguard_enter();
    if (top && top->ops->draw)
        top->ops->draw(top, a, stdscr, app_screen_rect(a));
    draw_status(a, prompt_label);
    drawguard_leave();
}

void app_draw(app *a)
{
    draw_all(a, NULL);
    if (a->show_cursor && !a->too_small) {
        leaveok(stdscr, FALSE);
        move(a->cursor_y, a->cursor_x);
        curs_set(1);
    } else {
        /* The cursor is hidden: let curses leave it wherever its last write ended instead of
         * moving it back to the window's cursor position after every update. */
        leaveok(stdscr, TRUE);
        curs_set(0);
    }
    wnoutrefresh(stdscr);
    doupdate();
}

static void mark_idle(app *a)
{
    if (!a->idle_path)
        return;
    a->idle_count++;
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", a->idle_path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return;
    fprintf(f, "%lu\n", a->idle_count);
    fclose(f);
    rename(tmp, a->idle_path);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

typedef enum { READ_KEY, READ_TIMEOUT, READ_GONE } read_result;

/* Reads one key, waiting at most wait_ms (-1: as long as it takes). */
static read_result read_key(app *a, keycode *key, int wait_ms)
{
    int errors = 0;
    if (wait_ms != 0)
        store_snapshot_end(a->st); /* a person may take minutes: no read transaction held */
    timeout(wait_ms);
    for (;;) {
        wint_t ch;
        errno = 0;
        double t0 = now_ms();
        int r = get_wch(&ch);
        if (r == ERR) {
            if (errno == EINTR)
                continue;
            if (errno == EIO || errno == EBADF || errno == ENXIO)
                return READ_GONE;
            /* The terminal went away (hangup, closed pty): reads fail or hit end of file again and
             * again, at once. Waiting that ran its time is the timeout, not a failure. */
            if (wait_ms >= 0 && now_ms() - t0 >= wait_ms / 2.0)
                return READ_TIMEOUT;
            if (++errors > 100)
                return READ_GONE;
            continue;
        }
        if (r == KEY_CODE_YES) {
            if (ch == KEY_RESIZE)
                layout(a);
            *key = KEY_FN((int)ch);
        } else {
            *key = (keycode)ch;
        }
        store_snapshot_begin(a->st); /* what the key reads and draws, in one read transaction */
        return READ_KEY;
    }
}

bool app_getkey(app *a, keycode *key)
{
    mark_idle(a);
    return read_key(a, key, -1) == READ_KEY;
}

static void generic_action(app *a, action act)
{
    switch (act) {
    case ACT_QUIT:
        a->quit = true;
        break;
    case ACT_BACK:
        if (a->depth <= 1)
            a->quit = true;
        else
            app_pop(a);
        break;
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        break;
    case ACT_SUSPEND:
        term_suspend();
        kill(getpid(), SIGTSTP);
        term_resume();
        break;
    case ACT_HELP: {
        app_push(a, help_screen_new(a, app_top(a)));
        break;
    }
    default:
        break;
    }
}

void app_key(app *a, keycode key)
{
    /* Every key acts on what is in the database now, also when another process just wrote. */
    app_check_external(a);
    if (key == KEY_FN(KEY_RESIZE)) {
        /* layout already updated in app_getkey; the next draw repaints */
        reload(app_top(a), a, RELOAD_LAYOUT);
        return;
    }
    free(a->status);
    a->status = NULL;
    if (a->too_small) {
        /* Only quitting makes sense until the window is big enough again. */
        action act = keymap_lookup(NULL, key);
        if (act == ACT_QUIT || act == ACT_BACK || key == 'q')
            a->quit = true;
        return;
    }
    screen *top = app_top(a);
    if (!top)
        return;
    tui_event ev = {.key = key, .act = keymap_lookup(top->ops->keys, key)};
    int r = top->ops->handle ? top->ops->handle(top, a, &ev) : RES_IGNORED;
    if (r & RES_QUIT) {
        a->quit = true;
        return;
    }
    if ((r & RES_RELOAD) && !(r & RES_CLOSE))
        reload(top, a, RELOAD_SELF); /* top: the handler's screen, even if it pushed another */
    if (r & RES_CLOSE) {
        if (a->depth <= 1 && !a->pending)
            a->quit = true;
        else
            app_pop(a);
    }
    if (a->pending) {
        app_push(a, a->pending);
        a->pending = NULL;
    }
    if (r & RES_CLOSE)
        return;
    if (r == RES_IGNORED)
        generic_action(a, ev.act);
}

bool app_turn(app *a)
{
    keycode k;
    mark_idle(a);
    for (;;) {
        read_result r = read_key(a, &k, APP_IDLE_MS);
        if (r == READ_GONE)
            return false;
        if (r == READ_KEY)
            break;
        /* No key for a while: show what other processes wrote meanwhile. */
        if (app_check_external(a)) {
            app_draw(a);
            mark_idle(a);
        }
    }
    app_key(a, k);
    if (a->quit || a->depth == 0)
        return true;
    /* Typeahead: while more keys are already waiting (key repeat, a paste) handle them first
     * and draw once input settles. Drawing is a function of state, so nothing is lost, and
     * the screens in between (each a full detail pane) are never sent to the terminal. */
    if (!term_input_pending())
        app_draw(a);
    return true;
}

int app_run(app *a)
{
    app_draw(a);
    if (a->exit_after_draw)
        return TUI_EXIT_OK;
    while (!a->quit && a->depth > 0)
        if (!app_turn(a))
            return TUI_EXIT_FAILED;
    return TUI_EXIT_OK;
}

static bool prompt(app *a, const char *label, const char *initial, bool suggestion, char **out);

bool app_prompt(app *a, const char *label, const char *initial, char **out)
{
    return prompt(a, label, initial, true, out); /* a prefill is a suggestion: the first character typed replaces it */
}

bool app_prompt_edit(app *a, const char *label, const char *initial, char **out)
{
    return prompt(a, label, initial, false, out);
}

static bool prompt(app *a, const char *label, const char *initial, bool suggestion, char **out)
{
    lineedit le = {0};
    if (suggestion)
        le_suggest(&le, initial);
    else
        le_set(&le, initial);
    bool accepted = false;
    for (;;) {
        draw_all(a, label);
        if (!a->too_small) {
            int y = a->rows - 1;
            int x = draw_put(stdscr, y, 0, a->cols, label, ROLE_LABEL);
            int cx = le_draw(&le, stdscr, y, x, a->cols - x);
            leaveok(stdscr, FALSE);
            move(y, cx);
            curs_set(1);
        }
        wnoutrefresh(stdscr);
        doupdate();
        keycode k;
        if (!app_getkey(a, &k))
            break;
        if (k == KEY_FN(KEY_RESIZE))
            continue;
        le_result r = le_key(&le, k);
        if (r == LE_ACCEPT) {
            accepted = true;
            break;
        }
        if (r == LE_CANCEL)
            break;
    }
    curs_set(0);
    if (accepted)
        *out = sb_take(&le.text);
    le_free(&le);
    return accepted;
}

bool app_confirm(app *a, const char *question)
{
    for (;;) {
        draw_all(a, question);
        if (!a->too_small)
            draw_put(stdscr, a->rows - 1, 0, a->cols, question, ROLE_WARNING);
        wnoutrefresh(stdscr);
        doupdate();
        keycode k;
        if (!app_getkey(a, &k))
            return false;
        if (k == 'y' || k == 'Y')
            return true;
        if (k == KEY_FN(KEY_RESIZE))
            continue;
        return false;
    }
}

bool app_menu(app *a, const char *label, keycode *key)
{
    for (;;) {
        draw_all(a, label);
        if (!a->too_small)
            draw_put(stdscr, a->rows - 1, 0, a->cols, label, ROLE_LABEL);
        wnoutrefresh(stdscr);
        doupdate();
        keycode k;
        if (!app_getkey(a, &k))
            return false;
        if (k == KEY_FN(KEY_RESIZE))
            continue;
        if (k == KEY_ESC || k == KEY_CTRL('g'))
            return false;
        *key = k;
        return true;
    }
}
