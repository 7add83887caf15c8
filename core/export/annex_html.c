/* The annex as one self-contained HTML page: cmark-gfm renders the Markdown (safe mode: no raw
 * HTML, no javascript: links), wrapped in an A4 print stylesheet with Japanese fonts. */
#include <stdlib.h>
#include <string.h>

#include "annex.h"
#include "annex_parse.h"
#include "base/lib.h"
#include "escape.h"

static const char style[] =
    "@page { size: A4 portrait; margin: 20mm 18mm 22mm 18mm; }\n"
    "html { font-family: \"Noto Sans CJK JP\", \"IPAexGothic\", \"Hiragino Sans\", \"Meiryo\", sans-serif;"
    " font-size: 10.5pt; line-height: 1.7; color: #000; background: #fff; }\n"
    "body { margin: 0 auto; max-width: 174mm; padding: 8mm 0; }\n"
    "h1 { font-size: 16pt; text-align: center; margin: 0 0 1em; }\n"
    "h2 { font-size: 13pt; border-bottom: 1px solid #000; margin-top: 1.6em; break-after: avoid; page-break-after: avoid; }\n"
    "h3 { font-size: 11pt; margin: 1.2em 0 .3em; break-after: avoid; page-break-after: avoid; }\n"
    "p { margin: .4em 0; text-align: justify; }\n"
    "table { border-collapse: collapse; width: 100%; margin: .6em 0; font-size: 9.5pt; }\n"
    "th, td { border: 1px solid #000; padding: 2px 5px; vertical-align: top; text-align: left; }\n"
    "th { background: #e8e8e8; }\n"
    "thead { display: table-header-group; }\n"
    "tr { break-inside: avoid; page-break-inside: avoid; }\n"
    "hr { border: 0; border-top: 1px solid #000; margin: 1.5em 0 .5em; }\n"
    "footer { font-size: 8pt; word-break: break-all; }\n"
    "@media screen { body { padding: 12mm; } }\n";

char *annex_html(const annex_doc *d)
{
    annex_ast ast;
    if (!annex_ast_parse(d->body, &ast))
        return NULL;
    char *body = cmark_render_html(ast.doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(ast.parser));
    annex_ast_free(&ast);
    if (!body)
        return NULL;
    strbuf sb = {0};
    sb_add(&sb, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    export_html_add(&sb, d->title, false);
    sb_add(&sb, "</title>\n<meta name=\"date\" content=\"");
    export_html_add(&sb, d->date, false);
    sb_add(&sb, "\">\n<style>\n");
    sb_add(&sb, style);
    sb_add(&sb, "</style>\n</head>\n<body>\n<main>\n");
    for (const char *p = body; *p;) {
        const char *br = strstr(p, ANNEX_BREAK);
        size_t n = br ? (size_t)(br - p) : strlen(p);
        sb_addn(&sb, p, n);
        if (!br)
            break;
        sb_add(&sb, "<br>");
        p = br + strlen(ANNEX_BREAK);
    }
    sb_add(&sb, "</main>\n<hr>\n<footer>");
    export_html_add(&sb, d->footer, false);
    sb_add(&sb, "</footer>\n</body>\n</html>\n");
    free(body);
    return sb_take(&sb);
}
