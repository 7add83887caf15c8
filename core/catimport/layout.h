/* A sheet layout (`anzen-sheet-layout/1`, data/README.md "Importing a form from its spreadsheet"):
 * which sheet of a workbook, which row holds the column titles, which columns hold the item
 * number, the section, the item text, a short title and the per-device answer columns, the answer
 * set, and the catalog identity the import writes by default. Loaded from a small YAML file; every
 * error names file:line:col (status codes LAYOUT_*). */
#ifndef ANZEN_CATIMPORT_LAYOUT_H
#define ANZEN_CATIMPORT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog/lib.h"

#define IMPORT_LAYOUT_FORMAT "anzen-sheet-layout/1"

/* A column: by letter (col set), or by its title in the header row (title set, col resolved when
 * the sheet is read). */
typedef struct {
    bool used;
    uint32_t col;  /* 0-based */
    char *title;   /* NULL when given by letter */
    int line;      /* in the layout file, for messages */
} import_column;

typedef struct {
    import_column column;
    char *tag;         /* the catalog tag of the device: "server" */
    i18n_text label;   /* "サーバ" */
} import_device;

typedef struct {
    char *path;
    char *sheet;        /* NULL = the first sheet (XLSX); ignored for CSV */
    uint32_t header_row; /* 1-based; 0 = auto: the first row holding every column given by title */
    uint32_t last_row;  /* 1-based, 0 = to the end */
    import_column number, text, section, title;
    import_device *devices;
    size_t ndevices;
    strlist absent;     /* device cell values meaning "not asked for this device" */
    answer_def *answers;
    size_t nanswers;
    unsigned dates;     /* catalog date bits, as catalog.h */
    /* the catalog written (each may be overridden by the command) */
    char *id, *version, *kind, *publisher, *published, *source_url;
    i18n_text catalog_title;
} import_layout;

status_code import_layout_load(const char *path, import_layout **out, status_detail *err);
void import_layout_free(import_layout *l);

#endif
