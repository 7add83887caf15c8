/* The vendor's spreadsheet (anzen export checklist A --for-vendor): a workbook for a vendor who
 * will not install anzen, read back by answers_import.h.
 *
 * Sheet VENDOR_SHEET_MAIN: a title block, then a header row (VENDOR_SHEET_HEADER_ROW) and one
 * row per catalog node in catalog order: headings bold and locked, items with their id, printed
 * number and our paraphrase (locked) and the input cells (unlocked, shaded): 回答 with a
 * data-validation list of the catalog's answer labels, the date columns the catalog records
 * (date number format and a date validation that warns) and 理由 / 備考. The vendor's current
 * answers are filled in. The sheet is protected (no password: it guides, it does not secure).
 *
 * Sheet VENDOR_SHEET_META, hidden and protected: key / value rows naming the file's format, the
 * anzen version, the catalog (id, version, content hash: digest_catalog), the assessment (id,
 * fiscal year, system), the party and vendor, the layout version and the main sheet's name, so
 * the file is imported into the assessment it came from and nowhere else. libxlsxwriter 1.1.4
 * can hide a sheet but not make it "very hidden".
 *
 * The column layout depends only on the catalog's date columns (vendor_sheet_layout_for), so the
 * writer and the reader agree on it. */
#ifndef ANZEN_EXCHANGE_VENDOR_SHEET_H
#define ANZEN_EXCHANGE_VENDOR_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/lib.h"
#include "catalog/lib.h"
#include "store/lib.h"

#define VENDOR_SHEET_FORMAT "anzen-vendor-sheet/1"
#define VENDOR_SHEET_LAYOUT "1"
#define VENDOR_SHEET_MAIN "チェックリスト"
#define VENDOR_SHEET_META "anzen"
#define VENDOR_SHEET_HEADER_ROW 4u /* 0-based: the header is row 5 */

typedef enum {
    VS_ITEM,    /* 項目ID: the catalog item id (locked) */
    VS_REF,     /* 番号 */
    VS_TEXT,    /* 確認項目 */
    VS_VALUE,   /* 回答 */
    VS_CHECKED, /* 確認日 */
    VS_DUE,     /* 目標日 */
    VS_DONE,    /* 完了日 */
    VS_REASON,  /* 理由 */
    VS_NOTE,    /* 備考 */
    VS__COUNT
} vendor_sheet_field;

typedef struct {
    int col[VS__COUNT]; /* 0-based column of each field, -1 when the catalog has no such date */
    size_t ncols;
} vendor_sheet_layout;

/* The columns for a catalog: every field but the dates the catalog does not record. */
void vendor_sheet_layout_for(const catalog *c, vendor_sheet_layout *out);
/* The header text of a field ("項目ID", "回答", "確認日", …). */
const char *vendor_sheet_header(vendor_sheet_field f);
/* Is the field one of the input cells (unlocked)? */
bool vendor_sheet_is_input(vendor_sheet_field f);

typedef struct {
    const char *date;          /* ISO document date (created); NULL = today */
    const char *anzen_version; /* written into the hidden sheet as is */
} vendor_sheet_options;

/* Writes the workbook of assessment id to path (atomic, 0600; FILE_EXISTS without force).
 * DOCUMENT_NOT_FIT when the catalog is not a checklist, VENDOR_ANSWER_NO_VENDOR when the
 * assessment has no vendor, doc_source_open's failures, or the writer's (export_error_status).
 * *items (may be NULL) gets the number of item rows. */
status_code vendor_sheet_write(store *s, int64_t id, const vendor_sheet_options *opt, const char *path, bool force,
                               size_t *items, status_detail *err);

#endif
