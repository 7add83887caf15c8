/* tui_run: open the database first (its warnings go to the plain terminal), then start curses
 * through the lifecycle module, run the app, and always restore the terminal. */
#include "tui.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "msg.h"
#include "screens/screens.h"
#include "term.h"
#include "base/lib.h"

/* Before curses starts, so warnings about catalog files reach the plain terminal. */
static int open_database(const session_opts *g, store **st)
{
    status_detail err = {0};
    diag_list warnings = {0};
    status_code r = session_open(g, st, &warnings, &err);
    for (size_t i = 0; i < warnings.len; i++) {
        char *m = diag_format(&warnings.items[i]);
        fprintf(stderr, "anzen: warning: %s\n", m);
        free(m);
    }
    diag_free(&warnings);
    if (r == STATUS_OK)
        return TUI_EXIT_OK;
    char *m = status_format(&err, g->english);
    fprintf(stderr, "anzen: %s\n", m);
    free(m);
    status_detail_free(&err);
    return status_exit_code(r);
}

/* Strips ASCII and full-width (U+3000, what a Japanese IME types) spaces from both ends. */
static char *trim_name(const char *in)
{
    static const char *const blanks[] = {" ", "\t", "\u3000"};
    const char *b = in, *e = in + strlen(in);
    for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; i < AZ_ARRAY_LEN(blanks); i++) {
            size_t n = strlen(blanks[i]);
            if ((size_t)(e - b) >= n && strncmp(b, blanks[i], n) == 0)
                b += n, again = true;
            if ((size_t)(e - b) >= n && strncmp(e - n, blanks[i], n) == 0)
                e -= n, again = true;
        }
    }
    return xstrndup(b, (size_t)(e - b));
}

/* On a shared account (root, "guest" ...) the login says nothing about who answered: ask once.
 * Esc or an empty answer keeps the login name, so the workbench never blocks on it. */
static void ask_actor(app *a)
{
    if (!a->who_shared)
        return;
    char *label = msgf(MSG_WHO_PROMPT, a->who);
    char *in = NULL;
    if (app_prompt(a, label, "", &in)) {
        char *name = trim_name(in);
        if (*name) {
            free(a->who);
            a->who = name;
            name = NULL;
        }
        free(name);
    }
    free(in);
    free(label);
    char *m = msgf(MSG_WHO_IS, a->who);
    app_status(a, ROLE_STATUS, "%s", m);
    free(m);
}

/* A terminal that cannot show the workbench is refused before anything is drawn (or the database
 * opened): TERM=dumb, an unknown TERM, a window too small even for the "too small" notice. */
static bool terminal_fits(void)
{
    int cols = 0, rows = 0;
    char *m = NULL;
    switch (term_check(stdout, &cols, &rows)) {
    case TERM_FIT: return true;
    case TERM_TYPE_UNKNOWN: m = msgf(MSG_TERM_UNKNOWN, getenv("TERM")); break;
    case TERM_NO_CURSOR: m = msgf(MSG_TERM_NO_CURSOR, getenv("TERM")); break;
    case TERM_TOO_SMALL: m = msgf(MSG_TERM_TINY, cols, rows, APP_MIN_COLS, APP_MIN_ROWS); break;
    }
    fprintf(stderr, "anzen: %s\n", m);
    free(m);
    return false;
}

int tui_run(const session_opts *g)
{
    /* Curses writes wide characters only in a UTF-8 locale. With a non-UTF-8 or missing locale
     * (LANG=C, or ja_JP.UTF-8 not generated) fall back to C.UTF-8 for the character type, which
     * glibc always has; the UI language was already chosen from the environment. Only the
     * character type: numbers, times and sorting stay the C locale's (a "12,5 %" under de_DE is
     * not ours to print), and the other categories' files are not loaded at every start. */
    setlocale(LC_CTYPE, "");
    if (!str_eq(nl_langinfo(CODESET), "UTF-8") && !setlocale(LC_CTYPE, "C.UTF-8")) {
        fprintf(stderr, "anzen: the workbench needs a UTF-8 locale (for example LANG=ja_JP.UTF-8 or C.UTF-8)\n");
        return TUI_EXIT_USAGE;
    }
    msg_set_english(g->english);
    if (!term_available()) {
        fprintf(stderr, "anzen: the workbench needs a terminal (stdin and stdout must be a tty); "
                        "use a command instead (see anzen --help)\n");
        return TUI_EXIT_USAGE;
    }
    if (!terminal_fits())
        return TUI_EXIT_USAGE;
    store *st = NULL;
    int r = open_database(g, &st);
    if (r != TUI_EXIT_OK)
        return r;
    char *err = NULL;
    if (term_start(stdin, stdout, &err) != 0) {
        fprintf(stderr, "anzen: %s\n", err);
        free(err);
        store_close(st);
        return TUI_EXIT_FAILED;
    }
    app a;
    app_init(&a, st, g);
    app_push(&a, dashboard_screen_new(&a));
    ask_actor(&a);
    if (store_readonly(st))
        app_status(&a, ROLE_STATUS_ERR, "%s", L(READONLY));
    int code = app_run(&a);
    app_free(&a);
    term_stop();
    store_close(st);
    return code;
}
