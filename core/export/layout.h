/* Layout figures shared by the renderers, so every format sizes and rounds the same way. */
#ifndef ANZEN_EXPORT_LAYOUT_H
#define ANZEN_EXPORT_LAYOUT_H

#include "doc.h"

/* Width of table column c in terminal columns (全角 = 2): the width hint, widened for non-wrapping
 * columns to fit the widest line of the header and cells (at most 60), or for a column without a
 * hint the content width (at most 40 when it wraps, 60 when it does not); at least 4. */
int export_column_width(const export_table *t, size_t c);

/* Widest line of text (after cleaning), in terminal columns. */
int export_text_width(const char *raw);

/* How many lines text takes wrapped at `cols` columns (at least 1). */
int export_text_lines(const char *raw, int cols);

/* done/total as a whole percentage, rounded down (so 100% means all done); 0 when total is 0. */
int export_percent(long done, long total);

#endif
