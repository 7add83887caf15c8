#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "text/lib.h"
#include "base/lib.h"

enum { MIN_WIDTH = 4, MAX_WIDTH = 60, MAX_WRAP_WIDTH = 40 };

/* Calls fn(width) for each line of the cleaned text. */
static void each_line_width(const char *raw, void (*fn)(int w, void *ctx), void *ctx)
{
    char *c = export_clean(raw, true);
    char *p = c;
    for (;;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        fn(text_width(p), ctx);
        if (!nl)
            break;
        p = nl + 1;
    }
    free(c);
}

static void keep_max(int w, void *ctx)
{
    int *max = ctx;
    if (w > *max)
        *max = w;
}

int export_text_width(const char *raw)
{
    int max = 0;
    each_line_width(raw, keep_max, &max);
    return max;
}

typedef struct {
    int cols, lines;
} line_count;

static void add_lines(int w, void *ctx)
{
    line_count *lc = ctx;
    lc->lines += w <= lc->cols ? 1 : (w + lc->cols - 1) / lc->cols;
}

int export_text_lines(const char *raw, int cols)
{
    line_count lc = {cols > 0 ? cols : 1, 0};
    each_line_width(raw, add_lines, &lc);
    return lc.lines > 0 ? lc.lines : 1;
}

int export_column_width(const export_table *t, size_t c)
{
    const export_column *col = &t->cols[c];
    int content = export_text_width(col->header);
    for (size_t r = 0; r < t->nrows; r++)
        if (t->rows[r].kind == EXPORT_ROW_CELLS) {
            int w = export_text_width(t->rows[r].cells[c]);
            if (w > content)
                content = w;
        }
    int w;
    if (col->width > 0)
        w = col->wrap ? col->width : (content > col->width ? content : col->width);
    else
        w = content;
    int cap = col->wrap ? MAX_WRAP_WIDTH : MAX_WIDTH;
    if (col->width > cap)
        cap = col->width;
    if (w > cap)
        w = cap;
    return w < MIN_WIDTH ? MIN_WIDTH : w;
}

int export_percent(long done, long total)
{
    if (total <= 0)
        return 0;
    return (int)((done * 100) / total);
}
