#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm-core-extensions.h>

#include "annex_parse.h"

static bool is_br(cmark_node *n)
{
    const char *lit = cmark_node_get_literal(n);
    return lit && (strcasecmp(lit, "<br>") == 0 || strcasecmp(lit, "<br/>") == 0 || strcasecmp(lit, "<br />") == 0);
}

/* Collects the <br> inline nodes first: the tree must not change under the iterator. */
static void breaks_to_linebreaks(cmark_node *doc)
{
    cmark_node **found = NULL;
    size_t n = 0, cap = 0;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE && is_br(node)) {
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                cmark_node **grown = realloc(found, cap * sizeof *found);
                if (!grown)
                    break;
                found = grown;
            }
            found[n++] = node;
        }
    }
    cmark_iter_free(it);
    for (size_t i = 0; i < n; i++) {
        /* A table cell may not hold a line-break node, so the break travels as a text mark. */
        cmark_node *mark = cmark_node_new(CMARK_NODE_TEXT);
        cmark_node_set_literal(mark, ANNEX_BREAK);
        if (cmark_node_replace(found[i], mark))
            cmark_node_free(found[i]);
        else
            cmark_node_free(mark);
    }
    free(found);
}

bool annex_ast_parse(const char *markdown, annex_ast *out)
{
    *out = (annex_ast){0};
    cmark_gfm_core_extensions_ensure_registered();
    cmark_syntax_extension *table = cmark_find_syntax_extension("table");
    if (!table)
        return false;
    out->parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    if (!out->parser)
        return false;
    cmark_parser_attach_syntax_extension(out->parser, table);
    cmark_parser_feed(out->parser, markdown, strlen(markdown));
    out->doc = cmark_parser_finish(out->parser);
    if (!out->doc) {
        annex_ast_free(out);
        return false;
    }
    breaks_to_linebreaks(out->doc);
    return true;
}

void annex_ast_free(annex_ast *a)
{
    if (a->doc)
        cmark_node_free(a->doc);
    if (a->parser)
        cmark_parser_free(a->parser);
    *a = (annex_ast){0};
}

const char *annex_node_type(cmark_node *n)
{
    return cmark_node_get_type_string(n);
}
