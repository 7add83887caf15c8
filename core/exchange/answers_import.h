/* Reading a vendor's filled spreadsheet back (anzen import answers FILE): the --for-vendor XLSX
 * (vendor_sheet.h) or a CSV in the checklist export's layout (番号, はい／いいえ or 回答, the
 * device columns, 確認日, 目標日, 完了日, 備考 — "理由: …" on its first line is the reason) or
 * the vendor sheet's own columns saved as CSV (項目ID first).
 *
 * The file's answers become the VENDOR answers of the assessment (the hidden sheet names it; a
 * CSV needs opts.assessment_id), never the hospital's or the agreed ones, in ONE transaction
 * with one history action "import" whose row names the file and its SHA-256, and an
 * exchange_import row (kind sheet). A row where nothing is entered is left alone; a row with
 * anything entered sets the answer, its dates, reason and note to what the row holds. Importing
 * the same file again changes nothing (same digest: nothing is read into the database; a file
 * whose rows all equal what is stored writes nothing either).
 *
 * The file is untrusted. Everything is checked before anything is written, and the first
 * failure is returned with entity = the file's name and field = the cell ("チェックリスト!D12";
 * for a CSV the file's name as sheet): SHEET_FORMULA (any cell with a formula, in any sheet),
 * SHEET_VALUE (not one of the catalog's answers: its value, Japanese or English label, compared
 * after NFKC, case folding and without spaces), SHEET_DATE (not an Excel date serial, ISO or 和暦
 * date), SHEET_ITEM (an id or number the catalog lacks), SHEET_NUMBER_TWICE (an item twice),
 * SHEET_NOT_OURS (no hidden sheet, another format or layout, or another catalog, fiscal year,
 * system, vendor or assessment: field names which, value the file's), SHEET_UNEXPECTED (a sheet
 * the export does not write), SHEET_HEADER_MISSING (a column title changed),
 * BUNDLE_STRING_TOO_LONG (a cell over 1 MiB), REASON_MALFORMED (a reason of two lines; item =
 * the cell), CSV_TOO_BIG / CSV_NOT_TEXT / CSV_QUOTE_* for the CSV reader, SHEET_UNREADABLE /
 * SHEET_DAMAGED / SHEET_CELL_MALFORMED for a file that is not a workbook, SHEET_FORMAT_UNKNOWN
 * for another extension, FILE_CANNOT_READ. */
#ifndef ANZEN_EXCHANGE_ANSWERS_IMPORT_H
#define ANZEN_EXCHANGE_ANSWERS_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/lib.h"
#include "digest.h"
#include "store/lib.h"

#define ANSWERS_FILE_MAX (64u * 1024u * 1024u)

typedef struct {
    int64_t assessment_id; /* XLSX: 0 = the one the workbook names (given: must be that one); CSV: required */
    bool dry_run;          /* check and count, write nothing */
} answers_import_opts;

typedef struct {
    int64_t assessment_id;
    int64_t vendor_id;
    char *vendor_name;
    char digest[DIGEST_HEX]; /* SHA-256 of the file's bytes */
    bool csv;
    bool catalog_differs;    /* the workbook was made from other catalog content of the same version */
    bool already;            /* this file was imported before: nothing written */
    char *imported_at, *imported_by; /* already: when and by whom */
    size_t rows;             /* item rows with something entered */
    size_t added, changed, same; /* of those: new vendor answers, changed ones, unchanged */
} answers_import_result;

void answers_import_result_free(answers_import_result *r);

/* Reads, checks and imports path as above. who = the acting user. On any failure nothing is
 * written; res holds what was found so far (assessment, digest). */
status_code answers_import_file(store *s, const char *path, const answers_import_opts *opts, const char *who,
                                answers_import_result *res, status_detail *err);

#endif
