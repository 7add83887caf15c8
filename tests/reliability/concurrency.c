/* Concurrency test: several CLI writers answer the same items of one database at once for a
 * bounded time, with the TUI open on the same database in a tmux pty answering too (when tmux
 * is there). No command may fail except with a clear "busy" after SQLite's timeout; afterwards
 * every acknowledged answer is in the history, the history chains are unbroken, integrity_check
 * is ok, and the TUI saved answers, showed no error and quits cleanly.
 *
 *   anzen-concurrency ANZEN [--writers N] [--seconds S] [--no-tui]
 */
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/lib.h"
#include "harness.h"

#define CATALOG "mhlw-checklist-hospital"
#define VERSION "R7"

static const char *bin;
static char *dir, *db_path, *sock;
static long problems;

AZ_PRINTF(1, 2) static void problem(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "concurrency: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    problems++;
}

static void sleep_ms(long ms)
{
    struct timespec d = {ms / 1000, (ms % 1000) * 1000000};
    nanosleep(&d, NULL);
}

static bool is_busy(const char *err)
{
    return strstr(err, "busy") || strstr(err, "locked");
}

/* One writer: answers random items until the deadline; writes "acked <note>", "busy" and
 * "error <message>" lines to its report file. */
static void writer(int id, char **items, size_t nitems, double until_ms)
{
    char *report = xasprintf("%s/writer-%d.txt", dir, id);
    FILE *out = fopen(report, "w");
    if (!out)
        _exit(2);
    char user[16];
    snprintf(user, sizeof user, "w%d", id);
    setenv("ANZEN_USER", user, 1);
    harness_seed((unsigned long long)id * 7919 + (unsigned long long)getpid());
    for (long n = 1; harness_now_ms() < until_ms; n++) {
        char note[48];
        snprintf(note, sizeof note, "w%d-%ld", id, n);
        const char *item = items[(size_t)(harness_rand() * (double)nitems) % nitems];
        /* a reason with every answer: いいえ needs one, はい takes it too */
        const char *args[] = {"anzen", "answer", "set", "1", item, harness_rand() < 0.5 ? "yes" : "no", "--note", note,
                              "--reason", "concurrency", NULL};
        run_result r;
        harness_run(bin, args, -1, &r);
        if (r.code == 0)
            fprintf(out, "acked %s\n", note);
        else if (is_busy(r.err))
            fprintf(out, "busy\n");
        else
            fprintf(out, "error exit %d: %.200s\n", r.code, r.err);
        fflush(out);
    }
    fclose(out);
    free(report);
    _exit(0);
}

/* --- the TUI in a tmux pty ------------------------------------------------------------- */

static int tmux(const char *const args[], char *out, size_t outsz)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        /* Without output wanted, stdout is /dev/null: a tmux server started by this client
         * inherits it and would hold a pipe open for ever. */
        int null = open("/dev/null", O_RDWR);
        dup2(out ? fds[1] : null, 1);
        dup2(null, 2);
        dup2(null, 0);
        close(fds[0]);
        close(fds[1]);
        const char *argv[32] = {"tmux", "-L", sock, "-f", "/dev/null"};
        size_t n = 5;
        for (size_t i = 0; args[i] && n < 31; i++)
            argv[n++] = args[i];
        char **av = xcalloc(n + 1, sizeof *av);
        for (size_t i = 0; i < n; i++)
            av[i] = xstrdup(argv[i]);
        execvp("tmux", av);
        _exit(127);
    }
    close(fds[1]);
    size_t len = 0;
    ssize_t k;
    char sink[4096];
    while ((k = read(fds[0], out && len + 1 < outsz ? out + len : sink,
                     out && len + 1 < outsz ? outsz - 1 - len : sizeof sink)) > 0)
        if (out && len + 1 < outsz)
            len += (size_t)k;
    if (out)
        out[len] = 0;
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void keys(const char *k1, const char *k2)
{
    const char *args[] = {"send-keys", "-t", "main", k1, k2, NULL};
    tmux(args, NULL, 0);
}

static void screen(char *buf, size_t n)
{
    const char *args[] = {"capture-pane", "-p", "-t", "main", NULL};
    tmux(args, buf, n);
}

static bool tui_start(void)
{
    if (system("command -v tmux >/dev/null 2>&1") != 0)
        return false;
    char *cmd = xasprintf("env ANZEN_USER=tui TERM=screen '%s' --db '%s'; echo \"[anzen exited $?]\"; sleep 600", bin,
                          db_path);
    const char *args[] = {"new-session", "-d", "-s", "main", "-x", "100", "-y", "30", cmd, NULL};
    bool ok = tmux(args, NULL, 0) == 0;
    free(cmd);
    if (!ok)
        return false;
    sleep_ms(800);
    keys("Enter", ""); /* open the first assessment */
    sleep_ms(500);
    return true;
}

/* The last two non-empty lines of a screen (the status line and the key hints), where the TUI
 * reports what was saved or what went wrong; item text above may say anything. */
static const char *status_lines(const char *buf)
{
    const char *end = buf + strlen(buf);
    while (end > buf && (end[-1] == '\n' || end[-1] == ' '))
        end--;
    const char *p = end;
    for (int lines = 0; p > buf; p--)
        if (p[-1] == '\n' && ++lines == 2)
            break;
    return p;
}

/* One answer in the TUI: move, answer y or n (いいえ asks for a reason: one is typed); every
 * screen is checked for an error. */
static void tui_step(long step, long *busy, long *errors)
{
    keys((step / 12) % 2 ? "Up" : "Down", step % 2 ? "y" : "n");
    if (!(step % 2)) {
        sleep_ms(30);
        keys("r", "Enter");
    }
    sleep_ms(60);
    char buf[8192];
    screen(buf, sizeof buf);
    const char *status = status_lines(buf);
    if (strstr(status, "busy") || strstr(status, "locked"))
        (*busy)++;
    else if (strstr(status, "atabase") || strstr(status, "rror") || strstr(status, "[anzen exited")) {
        if (*errors == 0)
            problem("the TUI shows an error:\n%s", buf);
        (*errors)++;
    }
}

static bool tui_quit(void)
{
    keys("Escape", "Escape");
    sleep_ms(100);
    keys("q", "");
    sleep_ms(200);
    keys("Q", "");
    char buf[8192] = "";
    for (int i = 0; i < 100 && !strstr(buf, "[anzen exited"); i++) {
        sleep_ms(50);
        screen(buf, sizeof buf);
    }
    bool clean = strstr(buf, "[anzen exited 0]") != NULL;
    if (!clean)
        problem("the TUI did not exit cleanly:\n%s", buf);
    const char *args[] = {"kill-server", NULL};
    tmux(args, NULL, 0);
    return clean;
}

/* A watchdog: a hung run must not leave a tmux server and a TUI behind. */
static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "concurrency: timed out\n";
    (void)!write(2, msg, sizeof msg - 1);
    const char *args[] = {"kill-server", NULL};
    tmux(args, NULL, 0);
    _exit(1);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: anzen-concurrency ANZEN [--writers N] [--seconds S] [--no-tui]\n");
        return 2;
    }
    bin = argv[1];
    int nwriters = 3;
    double seconds = 20;
    bool want_tui = true;
    for (int i = 2; i < argc; i++) {
        if (str_eq(argv[i], "--writers") && i + 1 < argc)
            nwriters = atoi(argv[++i]);
        else if (str_eq(argv[i], "--seconds") && i + 1 < argc)
            seconds = atof(argv[++i]);
        else if (str_eq(argv[i], "--no-tui"))
            want_tui = false;
    }
    dir = harness_tmpdir("concurrency");
    db_path = xasprintf("%s/anzen.db", dir);
    sock = xasprintf("anzen-concurrency-%d", (int)getpid());
    setenv("HOME", dir, 1);
    setenv("ANZEN_DB", db_path, 1);
    unsetenv("XDG_DATA_HOME");

    run_result r;
    const char *setup[] = {"anzen", "assess", "new", CATALOG "@" VERSION, "--fy", "2025", NULL};
    harness_run(bin, setup, -1, &r);
    if (r.code != 0) {
        fprintf(stderr, "concurrency: cannot create the assessment: %s\n", r.err);
        return 2;
    }
    sqlite3 *db = harness_db(db_path);
    char **items;
    size_t nitems = harness_items(db, CATALOG, VERSION, &items);
    sqlite3_close(db);

    signal(SIGALRM, on_alarm);
    alarm((unsigned)seconds + 120);
    bool tui = want_tui && tui_start();
    double t0 = harness_now_ms(), until = t0 + seconds * 1000;
    pid_t *pids = xcalloc((size_t)nwriters, sizeof *pids);
    for (int w = 0; w < nwriters; w++) {
        pids[w] = fork();
        if (pids[w] == 0)
            writer(w + 1, items, nitems, until);
    }
    long tui_steps = 0, tui_busy = 0, tui_errors = 0;
    while (tui && harness_now_ms() < until)
        tui_step(tui_steps++, &tui_busy, &tui_errors);
    for (int w = 0; w < nwriters; w++) {
        int status;
        waitpid(pids[w], &status, 0);
    }
    double secs = (harness_now_ms() - t0) / 1000;
    bool tui_clean = tui && tui_quit();

    db = harness_db(db_path);
    long acked = 0, busy = 0, errors = 0, lost = 0;
    for (int w = 1; w <= nwriters; w++) {
        char *report = xasprintf("%s/writer-%d.txt", dir, w);
        FILE *in = fopen(report, "r");
        char line[512];
        while (in && fgets(line, sizeof line, in)) {
            line[strcspn(line, "\n")] = 0;
            if (str_starts(line, "acked ")) {
                acked++;
                char *sql = xasprintf("SELECT count(*) FROM history WHERE field = 'note' AND new_value = '%s'", line + 6);
                if (harness_int(db, sql) != 1) {
                    problem("acknowledged answer %s is missing", line + 6);
                    lost++;
                }
                free(sql);
            } else if (str_eq(line, "busy")) {
                busy++;
            } else {
                if (errors++ < 5)
                    problem("writer %d: %s", w, line);
            }
        }
        if (in)
            fclose(in);
        free(report);
    }
    long long tui_saved = harness_int(db, "SELECT count(*) FROM history_action WHERE who = 'tui' AND kind = 'answer'");
    char *integrity = harness_integrity(db);
    long long broken = harness_broken_chains(db);
    sqlite3_close(db);
    if (!str_eq(integrity, "ok"))
        problem("integrity_check: %s", integrity);
    if (broken)
        problem("%lld history rows break their chain", broken);
    if (acked == 0)
        problem("no writer got an answer saved");
    if (tui && tui_saved == 0)
        problem("the TUI saved nothing in %ld steps", tui_steps);

    printf("concurrency: %d CLI writers%s for %.1f s\n", nwriters, tui ? " + the TUI in tmux" : " (no TUI: tmux missing)",
           secs);
    printf("concurrency: acknowledged %ld, lost %ld, busy %ld, other errors %ld\n", acked, lost, busy, errors);
    if (tui)
        printf("concurrency: TUI %ld keystrokes, %lld answers saved, busy %ld, errors %ld, clean exit %s\n", tui_steps,
               tui_saved, tui_busy, tui_errors, tui_clean ? "yes" : "no");
    printf("concurrency: integrity_check %s, %lld broken chains\n", integrity, broken);
    free(integrity);
    for (size_t i = 0; i < nitems; i++)
        free(items[i]);
    free(items);
    free(pids);
    harness_rm_rf(dir);
    free(sock);
    free(db_path);
    free(dir);
    return problems ? 1 : 0;
}
