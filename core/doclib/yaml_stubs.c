/* libyaml (catalogs read when a file changed, catalogs written by import-sheet): every function of it anzen calls,
 * loaded on first use (doclib.h). A start with unchanged catalog files parses nothing and does not load it. */
#include <yaml.h>

#include "stub.h"

/* Reading: the parser and the document it loads. */
DOCLIB_FN(doclib_yaml, int, yaml_parser_initialize, (yaml_parser_t *parser), (parser))
DOCLIB_VOID(doclib_yaml, yaml_parser_delete, (yaml_parser_t *parser), (parser))
DOCLIB_VOID(doclib_yaml, yaml_parser_set_input_string, (yaml_parser_t *parser, const unsigned char *input, size_t size), (parser, input, size))
DOCLIB_VOID(doclib_yaml, yaml_parser_set_input_file, (yaml_parser_t *parser, FILE *file), (parser, file))
DOCLIB_FN(doclib_yaml, int, yaml_parser_parse, (yaml_parser_t *parser, yaml_event_t *event), (parser, event))
DOCLIB_FN(doclib_yaml, int, yaml_parser_load, (yaml_parser_t *parser, yaml_document_t *document), (parser, document))
DOCLIB_VOID(doclib_yaml, yaml_document_delete, (yaml_document_t *document), (document))
DOCLIB_FN(doclib_yaml, yaml_node_t *, yaml_document_get_node, (yaml_document_t *document, int index), (document, index))
DOCLIB_FN(doclib_yaml, yaml_node_t *, yaml_document_get_root_node, (yaml_document_t *document), (document))
DOCLIB_VOID(doclib_yaml, yaml_event_delete, (yaml_event_t *event), (event))

/* Writing: the emitter and the events it is given. */
DOCLIB_FN(doclib_yaml, int, yaml_emitter_initialize, (yaml_emitter_t *emitter), (emitter))
DOCLIB_VOID(doclib_yaml, yaml_emitter_delete, (yaml_emitter_t *emitter), (emitter))
DOCLIB_VOID(doclib_yaml, yaml_emitter_set_output, (yaml_emitter_t *emitter, yaml_write_handler_t *handler, void *data), (emitter, handler, data))
DOCLIB_VOID(doclib_yaml, yaml_emitter_set_unicode, (yaml_emitter_t *emitter, int unicode), (emitter, unicode))
DOCLIB_VOID(doclib_yaml, yaml_emitter_set_width, (yaml_emitter_t *emitter, int width), (emitter, width))
DOCLIB_FN(doclib_yaml, int, yaml_emitter_emit, (yaml_emitter_t *emitter, yaml_event_t *event), (emitter, event))
DOCLIB_FN(doclib_yaml, int, yaml_emitter_flush, (yaml_emitter_t *emitter), (emitter))
DOCLIB_FN(doclib_yaml, int, yaml_stream_start_event_initialize, (yaml_event_t *event, yaml_encoding_t encoding), (event, encoding))
DOCLIB_FN(doclib_yaml, int, yaml_stream_end_event_initialize, (yaml_event_t *event), (event))
DOCLIB_FN(doclib_yaml, int, yaml_document_start_event_initialize, (yaml_event_t *event, yaml_version_directive_t *version_directive, yaml_tag_directive_t *tag_directives_start, yaml_tag_directive_t *tag_directives_end, int implicit), (event, version_directive, tag_directives_start, tag_directives_end, implicit))
DOCLIB_FN(doclib_yaml, int, yaml_document_end_event_initialize, (yaml_event_t *event, int implicit), (event, implicit))
DOCLIB_FN(doclib_yaml, int, yaml_mapping_start_event_initialize, (yaml_event_t *event, const yaml_char_t *anchor, const yaml_char_t *tag, int implicit, yaml_mapping_style_t style), (event, anchor, tag, implicit, style))
DOCLIB_FN(doclib_yaml, int, yaml_mapping_end_event_initialize, (yaml_event_t *event), (event))
DOCLIB_FN(doclib_yaml, int, yaml_sequence_start_event_initialize, (yaml_event_t *event, const yaml_char_t *anchor, const yaml_char_t *tag, int implicit, yaml_sequence_style_t style), (event, anchor, tag, implicit, style))
DOCLIB_FN(doclib_yaml, int, yaml_sequence_end_event_initialize, (yaml_event_t *event), (event))
DOCLIB_FN(doclib_yaml, int, yaml_scalar_event_initialize, (yaml_event_t *event, const yaml_char_t *anchor, const yaml_char_t *tag, const yaml_char_t *value, int length, int plain_implicit, int quoted_implicit, yaml_scalar_style_t style), (event, anchor, tag, value, length, plain_implicit, quoted_implicit, style))
