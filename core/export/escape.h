/* Escaping rules for every export format, in one place.
 *
 * All user text goes through export_clean first:
 *   - invalid UTF-8 bytes become U+FFFD;
 *   - CR LF and a lone CR become LF; LF is kept where the format allows a line break inside a
 *     cell or paragraph, otherwise it becomes a space;
 *   - a tab becomes a space (it separates words; as a cell's first character it is also a
 *     spreadsheet injection vector);
 *   - every other control character (C0, DEL, C1) is removed, and so are the bidirectional
 *     overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make text read
 *     differently from what it is; U+2028/U+2029 become LF.
 * Then, per format:
 *   - HTML: & < > " ' as entities; LF as <br> where asked.
 *   - CSV / XLSX: a cell whose raw text starts with tab or CR, or whose cleaned text starts (after
 *     spaces, U+3000 too) with = + - @, is "formula-like". CSV writes it with a leading apostrophe.
 *     XLSX writes every text cell as a string cell (never a formula), so such text is inert
 *     there by construction (libxlsxwriter 1.1.4 has no quote-prefix style to add on top). A cell
 *     that is a plain decimal number ("-3", "12.5") is not formula-like. CSV then applies RFC 4180
 *     quoting (a field with , " CR or LF is quoted, " doubled).
 *   - Markdown: \ ` * _ [ ] < > | ~ & are backslash-escaped everywhere; at the start of a line
 *     also # + - = and an ordered-list marker (1. / 1)); leading spaces of a line are dropped
 *     (they would start a code block). In table cells LF becomes <br>.
 *   - JSON: cleaned text; cJSON escapes the rest. */
#ifndef ANZEN_EXPORT_ESCAPE_H
#define ANZEN_EXPORT_ESCAPE_H

#include <stdbool.h>

#include "base/lib.h"

/* The cleaned copy of s (see above). Caller frees. */
char *export_clean(const char *s, bool keep_newlines);

/* Would a spreadsheet take this cell for a formula? raw is the text before cleaning. */
bool export_formula_like(const char *raw);

/* Is s a plain decimal number: optional '-', digits, optional '.' and digits? */
bool export_plain_number(const char *s);

/* Appends the cleaned, escaped text. */
void export_html_add(strbuf *out, const char *raw, bool newline_as_br);
void export_csv_add(strbuf *out, const char *raw);
void export_md_add(strbuf *out, const char *raw, bool in_table);

/* The text an XLSX string cell holds: cleaned, newlines kept. Caller frees. */
char *export_xlsx_text(const char *raw);

#endif
