/* libFuzzer target: the template engine (export/template.c) on arbitrary template text, checked
 * against the annex's schema and rendered with hostile data ("{{" in values, table pipes, line
 * breaks, controls, Japanese), then the rendered Markdown through the annex's HTML and DOCX
 * renderers (cmark-gfm, libzip). A clean refusal with file:line:col diagnostics is the expected
 * outcome for most inputs; any crash, leak, undefined behaviour or hang is a finding. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/lib.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const HOSTILE[] = {"東病院", "{{title}}", "a | b\nc", "\x1b]0;x\x07", "", "=1+1", "<script>", "\\{{"};

/* Every field of a schema set (nested lists get 0, 1 or 2 records by depth). */
static void fill(tmpl_record *r, const tmpl_field *schema, unsigned seed, int depth)
{
    for (size_t i = 0; schema[i].name; i++) {
        const tmpl_field *f = &schema[i];
        if (f->kind == TMPL_TEXT) {
            tmpl_set(r, f->name, HOSTILE[(seed + i) % (sizeof HOSTILE / sizeof *HOSTILE)]);
            continue;
        }
        tmpl_list(r, f->name);
        unsigned n = depth > 1 ? 0 : (seed + i) % 3;
        for (unsigned k = 0; k < n; k++)
            fill(tmpl_push(r, f->name), f->fields, seed + k + 1, depth + 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = 0; /* templates are C strings: an embedded NUL ends the text */
    diag_list d = {0};
    tmpl *t = tmpl_parse("fuzz.md", text, annex_schema, &d);
    for (size_t i = 0; i < d.len; i++) /* every diagnostic must format */
        free(diag_format(&d.items[i]));
    diag_free(&d);
    if (t) {
        tmpl_record *r = tmpl_record_new();
        fill(r, annex_schema, (unsigned)size, 0);
        char *md = tmpl_render(t, r, export_md_add);
        /* The renderers, on what a template can produce: they cost more than the parse, so the
         * HTML for every short result and the DOCX (a zip) for one input length in four. */
        if (md && strlen(md) < 8192) {
            char title[] = "別紙", date[] = "2026-05-10", footer[] = "SHA-256: 0";
            annex_doc doc = {.title = title, .date = date, .body = md, .footer = footer};
            free(annex_html(&doc));
        }
        if (md && strlen(md) < 8192 && size % 4 == 0) {
            char title[] = "別紙", date[] = "2026-05-10", footer[] = "SHA-256: 0";
            annex_doc doc = {.title = title, .date = date, .body = md, .footer = footer};
            char *docx = NULL;
            size_t len = 0;
            export_error err = {0};
            annex_docx(&doc, &docx, &len, &err);
            free(docx);
            export_error_clear(&err);
        }
        free(md);
        tmpl_record_free(r);
        tmpl_free(t);
    }
    free(text);
    return 0;
}
