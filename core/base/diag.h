/* Diagnostics: errors collected with their position so all of a file's problems are shown at once. */
#ifndef ANZEN_DIAG_H
#define ANZEN_DIAG_H

#include <stdio.h>

#include "util.h"

typedef struct {
    char *file;    /* may be NULL */
    int line, col; /* 1-based; 0 when unknown */
    char *message;
} diag;

typedef struct {
    diag *items;
    size_t len, cap;
} diag_list;

void diag_add(diag_list *dl, const char *file, int line, int col, const char *fmt, ...) AZ_PRINTF(5, 6);
/* Moves all of src into dst. */
void diag_take_all(diag_list *dst, diag_list *src);
/* "file:line:col: message" (parts that are unknown are left out). Caller frees. */
char *diag_format(const diag *d);
void diag_print(const diag_list *dl, FILE *out);
void diag_free(diag_list *dl);

#endif
