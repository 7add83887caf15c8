/* Editing a UTF-8 string with a cursor: one-line prompts and the note editor share it.
 * Characters arrive as code points from get_wch, so IME input (Japanese) is inserted whole. */
#ifndef ANZEN_TUI_LINEEDIT_H
#define ANZEN_TUI_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actions.h"
#include "curses_inc.h"
#include "base/lib.h"

typedef struct {
    strbuf text;
    size_t cur;     /* byte offset of the cursor, always on a character boundary */
    bool suggested; /* the text is a suggestion: the first typed character replaces it */
} lineedit;

typedef enum { LE_CONTINUE, LE_ACCEPT, LE_CANCEL, LE_UNHANDLED } le_result;

void le_set(lineedit *le, const char *s);
/* Sets a suggested value (a prompt's prefill: today's date, the current value): shown selected;
 * the first character typed replaces it, Backspace/Delete clear it, and a cursor key (arrows,
 * Home, End, ^A ^E) keeps it for editing. Enter takes it as it is. */
void le_suggest(lineedit *le, const char *s);
void le_free(lineedit *le);
/* Inserts s at the cursor. */
void le_insert(lineedit *le, const char *s);
/* Editing keys (characters, Backspace, Delete, Left/Right, Home/End, ^A ^E ^K ^U); Enter
 * accepts, Esc/^G cancels. Keys it does not know → LE_UNHANDLED. */
le_result le_key(lineedit *le, keycode key);
/* Draws the text in `cols` columns at (y, x), scrolled so the cursor is visible; returns the
 * cursor's screen column. */
int le_draw(const lineedit *le, WINDOW *w, int y, int x, int cols);
/* Encodes one code point as UTF-8 into buf (≥ 5 bytes, NUL-terminated). Returns the length. */
int utf8_put(char *buf, uint32_t cp);
/* Byte offset of the character before / after `off` in s. */
size_t utf8_prev(const char *s, size_t off);
size_t utf8_next(const char *s, size_t len, size_t off);

#endif
