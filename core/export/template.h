/* A small template language for documents written as Markdown (the contract annex): placeholders,
 * loops over lists, conditionals. The language and its escaping rules are documented in
 * templates/README.md; in short:
 *
 *   {{name}}                      a text field, escaped for Markdown (a table cell on a line that
 *                                 starts with "|": newlines become <br>)
 *   {{#each list}} … {{/each}}    once per record of the list; inside, the record's fields, then the
 *                                 enclosing ones, and {{@number}} (1, 2, …)
 *   {{#if name}} … {{else}} … {{/if}}, {{#unless name}} … {{/unless}}
 *                                 true when the text is not empty / the list has a record
 *   {{! comment }}                nothing
 *   \{{                           a literal "{{"
 *
 * A block tag, {{else}} or a comment alone on its line takes the whole line with it. Names are
 * checked against a schema when the template is parsed, so a misspelt field is an error naming
 * file:line:col even inside a branch that is not taken. Values are inserted once and never read
 * as template text, so "{{" in user data stays as it is. Columns count characters. */
#ifndef ANZEN_EXPORT_TEMPLATE_H
#define ANZEN_EXPORT_TEMPLATE_H

#include <stdbool.h>

#include "base/lib.h"

typedef enum { TMPL_TEXT, TMPL_LIST } tmpl_kind;

/* The schema: fields of a record, terminated by {NULL}. A list names its records' fields. */
typedef struct tmpl_field {
    const char *name;
    tmpl_kind kind;
    const struct tmpl_field *fields; /* TMPL_LIST only */
} tmpl_field;

/* Data: a record of named fields (texts and lists of records). Owns everything below it. */
typedef struct tmpl_record tmpl_record;
tmpl_record *tmpl_record_new(void);
void tmpl_record_free(tmpl_record *r);
/* Sets a text field (a copy; NULL = ""). */
void tmpl_set(tmpl_record *r, const char *name, const char *text);
void tmpl_setf(tmpl_record *r, const char *name, const char *fmt, ...) AZ_PRINTF(3, 4);
/* Appends a new record to the list field `name` (created empty on first use) and returns it. */
tmpl_record *tmpl_push(tmpl_record *r, const char *name);
/* Declares the list field `name` (so an empty list is a list). */
void tmpl_list(tmpl_record *r, const char *name);

typedef struct tmpl tmpl;

/* Parses `text` (named `file` in messages) against the schema. NULL with every error found in
 * diags (file:line:col: message). */
tmpl *tmpl_parse(const char *file, const char *text, const tmpl_field *schema, diag_list *diags);
void tmpl_free(tmpl *t);

/* How a value is escaped: appends raw (escaped) to out; in_table for a table-cell line. */
typedef void (*tmpl_escape_fn)(strbuf *out, const char *raw, bool in_table);

/* Renders the template with the data. Caller frees. */
char *tmpl_render(const tmpl *t, const tmpl_record *data, tmpl_escape_fn escape);

#endif
