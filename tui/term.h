/* Terminal lifecycle: the only module that starts and ends curses.
 *
 * term_start checks that both ends are terminals (else a clear error, no curses at all), starts
 * curses with newterm (which reports failure instead of exiting), and from then on restores the
 * terminal on every path: term_stop on normal exit, an atexit hook, and handlers for crash and
 * termination signals (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTERM, SIGHUP, SIGQUIT), which
 * restore and then re-raise so the exit status still tells what happened. While curses owns the
 * screen, stderr goes to a temporary file and is replayed after the terminal is restored, so a
 * library warning never scribbles over the screen. term_suspend/term_resume wrap $EDITOR. */
#ifndef ANZEN_TUI_TERM_H
#define ANZEN_TUI_TERM_H

#include <stdbool.h>
#include <stdio.h>

/* Is there a terminal on stdin and stdout? */
bool term_available(void);
/* Whether the terminal on `out` can show the workbench, found from terminfo and the window size
 * before curses starts, so a refusal writes nothing to the terminal and leaves its modes alone. */
typedef enum {
    TERM_FIT,         /* go ahead */
    TERM_TYPE_UNKNOWN, /* no terminfo entry for $TERM */
    TERM_NO_CURSOR,   /* no cursor addressing: TERM=dumb, a hardcopy or generic type */
    TERM_TOO_SMALL,   /* smaller than TERM_MIN_COLS x TERM_MIN_ROWS: not even the "too small" notice fits */
} term_fitness;
#define TERM_MIN_COLS 40
#define TERM_MIN_ROWS 4
/* *cols, *rows: the size found (0 when unknown). Sets TERM=xterm when it is unset or empty. */
term_fitness term_check(FILE *out, int *cols, int *rows);
/* Starts curses on in/out (usually stdin/stdout). 0, or -1 with *err (caller frees). */
int term_start(FILE *in, FILE *out, char **err);
/* Restores the terminal; safe to call more than once and when never started. */
void term_stop(void);
bool term_active(void);
/* Are more keys already waiting to be read (typeahead: key repeat, a paste)? Never blocks.
 * Bytes curses has already taken into its own buffer are not seen (then it answers false). */
bool term_input_pending(void);
/* Leaves curses mode temporarily (for a child process) and comes back. */
void term_suspend(void);
void term_resume(void);
/* Runs $VISUAL, else $EDITOR, else vi, on `path` with the terminal handed over. Returns the
 * editor's exit status (0 = fine) or -1 with *err when it could not run. */
int term_edit_file(const char *path, char **err);

#endif
