/* The contract annex (契約書別紙) of a maintenance contract (core/contract): built from a Markdown
 * template (templates/annex.md, template.h) into one Markdown text — the annex's canonical
 * content — and written as Markdown, HTML (cmark-gfm, annex_html.c) or DOCX (annex_docx.c).
 *
 * Canonical content: the rendered template, LF line ends, ending in exactly one LF. Its SHA-256
 * (nettle) is printed in the footer of every format (and on every DOCX page), so anyone holding a
 * printed copy can regenerate the annex from the database (`anzen export annex C --digest`) and
 * compare. The footer itself is not part of the hashed text. The only date in it is the
 * document date given (or today). */
#ifndef ANZEN_EXPORT_ANNEX_H
#define ANZEN_EXPORT_ANNEX_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "format.h"
#include "template.h"
#include "workspace/lib.h"

/* The file name of the annex template in templates/ (and in the user's template directory). */
#define ANNEX_TEMPLATE_NAME "annex.md"

typedef enum { ANNEX_MD, ANNEX_HTML, ANNEX_DOCX } annex_format;
/* "md" / "markdown", "html", "docx". */
bool annex_format_parse(const char *name, annex_format *out);
/* From the path's extension (.md .markdown .html .htm .docx). */
bool annex_format_from_path(const char *path, annex_format *out);
const char *annex_format_name(annex_format f);

typedef struct {
    char *title;  /* document title (HTML <title>, DOCX core properties) */
    char *date;   /* ISO document date */
    char *body;   /* the canonical Markdown */
    char sha256[65];
    char *footer; /* "正本確認用 SHA-256（本文）: …" */
} annex_doc;

void annex_doc_free(annex_doc *d);

typedef struct {
    const char *template_path; /* NULL: the user's templates/annex.md, else the shipped one */
    const char *date;          /* ISO; NULL = today (jpdate_today) */
} annex_opts;

/* The schema the annex template is checked against (templates/README.md lists it). */
extern const tmpl_field annex_schema[];

/* The template file that will be used: opts->template_path, else <user dir>/templates/annex.md
 * when it exists, else <templates dir>/annex.md. Caller frees. */
char *annex_template_path(const char *explicit_path);

/* Builds the annex of a contract. CONTRACT_NOT_FOUND (or another failure reading it);
 * TEMPLATE_UNREADABLE: the template cannot be read (the path in err->entity); TEMPLATE_INVALID: the
 * template has errors, each in diags as file:line:col (in English, for the template's author, like
 * a catalog's diagnostics). */
status_code annex_build(store *s, int64_t contract_id, const annex_opts *opts, annex_doc *out, diag_list *diags,
                        status_detail *err);

/* SHA-256 of the canonical form of a Markdown text, as 64 lowercase hex digits. */
void annex_digest(const char *markdown, char hex[65]);

/* The whole Markdown file: body, a rule, the footer. Caller frees. */
char *annex_markdown(const annex_doc *d);
/* The whole HTML page (A4 print stylesheet, Japanese fonts). NULL when cmark-gfm fails. Caller frees. */
char *annex_html(const annex_doc *d);
/* The DOCX package (a zip). EXPORT_ERR_RENDER when libzip fails. *data is the caller's to free. */
export_status annex_docx(const annex_doc *d, char **data, size_t *len, export_error *err);

/* Writes the annex in a format to path atomically (export_write_with): 0600, no overwrite
 * without force, nothing half-written. */
export_status annex_write(const annex_doc *d, annex_format fmt, const char *path, bool force, export_error *err);

#endif
