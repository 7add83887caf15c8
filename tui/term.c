#include "term.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "curses_inc.h"
#include <ncursesw/term.h> /* setupterm, tigetstr: the terminfo entry before curses starts (not "term.h": ours) */
#include "theme.h"
#include "base/lib.h"

static SCREEN *screen;
static bool active;       /* curses owns the terminal right now */
static int saved_stderr = -1;
static FILE *stderr_capture;
static bool atexit_done;
static int input_fd = -1; /* the terminal we read keys from, for term_input_pending */

static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTERM, SIGHUP, SIGQUIT, SIGINT};

bool term_available(void)
{
    return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

bool term_active(void)
{
    return active;
}

/* stderr → temporary file while curses runs. */
static void capture_stderr(void)
{
    fflush(stderr);
    stderr_capture = tmpfile();
    if (!stderr_capture)
        return;
    saved_stderr = dup(STDERR_FILENO);
    if (saved_stderr < 0 || dup2(fileno(stderr_capture), STDERR_FILENO) < 0) {
        if (saved_stderr >= 0)
            close(saved_stderr);
        saved_stderr = -1;
        fclose(stderr_capture);
        stderr_capture = NULL;
    }
}

static void replay_stderr(void)
{
    if (saved_stderr < 0)
        return;
    fflush(stderr);
    dup2(saved_stderr, STDERR_FILENO);
    close(saved_stderr);
    saved_stderr = -1;
    if (stderr_capture) {
        rewind(stderr_capture);
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, stderr_capture)) > 0)
            fwrite(buf, 1, n, stderr);
        fclose(stderr_capture);
        stderr_capture = NULL;
    }
}

static void on_fatal_signal(int sig)
{
    /* Best effort: endwin writes the reset sequences; then die with the same signal. */
    if (active) {
        active = false;
        endwin();
    }
    if (saved_stderr >= 0)
        dup2(saved_stderr, STDERR_FILENO);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < AZ_ARRAY_LEN(fatal_signals); i++)
        sigaction(fatal_signals[i], &sa, NULL);
}

static void restore_signals(void)
{
    for (size_t i = 0; i < AZ_ARRAY_LEN(fatal_signals); i++)
        signal(fatal_signals[i], SIG_DFL);
}

static void at_exit(void)
{
    term_stop();
}

term_fitness term_check(FILE *out, int *cols, int *rows)
{
    *cols = *rows = 0;
    const char *t = getenv("TERM");
    if (!t || !*t)
        setenv("TERM", "xterm", 1);
    int errret = 0;
    /* setupterm only reads the terminfo entry (errret given: it prints nothing, exits never). */
    if (setupterm(NULL, fileno(out), &errret) != OK)
        return errret == 1 ? TERM_NO_CURSOR : TERM_TYPE_UNKNOWN; /* 1: a hardcopy terminal; 0: no entry, -1: no terminfo */
    char *cup = tigetstr("cup");
    bool addressable = cup && cup != (char *)-1 && tigetflag("hc") <= 0 && tigetflag("gn") <= 0;
    struct winsize ws = {0};
    if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
        *cols = ws.ws_col;
        *rows = ws.ws_row;
    } else {
        *cols = tigetnum("cols") > 0 ? tigetnum("cols") : 0;
        *rows = tigetnum("lines") > 0 ? tigetnum("lines") : 0;
    }
    del_curterm(cur_term);
    if (!addressable)
        return TERM_NO_CURSOR;
    if (*cols && *rows && (*cols < TERM_MIN_COLS || *rows < TERM_MIN_ROWS))
        return TERM_TOO_SMALL;
    return TERM_FIT;
}

int term_start(FILE *in, FILE *out, char **err)
{
    if (!isatty(fileno(in)) || !isatty(fileno(out))) {
        *err = xstrdup("the workbench needs a terminal; use a command instead (see anzen --help)");
        return -1;
    }
    const char *t = getenv("TERM");
    if (!t || !*t)
        setenv("TERM", "xterm", 0);
    /* Esc should act at once, not after a second. */
    if (!getenv("ESCDELAY"))
        setenv("ESCDELAY", "25", 0);
    screen = newterm(NULL, out, in);
    if (!screen) {
        *err = xasprintf("cannot start the terminal (TERM=%s is unknown?)", getenv("TERM"));
        return -1;
    }
    set_term(screen);
    input_fd = fileno(in);
    active = true;
    if (!atexit_done) {
        atexit(at_exit);
        atexit_done = true;
    }
    install_signals();
    capture_stderr();
    raw(); /* Ctrl-C, Ctrl-S, Ctrl-Z arrive as keys; the app decides what they do */
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    meta(stdscr, TRUE);
    /* No curses typeahead check: it polled the input every few lines of an update (25 polls in
     * a first screen). The app already draws only once no key is waiting (app.c). */
    typeahead(-1);
    curs_set(0);
    theme_init();
    return 0;
}

void term_stop(void)
{
    if (active) {
        active = false;
        endwin();
    }
    if (screen) {
        delscreen(screen);
        screen = NULL;
    }
    replay_stderr();
    restore_signals();
}

bool term_input_pending(void)
{
    if (!active || input_fd < 0)
        return false;
    struct pollfd p = {.fd = input_fd, .events = POLLIN};
    return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

void term_suspend(void)
{
    if (!active)
        return;
    def_prog_mode();
    endwin();
    active = false;
}

void term_resume(void)
{
    if (active || !screen)
        return;
    reset_prog_mode();
    active = true;
    clearok(curscr, TRUE);
    refresh();
}

int term_edit_file(const char *path, char **err)
{
    const char *ed = getenv("VISUAL");
    if (!ed || !*ed)
        ed = getenv("EDITOR");
    if (!ed || !*ed)
        ed = "vi";
    term_suspend();
    /* The editor gets the real stderr. */
    int tmp_err = -1;
    if (saved_stderr >= 0) {
        fflush(stderr);
        tmp_err = dup(STDERR_FILENO);
        dup2(saved_stderr, STDERR_FILENO);
    }
    pid_t pid = fork();
    int status = -1;
    if (pid == 0) {
        setenv("ANZEN_EDITOR_CMD", ed, 1);
        /* $EDITOR may carry arguments ("code -w"): let the shell split it; the path is $1. */
        execl("/bin/sh", "sh", "-c", "exec $ANZEN_EDITOR_CMD \"$1\"", "sh", path, (char *)NULL);
        _exit(127);
    }
    if (pid > 0) {
        int ws;
        while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
            ;
        status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128;
    }
    if (tmp_err >= 0) {
        fflush(stderr);
        dup2(tmp_err, STDERR_FILENO);
        close(tmp_err);
    }
    term_resume();
    if (pid < 0) {
        *err = xasprintf("fork: %s", strerror(errno));
        return -1;
    }
    if (status == 127) {
        *err = xasprintf("cannot run \"%s\"", ed);
        return -1;
    }
    return status;
}
