/* cmark-gfm and its extensions (the contract annex: Markdown → HTML and DOCX): every function of it anzen calls, loaded on first use (doclib.h). */
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include "stub.h"

DOCLIB_FN(doclib_cmark, cmark_syntax_extension *, cmark_find_syntax_extension, (const char *name), (name))
DOCLIB_VOID(doclib_cmark, cmark_iter_free, (cmark_iter *iter), (iter))
DOCLIB_FN(doclib_cmark, cmark_node *, cmark_iter_get_node, (cmark_iter *iter), (iter))
DOCLIB_FN(doclib_cmark, cmark_iter *, cmark_iter_new, (cmark_node *root), (root))
DOCLIB_FN(doclib_cmark, cmark_event_type, cmark_iter_next, (cmark_iter *iter), (iter))
DOCLIB_FN(doclib_cmark, cmark_node *, cmark_node_first_child, (cmark_node *node), (node))
DOCLIB_VOID(doclib_cmark, cmark_node_free, (cmark_node *node), (node))
DOCLIB_FN(doclib_cmark, int, cmark_node_get_heading_level, (cmark_node *node), (node))
DOCLIB_FN(doclib_cmark, int, cmark_node_get_list_start, (cmark_node *node), (node))
DOCLIB_FN(doclib_cmark, cmark_list_type, cmark_node_get_list_type, (cmark_node *node), (node))
DOCLIB_FN(doclib_cmark, const char *, cmark_node_get_literal, (cmark_node *node), (node))
DOCLIB_FN(doclib_cmark, cmark_node_type, cmark_node_get_type, (cmark_node *node), (node))
DOCLIB_FN(doclib_cmark, const char *, cmark_node_get_type_string, (cmark_node *node), (node))
DOCLIB_FN(doclib_cmark, cmark_node *, cmark_node_new, (cmark_node_type type), (type))
DOCLIB_FN(doclib_cmark, cmark_node *, cmark_node_next, (cmark_node *node), (node))
DOCLIB_FN(doclib_cmark, cmark_node *, cmark_node_previous, (cmark_node *node), (node))
DOCLIB_FN(doclib_cmark, int, cmark_node_replace, (cmark_node *oldnode, cmark_node *newnode), (oldnode, newnode))
DOCLIB_FN(doclib_cmark, int, cmark_node_set_literal, (cmark_node *node, const char *content), (node, content))
DOCLIB_FN(doclib_cmark, int, cmark_parser_attach_syntax_extension, (cmark_parser *parser, cmark_syntax_extension *extension), (parser, extension))
DOCLIB_VOID(doclib_cmark, cmark_parser_feed, (cmark_parser *parser, const char *buffer, size_t len), (parser, buffer, len))
DOCLIB_FN(doclib_cmark, cmark_node *, cmark_parser_finish, (cmark_parser *parser), (parser))
DOCLIB_VOID(doclib_cmark, cmark_parser_free, (cmark_parser *parser), (parser))
DOCLIB_FN(doclib_cmark, cmark_llist *, cmark_parser_get_syntax_extensions, (cmark_parser *parser), (parser))
DOCLIB_FN(doclib_cmark, cmark_parser *, cmark_parser_new, (int options), (options))
DOCLIB_FN(doclib_cmark, char *, cmark_render_html, (cmark_node *root, int options, cmark_llist *extensions), (root, options, extensions))
DOCLIB_VOID(doclib_cmark_extensions, cmark_gfm_core_extensions_ensure_registered, (void), ())
DOCLIB_FN(doclib_cmark_extensions, uint8_t *, cmark_gfm_extensions_get_table_alignments, (cmark_node *node), (node))
DOCLIB_FN(doclib_cmark_extensions, uint16_t, cmark_gfm_extensions_get_table_columns, (cmark_node *node), (node))
DOCLIB_FN(doclib_cmark_extensions, int, cmark_gfm_extensions_get_table_row_is_header, (cmark_node *node), (node))
