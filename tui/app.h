/* The workbench engine: a stack of screens, the event loop, layout (title bar, screen area,
 * status line), the minimum-size check, and the single place that waits for a key.
 *
 * A screen is a module under tui/screens/ exporting one const screen_ops. Handlers change state
 * and return a result; they never draw. Drawing is a function of state, done by app_draw once
 * per loop turn (erase + draw + one doupdate: curses sends only the cells that changed), and
 * skipped while more keys are already waiting (typeahead), so a burst of keys draws once.
 *
 * Recalculating is apart from repainting (as htop's HandlerResult and neomutt's recalc/repaint):
 * a handler whose change means data must be read again returns RES_RELOAD and the app calls the
 * screen's reload op; draw functions never read the database. The app also calls reload when
 * another process has written to the database (a workshop: the vendor answers from another
 * terminal, `anzen answer set` from a script): it compares store_data_version on every key and
 * every APP_IDLE_MS while waiting, so the new data shows without a key. */
#ifndef ANZEN_TUI_APP_H
#define ANZEN_TUI_APP_H

#include <stdbool.h>

#include "actions.h"
#include "session/lib.h"
#include "curses_inc.h"
#include "store/lib.h"
#include "theme.h"
#include "base/lib.h"

#define APP_MIN_COLS 80
#define APP_MIN_ROWS 24

typedef struct app app;
typedef struct screen screen;

typedef struct {
    keycode key; /* what was pressed */
    action act;  /* what it means on this screen (ACT_NONE when unbound) */
} tui_event;

/* Result of a handler (bits). Any result but RES_IGNORED means the key was handled; the screen
 * is then repainted from its state. */
enum {
    RES_IGNORED = 0, /* not handled: the generic handler gets it */
    RES_HANDLED = 1,
    RES_CLOSE = 2, /* pop this screen */
    RES_QUIT = 4,
    RES_RELOAD = 8, /* handled, and the data changed: reload (RELOAD_SELF) before the next key or draw */
};

/* Why a screen's reload op is called (bits; a screen reads again what the reason may have changed). */
enum {
    RELOAD_SELF = 1,     /* its handler returned RES_RELOAD */
    RELOAD_RESUME = 2,   /* it is the top screen again: the one above closed, maybe after changes */
    RELOAD_EXTERNAL = 4, /* another process committed to the database */
    RELOAD_LAYOUT = 8,   /* the terminal was resized: more of a list may be visible */
};

/* How long the loop waits for a key before it looks for other processes' writes. */
#define APP_IDLE_MS 500

typedef struct {
    int y, x, h, w;
} rect;

typedef struct {
    const char *name;
    const keymap *keys;
    /* Title for the title bar (appended to sb). */
    void (*title)(screen *s, app *a, strbuf *sb);
    /* What must stay visible at the right of the title bar however narrow the terminal (who is
     * answering, the sign-off state); the titles are cut instead. The topmost screen of the stack
     * that has it gives it (a walk-through or the proposals above the navigator keep its badges). */
    void (*badges)(screen *s, app *a, strbuf *sb);
    /* Key hints for the status line's right side; NULL = the generic hint. */
    const char *(*hint)(screen *s, app *a);
    void (*draw)(screen *s, app *a, WINDOW *w, rect r);
    int (*handle)(screen *s, app *a, const tui_event *ev);
    /* Extra help lines that are data, not keymap (e.g. the catalog's answer keys): appends pairs. */
    void (*help_extra)(screen *s, app *a, strlist *keys, strlist *texts);
    /* Reads again from the database what the screen shows (why: RELOAD_* bits); the only place
     * besides the constructor and the handlers that reads. Keeps selection and scroll. */
    void (*reload)(screen *s, app *a, unsigned why);
    void (*done)(screen *s);
} screen_ops;

struct screen {
    const screen_ops *ops;
    void *priv;
};

struct app {
    store *st;
    const session_opts *g;
    bool english;
    char *who;        /* the actor of every change (session_actor, or the name asked at start) */
    bool who_shared;  /* who is only the login of a shared account (tui_run asks for a name) */
    char *counterpart; /* a workshop's other participant, asked once (workshop.c); NULL until then */
    screen *stack[16];
    int depth;
    char *status; /* message on the status line, cleared on the next key */
    role status_role;
    bool quit;
    bool too_small;
    int rows, cols;
    /* A screen that wants the hardware cursor (an editor) sets these while drawing. */
    bool show_cursor;
    /* A screen that closes itself with RES_CLOSE may leave a successor here; it is pushed after. */
    screen *pending;
    int cursor_y, cursor_x;
    /* Test hooks (environment): a file that counts how often the app went idle waiting for a key,
     * and exit right after the first full screen (benchmark). */
    char *idle_path;
    unsigned long idle_count;
    bool exit_after_draw;
    long long data_version; /* store_data_version when the shown data was last read */
};

void app_init(app *a, store *st, const session_opts *g);
void app_free(app *a);
void app_push(app *a, screen *s);
void app_pop(app *a);
screen *app_top(app *a);

/* The area a screen draws in: between the title bar and the status line. */
rect app_screen_rect(const app *a);
/* Reloads the top screen when another process has written to the database since the last look.
 * true when it did (the caller repaints). */
bool app_check_external(app *a);

/* Sets the status-line message (printf-style). */
void app_status(app *a, role r, const char *fmt, ...) AZ_PRINTF(3, 4);
/* Shows a failure core reported, in the UI language (status_format), as an error; releases *d. */
void app_status_error(app *a, status_detail *d);

/* Draws everything and flushes to the terminal. */
void app_draw(app *a);
/* Waits for one key; the only place that blocks. A resize is handled here (layout updated) and
 * returned as KEY_FN(KEY_RESIZE) so the caller repaints. Returns false when the terminal is gone. */
bool app_getkey(app *a, keycode *key);
/* One key through the top screen and the generic handler. */
void app_key(app *a, keycode key);
/* One turn of the loop: waits for a key, handles it, and draws unless more keys are already
 * waiting (typeahead). false when the terminal is gone. */
bool app_turn(app *a);
/* Runs until quit (app_turn after a first draw). Returns an exit code. */
int app_run(app *a);

/* A one-line prompt on the status line. Returns true with *out (caller frees) when accepted with
 * Enter, false on Esc. `initial` is a suggestion (le_suggest): shown selected, replaced by the
 * first character typed, kept for editing after an arrow, Home or End. */
bool app_prompt(app *a, const char *label, const char *initial, char **out);
/* The same with `initial` as text being edited, not a suggestion: typing adds to it (a form field
 * whose editing began with a typed character already in it). */
bool app_prompt_edit(app *a, const char *label, const char *initial, char **out);
/* A one-key menu: `label` on the status line, then one key into *key. false on Esc. */
bool app_menu(app *a, const char *label, keycode *key);
/* A yes/no question on the status line: true for y/Enter... */
bool app_confirm(app *a, const char *question);

#endif
