/* The CLI's output streams made safe for a terminal. Text from users, catalogs and arguments can
 * hold escape sequences (`\e]0;…\a` retitles the terminal, `\e[2J` clears it) or a carriage
 * return that overwrites its own line; the TUI never draws them, and neither does the CLI: every
 * byte it writes passes through a filter that shows them instead.
 *   C0 controls but newline and tab, and DEL   → caret notation: ESC → ^[, CR → ^M, DEL → ^?
 *   C1 controls and bidirectional overrides     → \uXXXX (inside JSON strings the same escape,
 *                                                  so --json output stays valid and equal)
 *   bytes that are not valid UTF-8               → U+FFFD
 * cJSON already escapes C0 controls in JSON, so caret notation never lands inside --json. */
#ifndef ANZEN_CLI_SAFE_OUT_H
#define ANZEN_CLI_SAFE_OUT_H

#include <stdio.h>

/* A stream that writes the filtered bytes to under (left open when this one is closed); NULL if
 * the stream cannot be made (the caller then writes to under directly). */
FILE *cli_safe_stream(FILE *under);

/* The filter itself on a whole string (tests; messages built in memory). Caller frees. */
char *cli_safe_text(const char *s);

#endif
