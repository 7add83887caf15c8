/* Text measured in terminal columns, never bytes.
 *
 * Width policy: widths come from utf8proc (Unicode East Asian Width), so they do not depend on
 * the libc locale tables. Wide and fullwidth characters take 2 columns; East Asian *ambiguous*
 * characters (○ ① ※ ■ …) take 1, as glibc's wcwidth() and ncurses do in UTF-8 locales — a
 * terminal set to draw them double width will misalign, so the UI avoids them in its own chrome.
 * Control and zero-width characters take 0; invalid UTF-8 bytes count as one U+FFFD (1 column). */
#ifndef ANZEN_TEXT_H
#define ANZEN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (n bytes available). Returns bytes consumed (≥1 when n ≥ 1);
 * invalid sequences yield U+FFFD and consume one byte. */
size_t utf8_decode(const char *s, size_t n, int32_t *cp);
int cp_width(int32_t cp);
/* Columns of a NUL-terminated UTF-8 string. */
int text_width(const char *s);
/* How many bytes of s fit in `cols` columns without splitting a character. *used gets the width. */
size_t text_fit(const char *s, int cols, int *used);
/* s cut to at most `cols` columns; when cut, the last column holds `marker` (1 column, e.g. "…" or "~")
 * and a double-width character that would straddle the edge is dropped. Caller frees. */
char *text_truncate(const char *s, int cols, const char *marker);
/* s padded with spaces (or cut with the marker) to exactly `cols` columns. Caller frees. */
char *text_pad(const char *s, int cols, const char *marker);
/* NFKC + case fold, for search: full-width and half-width forms compare equal. Caller frees. */
char *text_fold(const char *s);
/* Does haystack contain needle after folding both? */
bool text_contains_folded(const char *haystack_folded, const char *needle_folded);
/* Is s valid UTF-8? */
bool utf8_valid(const char *s);

#endif
