/* Line breaking in terminal columns, with the basic Japanese rules of JIS X 4051 (kinsoku shori):
 *   - no line starts with a closing bracket, 、。，．・：；！？, ー, 々ゝゞ, a small kana (っゃュ…),
 *     a wave dash or a postfix unit (％ ℃);
 *   - no line ends with an opening bracket （「『【 or a prefix sign (￥ ＄ ＃);
 *   - inseparable runs are kept whole: Latin words and numbers, references such as 1-② or
 *     6.0, and the doubled dashes ―― and ……;
 *   - Latin text breaks at spaces; Japanese text between any two characters the rules allow.
 * When the rules leave no break in a line (a URL wider than the line), the line is cut where it
 * is full. The spaces at a break are dropped. */
#ifndef ANZEN_TEXT_WRAP_H
#define ANZEN_TEXT_WRAP_H

#include <stddef.h>
#include <stdint.h>

#include "base/lib.h"

/* Whether a line may break before b when a precedes it (the rules above). */
bool text_can_break(int32_t a, int32_t b);
/* Splits the n bytes of one line (no newline in it) into lines of at most `cols` columns
 * (at least 1), appended to out. An empty line appends nothing. */
void text_wrap_line(const char *s, size_t n, int cols, strlist *out);
/* The same for text with newlines: each line wrapped, an empty line kept as "". */
void text_wrap(const char *s, int cols, strlist *out);

/* Tabs: a tab becomes spaces up to the next multiple of TEXT_TAB_STOP columns of its line, as a
 * terminal (and POSIX expand) shows it, measured in columns (a Japanese character counts 2). */
#define TEXT_TAB_STOP 8
/* Spaces a tab at column `col` (0-based, in its line) becomes. */
int text_tab_spaces(int col);
/* s with every tab expanded (see above); other characters unchanged. Caller frees. */
char *text_expand_tabs(const char *s);

/* s cut to at most `cols` columns by taking out its middle: the start and the end stay, with the
 * marker (1 column) between them. s itself (a copy) when it fits. Caller frees. */
char *text_truncate_middle(const char *s, int cols, const char *marker);

#endif
