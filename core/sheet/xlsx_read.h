/* Reading XLSX workbooks (libzip for the package, libxml2 for the parts): the sheets, each
 * cell's value by reference (shared strings, inline strings, numbers, booleans, errors, the
 * cached value of a formula) and merged ranges. Styles are not interpreted: a date cell reads
 * as its serial number.
 *
 * Used by the tests to read every XLSX export back, and meant for later imports, so it treats the
 * file as untrusted: a part larger than XLSX_PART_MAX is refused, a part with a DTD is refused
 * (OOXML has none; this shuts out entity expansion), the network is never used. Errors name the
 * part, and the line or cell where known. Rows and columns are 0-based here; references ("B3")
 * are Excel's 1-based A1 form. */
#ifndef ANZEN_XLSX_READ_H
#define ANZEN_XLSX_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/status.h"

#define XLSX_PART_MAX (256u * 1024u * 1024u)

typedef enum {
    XLSX_OK = 0,
    XLSX_ERR_OPEN,   /* the file cannot be read, or is not a zip archive; where = path */
    XLSX_ERR_PART,   /* a required part is missing or too large; where = part name */
    XLSX_ERR_XML,    /* a part is not well-formed XML (or has a DTD); where = part, line set */
    XLSX_ERR_VALUE,  /* a cell or reference is malformed (bad "r", shared string index out of range);
                        where = part, cell = the reference */
    XLSX_ERR_NO_SHEET, /* no sheet of that index or name */
} xlsx_status;

typedef struct {
    xlsx_status status;
    char *where; /* owned: path or part name */
    char *cell;  /* owned: cell reference, when the error is about one */
    int line;    /* XML line, 0 when unknown */
} xlsx_error;

void xlsx_error_clear(xlsx_error *err);

/* The status of a reading error: a file that is not XML inside (SHEET_DAMAGED, with the part and
 * line), a malformed cell (SHEET_CELL_MALFORMED, named by sheet when given), else unreadable.
 * path names the file; sheet may be NULL. */
status_code xlsx_error_status(const char *path, const char *sheet, const xlsx_error *e, status_detail *err);

typedef enum {
    XLSX_EMPTY,  /* present in the sheet (styled, part of a merge) but without a value */
    XLSX_STRING, /* shared, inline or formula string */
    XLSX_NUMBER,
    XLSX_BOOL,
    XLSX_ERROR, /* "#DIV/0!" etc. in text */
} xlsx_type;

typedef struct {
    uint32_t row, col;
    xlsx_type type;
    char *text;     /* the value as text: the string, the number as written ("3", "0.25"), "0"/"1", the error; NULL when empty */
    double number;  /* XLSX_NUMBER and XLSX_BOOL */
    char *formula;  /* NULL unless the cell has one; then text/number hold its cached value */
    int style;      /* the "s" attribute, 0 when absent */
} xlsx_cell;

typedef struct {
    uint32_t first_row, first_col, last_row, last_col;
} xlsx_range;

typedef struct xlsx_book xlsx_book;
typedef struct xlsx_sheet xlsx_sheet;

xlsx_status xlsx_open(const char *path, xlsx_book **out, xlsx_error *err);
/* The same from bytes in memory (name is what errors call it); data must stay valid until
 * xlsx_close. */
xlsx_status xlsx_open_buffer(const char *name, const void *data, size_t len, xlsx_book **out, xlsx_error *err);
void xlsx_close(xlsx_book *book);

size_t xlsx_sheet_count(const xlsx_book *book);
const char *xlsx_sheet_name(const xlsx_book *book, size_t index);
/* The sheet's part in the package, e.g. "xl/worksheets/sheet1.xml". */
const char *xlsx_sheet_part(const xlsx_book *book, size_t index);
bool xlsx_sheet_find(const xlsx_book *book, const char *name, size_t *index);

/* A whole part (any file in the package) as bytes, NUL-terminated. Caller frees. */
char *xlsx_part_read(xlsx_book *book, const char *part, size_t *len, xlsx_error *err);

xlsx_status xlsx_sheet_load(xlsx_book *book, size_t index, xlsx_sheet **out, xlsx_error *err);
void xlsx_sheet_free(xlsx_sheet *sheet);

/* The cell at (row, col), or NULL when the sheet has none there. */
const xlsx_cell *xlsx_cell_at(const xlsx_sheet *sheet, uint32_t row, uint32_t col);
/* The same by reference ("B3", "$B$3"); NULL when absent or the reference is malformed. */
const xlsx_cell *xlsx_cell_ref(const xlsx_sheet *sheet, const char *ref);
/* Text of the cell at (row, col): its text, or "" when empty or absent. */
const char *xlsx_text_at(const xlsx_sheet *sheet, uint32_t row, uint32_t col);

/* Text of the cell as a reader sees it: a cell inside a merged range shows the value of the
 * range's top-left cell (a section title merged down a column reads on every row of it). */
const char *xlsx_merged_text_at(const xlsx_sheet *sheet, uint32_t row, uint32_t col);

/* Cells in row-major order. */
size_t xlsx_cell_count(const xlsx_sheet *sheet);
const xlsx_cell *xlsx_cell_index(const xlsx_sheet *sheet, size_t i);
/* One past the last row / column that holds a cell (0 for an empty sheet). */
uint32_t xlsx_sheet_rows(const xlsx_sheet *sheet);
uint32_t xlsx_sheet_cols(const xlsx_sheet *sheet);

size_t xlsx_merge_count(const xlsx_sheet *sheet);
const xlsx_range *xlsx_merge_at(const xlsx_sheet *sheet, size_t i);
/* The merged range covering (row, col), or NULL. */
const xlsx_range *xlsx_merge_find(const xlsx_sheet *sheet, uint32_t row, uint32_t col);

/* "B3" / "$B$3" → row 2, col 1. false when malformed or beyond Excel's 1,048,576 × 16,384. */
bool xlsx_ref_parse(const char *ref, uint32_t *row, uint32_t *col);
/* "A1:D1" (or a single cell) → range. */
bool xlsx_range_parse(const char *ref, xlsx_range *out);
/* (row, col) → "B3" into buf (≥ 16 bytes). */
void xlsx_ref_format(uint32_t row, uint32_t col, char *buf);

#endif
