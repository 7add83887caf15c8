/* anzen catalog import-sheet: an official form's workbook (XLSX, or CSV in UTF-8 or CP932) read
 * through a sheet layout (layout.h) into an anzen catalog (data/README.md), as YAML text that the
 * catalog loader accepts. The text is the user's own copy of the form and stays on their machine;
 * the catalog records the file's SHA-256 as its source, every item `verified: false` (anzen cannot
 * tell that the file is the official one) with the sheet and row it came from.
 *
 * Rows below the header row: a row with neither number nor text is skipped; a section cell (merged
 * cells read on every row of the range) starts a heading that the following rows belong to until
 * the section changes; a number without text is SHEET_EMPTY_TEXT, text without a number
 * SHEET_EMPTY_NUMBER, a number seen before SHEET_NUMBER_TWICE, each naming the sheet and cell
 * ("Sheet1!C14"; for CSV the file's name and the record number). With per-device columns, a row
 * whose device cells are not all "absent" becomes a heading with one item per device, as the
 * shipped checklists have them ("2-④ サーバ"). Formulas are read by their cached values. */
#ifndef ANZEN_CATIMPORT_IMPORT_SHEET_H
#define ANZEN_CATIMPORT_IMPORT_SHEET_H

#include <stddef.h>

#include "layout.h"
#include "store/lib.h"

typedef struct {
    const char *id, *version; /* NULL = the layout's; then an "-import" version of the form's */
    const char *title;        /* NULL = the layout's (or the sheet's name) */
    const char *published;    /* NULL = the layout's, else today */
} import_options;

typedef struct {
    char *id, *version;
    char *sheet;        /* the sheet read (the CSV's file name) */
    char sha256[65];
    size_t items, headings;
    char *yaml;         /* the catalog */
    size_t yaml_len;
} import_result;

/* Reads `path` (.xlsx or .csv by its extension, else SHEET_FORMAT_UNKNOWN) through the layout.
 * On success *out holds the catalog, already checked by the catalog loader under the name
 * `output_name` (for its messages). */
status_code import_sheet_read(const char *path, const import_layout *layout, const import_options *opts,
                              const char *output_name, import_result *out, status_detail *err);
void import_result_free(import_result *r);

/* CATALOG_ID_TAKEN (entity "id@version", extra the file that defines it) when a catalog in the
 * store has that id and version, unless it was loaded from output_path itself (a re-import
 * replacing its own file). */
status_code import_identity_check(store *s, const char *id, const char *version, const char *output_path,
                                  status_detail *err);

#endif
