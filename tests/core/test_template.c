/* The template language (core/export/template.c): placeholders, blocks, standalone lines,
 * escaping hooks, and every kind of error with its file:line:col. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "export/lib.h"

static const tmpl_field item_fields[] = {{"name", TMPL_TEXT, NULL}, {"note", TMPL_TEXT, NULL}, {NULL, TMPL_TEXT, NULL}};
static const tmpl_field schema[] = {{"title", TMPL_TEXT, NULL}, {"empty", TMPL_TEXT, NULL},
                                    {"items", TMPL_LIST, item_fields}, {"none", TMPL_LIST, item_fields},
                                    {NULL, TMPL_TEXT, NULL}};

/* Marks escaping so the tests see where a value went and in which context. */
static void mark(strbuf *out, const char *raw, bool in_table)
{
    sb_addf(out, in_table ? "[T:%s]" : "[%s]", raw);
}

static tmpl_record *data(void)
{
    tmpl_record *r = tmpl_record_new();
    tmpl_set(r, "title", "契約");
    tmpl_set(r, "empty", "");
    tmpl_record *a = tmpl_push(r, "items");
    tmpl_set(a, "name", "サーバOS");
    tmpl_set(a, "note", "注記");
    tmpl_record *b = tmpl_push(r, "items");
    tmpl_set(b, "name", "回線");
    tmpl_list(r, "none");
    return r;
}

static char *render(const char *text)
{
    diag_list d = {0};
    tmpl *t = tmpl_parse("t.md", text, schema, &d);
    for (size_t i = 0; i < d.len; i++) {
        char *m = diag_format(&d.items[i]);
        cr_log_error("%s", m);
        free(m);
    }
    cr_assert_not_null(t, "template did not parse");
    diag_free(&d);
    tmpl_record *r = data();
    char *out = tmpl_render(t, r, mark);
    tmpl_record_free(r);
    tmpl_free(t);
    return out;
}

/* The errors of a template, one "line:col: message" per line. */
static char *errors(const char *text)
{
    diag_list d = {0};
    tmpl *t = tmpl_parse("t.md", text, schema, &d);
    cr_assert_null(t, "template parsed although it has errors");
    strbuf sb = {0};
    for (size_t i = 0; i < d.len; i++) {
        char *m = diag_format(&d.items[i]);
        sb_addf(&sb, "%s\n", m);
        free(m);
    }
    diag_free(&d);
    return sb_take(&sb);
}

Test(template, placeholders_loops_and_conditionals)
{
    char *out = render("# {{title}}\n"
                       "{{#each items}}\n"
                       "- {{@number}}. {{name}}{{#if note}} ({{note}}){{/if}} / {{title}}\n"
                       "{{/each}}\n"
                       "{{#if empty}}yes{{else}}no{{/if}} {{#unless none}}none is empty{{/unless}}\n"
                       "{{! a comment }}end\n");
    cr_expect_str_eq(out, "# [契約]\n"
                          "- 1. [サーバOS] ([注記]) / [契約]\n"
                          "- 2. [回線] / [契約]\n"
                          "no none is empty\n"
                          "end\n");
    free(out);
}

Test(template, table_lines_escape_as_cells)
{
    char *out = render("| {{title}} |\ntext {{title}}\n  | {{title}}\n");
    cr_expect_str_eq(out, "| [T:契約] |\ntext [契約]\n  | [T:契約]\n");
    free(out);
}

Test(template, literal_braces_and_values_are_not_template_text)
{
    diag_list d = {0};
    tmpl *t = tmpl_parse("t.md", "\\{{title}} {{title}}\n", schema, &d);
    cr_assert_not_null(t);
    tmpl_record *r = tmpl_record_new();
    tmpl_set(r, "title", "{{items}} {{#each items}}");
    char *out = tmpl_render(t, r, mark);
    cr_expect_str_eq(out, "{{title}} [{{items}} {{#each items}}]\n");
    free(out);
    tmpl_record_free(r);
    tmpl_free(t);
}

Test(template, standalone_block_lines_leave_no_blank_line)
{
    char *out = render("a\n  {{#each none}}  \nx\n{{/each}}\nb\n{{#if title}}\nc\n{{/if}}\n");
    cr_expect_str_eq(out, "a\nb\nc\n");
    free(out);
}

Test(template, unknown_field_names_line_and_column_even_in_a_branch_not_taken)
{
    char *e = errors("ok {{title}}\n{{#if empty}}\n  x {{titel}}\n{{/if}}\n");
    cr_expect_str_eq(e, "t.md:3:5: unknown field \"titel\" (known here: title, empty, items, none)\n");
    free(e);
}

Test(template, columns_count_characters_not_bytes)
{
    char *e = errors("契約番号：{{nope}}\n");
    cr_expect(strstr(e, "t.md:1:6: unknown field \"nope\"") != NULL, "%s", e);
    free(e);
}

Test(template, block_errors)
{
    char *e = errors("{{#each items}}\n{{/if}}\n");
    cr_expect(strstr(e, "t.md:2:1: {{/if}} closes {{#each items}} opened at 1:1") != NULL, "%s", e);
    cr_expect(strstr(e, "t.md:1:1: {{#each items}} is not closed (expected {{/each}})") != NULL, "%s", e);
    free(e);
    e = errors("{{else}}\n{{/each}}\n");
    cr_expect(strstr(e, "t.md:1:1: {{else}} outside {{#if}} / {{#unless}}") != NULL, "%s", e);
    cr_expect(strstr(e, "t.md:2:1: {{/each}} closes nothing") != NULL, "%s", e);
    free(e);
    e = errors("{{#each title}}{{/each}} {{items}} {{#with x}} {{@number}}\n");
    cr_expect(strstr(e, "t.md:1:1: \"title\" is a text, not a list") != NULL, "%s", e);
    cr_expect(strstr(e, "t.md:1:26: \"items\" is a list: use {{#each items}}") != NULL, "%s", e);
    cr_expect(strstr(e, "t.md:1:36: unknown block {{#with x}}") != NULL, "%s", e);
    cr_expect(strstr(e, "t.md:1:48: {{@number}} outside {{#each}}") != NULL, "%s", e);
    free(e);
}

Test(template, unterminated_tag)
{
    char *e = errors("line one\nsee {{title\n");
    cr_expect_str_eq(e, "t.md:2:5: \"{{\" is not closed by \"}}\" on its line (write \\{{ for a literal {{)\n");
    free(e);
}

Test(template, fields_of_a_list_are_only_known_inside_it)
{
    char *e = errors("{{name}}\n{{#each items}}{{name}}{{/each}}\n");
    cr_expect(strstr(e, "t.md:1:1: unknown field \"name\"") != NULL, "%s", e);
    cr_expect(strstr(e, "t.md:2:") == NULL, "%s", e);
    free(e);
}

Test(template, the_shipped_annex_template_parses)
{
    char *path = xasprintf("%s/templates/annex.md", TOP_SRCDIR);
    size_t len;
    char *text = util_read_file(path, &len);
    cr_assert_not_null(text);
    diag_list d = {0};
    tmpl *t = tmpl_parse(path, text, annex_schema, &d);
    for (size_t i = 0; i < d.len; i++) {
        char *m = diag_format(&d.items[i]);
        cr_log_error("%s", m);
        free(m);
    }
    cr_expect_not_null(t);
    tmpl_free(t);
    diag_free(&d);
    free(text);
    free(path);
}
