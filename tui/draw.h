/* Drawing primitives: text placed and cut in terminal columns (core/text.h), never bytes.
 * Control characters are shown as spaces so a stray newline or tab in data cannot move the
 * cursor; a cut is marked with DRAW_MARKER in the last column, and a double-width character is
 * never split (the gap is filled with a space). */
#ifndef ANZEN_TUI_DRAW_H
#define ANZEN_TUI_DRAW_H

#include "curses_inc.h"
#include "theme.h"
#include "base/lib.h"

/* One column, ASCII: East Asian ambiguous characters such as "…" can be two columns wide in a
 * Japanese terminal, so our chrome avoids them (see the policy in core/text.h). */
#define DRAW_MARKER "~"

/* Draws s at (y, x) in exactly `cols` columns (padded or cut). */
void draw_text(WINDOW *w, int y, int x, int cols, const char *s, role r);
/* Draws s from (y, x), not beyond column `limit` (exclusive); cut with the marker. Returns the
 * column after the text. Nothing drawn when x >= limit. */
int draw_put(WINDOW *w, int y, int x, int limit, const char *s, role r);
/* Fills `cols` columns with spaces in role r. */
void draw_fill(WINDOW *w, int y, int x, int cols, role r);
/* A progress bar of `cols` columns: done/total as '#' then '-' . */
void draw_bar(WINDOW *w, int y, int x, int cols, int done, int total);
/* Copy of s with control characters replaced by spaces. Caller frees. */
char *draw_sanitize(const char *s);

/* Splits s into lines of at most `cols` columns, honouring newlines, with control characters
 * shown as spaces: breaking at spaces in Latin text and between Japanese characters where the
 * JIS X 4051 rules allow (text_wrap_line, core/text/wrap.h). Appends to out. */
void wrap_text(const char *s, int cols, strlist *out);

#endif
