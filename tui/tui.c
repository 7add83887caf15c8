/* tui_run: open the database first (its warnings go to the plain terminal), then start curses
 * through the lifecycle module, run the app, and always restore the terminal. */
#include "tui.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "cli/cli_internal.h"
#include "msg.h"
#include "screens/screens.h"
#include "term.h"
#include "util.h"

int tui_run(const cli_globals *g)
{
    /* Curses writes wide characters only in a UTF-8 locale. With a non-UTF-8 or missing locale
     * (LANG=C, or ja_JP.UTF-8 not generated) fall back to C.UTF-8 for the character type, which
     * glibc always has; the UI language was already chosen from the environment. */
    setlocale(LC_ALL, "");
    if (!str_eq(nl_langinfo(CODESET), "UTF-8") && !setlocale(LC_CTYPE, "C.UTF-8")) {
        fprintf(stderr, "anzen: the workbench needs a UTF-8 locale (for example LANG=ja_JP.UTF-8 or C.UTF-8)\n");
        return EXIT_USAGE;
    }
    msg_set_english(g->english);
    if (!term_available()) {
        fprintf(stderr, "anzen: the workbench needs a terminal (stdin and stdout must be a tty); "
                        "use a command instead (see anzen --help)\n");
        return EXIT_USAGE;
    }
    cli_ctx c = {.g = g, .out = stdout, .err = stderr};
    int r = cli_open(&c);
    if (r != 0)
        return r;
    char *err = NULL;
    if (term_start(stdin, stdout, &err) != 0) {
        fprintf(stderr, "anzen: %s\n", err);
        free(err);
        cli_close(&c);
        return EXIT_FAILURE_GENERAL;
    }
    app a;
    app_init(&a, c.st, g);
    app_push(&a, dashboard_screen_new(&a));
    if (store_readonly(c.st))
        app_status(&a, ROLE_STATUS_ERR, "%s", L(READONLY));
    int code = app_run(&a);
    app_free(&a);
    term_stop();
    cli_close(&c);
    return code;
}
