/* Private to export/: the annex Markdown parsed with cmark-gfm (GFM tables) for the HTML and DOCX
 * renderers. Raw HTML stays disabled (cmark's safe mode); the one inline tag the escaping itself
 * writes — <br> in a table cell — becomes the text ANNEX_BREAK (U+2028, which export_clean turns
 * into LF in user text, so it cannot come from there), and each renderer writes its line break. */
#ifndef ANZEN_EXPORT_ANNEX_PARSE_H
#define ANZEN_EXPORT_ANNEX_PARSE_H

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <stdbool.h>

#define ANNEX_BREAK "\xE2\x80\xA8"

typedef struct {
    cmark_parser *parser; /* owns the syntax extensions list */
    cmark_node *doc;
} annex_ast;

/* false when cmark-gfm cannot parse (out of memory, missing table extension). */
bool annex_ast_parse(const char *markdown, annex_ast *out);
void annex_ast_free(annex_ast *a);

/* "table", "table_header", "table_row", "table_cell" for the GFM table nodes; cmark's names else. */
const char *annex_node_type(cmark_node *n);

#endif
