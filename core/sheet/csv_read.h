/* Reading CSV files as Japanese Excel and other programs save them: UTF-8 with or without a BOM,
 * or Shift_JIS / CP932 (converted with iconv), RFC 4180 quoting ("a ""b""", fields spanning lines),
 * CRLF or LF line ends, a chosen delimiter (comma by default; tab for TSV). The table is kept as
 * UTF-8 text; rows and columns are 0-based in the API, 1-based in messages.
 *
 * The file is untrusted: at most CSV_MAX_BYTES, every byte checked as text in its encoding (an
 * invalid sequence is CSV_NOT_TEXT naming the line and the column in characters), a quote out
 * of place is CSV_QUOTE_STRAY and an unclosed one CSV_QUOTE_OPEN, both with the line, the record
 * (num) and the field (col). Errors fill a status_detail (base/status.h) with entity = the name
 * given (the file's path by csv_read_file). */
#ifndef ANZEN_CSV_READ_H
#define ANZEN_CSV_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "base/lib.h"

#define CSV_MAX_BYTES (64u * 1024u * 1024u)

typedef enum {
    CSV_ENCODING_AUTO = 0, /* a UTF-8 BOM or valid UTF-8 is UTF-8, anything else is read as CP932 */
    CSV_ENCODING_UTF8,
    CSV_ENCODING_CP932,
} csv_encoding;

typedef struct {
    csv_encoding encoding; /* 0 = auto */
    char delimiter;        /* 0 = ',' */
} csv_options;

typedef struct csv_table csv_table;

/* Reads a whole file (FILE_CANNOT_READ, CSV_TOO_BIG, CSV_NOT_TEXT, CSV_QUOTE_*). opts may be NULL.
 * On success *out owns the table (csv_free). */
status_code csv_read_file(const char *path, const csv_options *opts, csv_table **out, status_detail *err);
/* The same from bytes in memory; name is what messages call it. */
status_code csv_read_buffer(const char *name, const char *data, size_t len, const csv_options *opts, csv_table **out,
                            status_detail *err);
void csv_free(csv_table *t);

/* The encoding the file was read in (never AUTO), and whether it began with a UTF-8 BOM. */
csv_encoding csv_table_encoding(const csv_table *t);
bool csv_table_had_bom(const csv_table *t);
const char *csv_encoding_name(csv_encoding e); /* "UTF-8", "CP932", "auto" */

size_t csv_row_count(const csv_table *t);
size_t csv_field_count(const csv_table *t, size_t row); /* 0 for a row out of range */
/* The field as UTF-8, "" when the row or field does not exist. */
const char *csv_field(const csv_table *t, size_t row, size_t col);
/* The physical line (1-based) a record starts on, for messages about it. */
size_t csv_row_line(const csv_table *t, size_t row);

#endif
