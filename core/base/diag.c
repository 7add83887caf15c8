#include "diag.h"

#include <stdlib.h>

void diag_add(diag_list *dl, const char *file, int line, int col, const char *fmt, ...)
{
    GROW(dl->items, dl->cap, dl->len + 1);
    va_list ap;
    va_start(ap, fmt);
    dl->items[dl->len++] = (diag){
        .file = file ? xstrdup(file) : NULL,
        .line = line,
        .col = col,
        .message = xvasprintf(fmt, ap),
    };
    va_end(ap);
}

void diag_take_all(diag_list *dst, diag_list *src)
{
    for (size_t i = 0; i < src->len; i++) {
        GROW(dst->items, dst->cap, dst->len + 1);
        dst->items[dst->len++] = src->items[i];
    }
    free(src->items);
    *src = (diag_list){0};
}

char *diag_format(const diag *d)
{
    if (d->file && d->line > 0)
        return xasprintf("%s:%d:%d: %s", d->file, d->line, d->col, d->message);
    if (d->file)
        return xasprintf("%s: %s", d->file, d->message);
    return xstrdup(d->message);
}

void diag_print(const diag_list *dl, FILE *out)
{
    for (size_t i = 0; i < dl->len; i++) {
        char *s = diag_format(&dl->items[i]);
        fprintf(out, "%s\n", s);
        free(s);
    }
}

void diag_free(diag_list *dl)
{
    for (size_t i = 0; i < dl->len; i++) {
        free(dl->items[i].file);
        free(dl->items[i].message);
    }
    free(dl->items);
    *dl = (diag_list){0};
}
