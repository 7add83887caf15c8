/* The YAML loader: a valid catalog loads completely; every kind of malformed file is reported
 * with the right line, column and message, all errors at once, and loads nothing. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>

#include "catalog/lib.h"
#include "testutil.h"

#define HEAD                                                                                                        \
    "format: anzen-catalog/1\n"                                                                                     \
    "catalog:\n"                                                                                                    \
    "  id: test-cat\n"                                                                                              \
    "  version: \"1.0\"\n"                                                                                          \
    "  revision: 1\n"                                                                                               \
    "  kind: guideline\n"                                                                                           \
    "  title: {ja: 試験用カタログ, en: Test catalog}\n"                                                             \
    "  publisher: 試験\n"                                                                                           \
    "  published: 2023-05-31\n"                                                                                     \
    "  source: {title: 試験, url: https://example.invalid/}\n"                                                      \
    "  completeness: {status: complete}\n"                                                                          \
    "  dates: [checked, due]\n"                                                                                     \
    "  tags:\n"                                                                                                     \
    "    - {id: remote-maintenance, label: リモート保守}\n"                                                          \
    "  answers:\n"                                                                                                  \
    "    - {value: yes, label: {ja: はい, en: \"Yes\"}, meaning: positive, key: y}\n"                              \
    "    - {value: no, label: {ja: いいえ}, meaning: negative, key: n}\n"
/* HEAD is 17 lines; nodes start at line 18. */

static const char *const valid_doc = HEAD "nodes:\n"
                                          "  - id: ch-10\n"
                                          "    kind: heading\n"
                                          "    ref: \"10\"\n"
                                          "    title: {ja: 保守対応, en: Maintenance}\n"
                                          "  - id: ch-10-3\n"
                                          "    kind: item\n"
                                          "    parent: ch-10\n"
                                          "    ref: \"10-3\"\n"
                                          "    text: {ja: 保守用アカウントを分け、作業を記録する。, en: Separate accounts.}\n"
                                          "    responsibility: joint\n"
                                          "    tags: [remote-maintenance]\n"
                                          "    target_fy: 2027\n"
                                          "    source: https://example.invalid/10\n"
                                          "    verified: true\n"
                                          "    maps:\n"
                                          "      - other-cat:x-1\n"
                                          "      - {to: \"other-cat@2:x-2\", rel: cites}\n";

Test(catalog_yaml, valid_catalog_loads_everything)
{
    diag_list d = {0};
    catalog *c = catalog_load_buffer("t.yaml", valid_doc, strlen(valid_doc), &d);
    diag_print(&d, stderr);
    cr_assert_not_null(c);
    cr_assert_eq(d.len, 0);
    cr_assert_str_eq(c->id, "test-cat");
    cr_assert_str_eq(c->version, "1.0");
    cr_assert_str_eq(c->title.ja, "試験用カタログ");
    cr_assert_eq(c->nanswers, 2);
    cr_assert_eq(c->answers[1].meaning, MEANING_NEGATIVE);
    cr_assert_eq(c->answers[0].key, 'y');
    cr_assert_eq(c->dates, DATE_CHECKED | DATE_DUE);
    cr_assert_eq(c->nnodes, 2);
    const catalog_node *n = catalog_find_node(c, "ch-10-3");
    cr_assert_not_null(n);
    cr_assert_eq(n->kind, NODE_ITEM);
    cr_assert_eq(n->depth, 1);
    cr_assert_str_eq(n->text.ja, "保守用アカウントを分け、作業を記録する。");
    cr_assert_eq(n->resp, RESP_JOINT);
    cr_assert_eq(n->target_fy, 2027);
    cr_assert(n->verified);
    cr_assert_eq(n->nmaps, 2);
    cr_assert_str_eq(n->maps[0].rel, "related");
    cr_assert_null(n->maps[0].to_version);
    cr_assert_str_eq(n->maps[1].to_version, "2");
    cr_assert_str_eq(n->maps[1].rel, "cites");
    cr_assert_eq(n->maps[1].line, 35);
    cr_assert_eq(catalog_item_count(c), 1);
    catalog_free(c);
}

typedef struct {
    const char *name;
    const char *doc;
    int line, col;
    const char *message; /* substring expected in the message at line:col */
} bad_case;

#define ITEM                                                                                                        \
    "  - id: a-1\n"                                                                                                 \
    "    kind: item\n"                                                                                              \
    "    text: 項目\n"                                                                                              \
    "    source: https://example.invalid/\n"                                                                        \
    "    verified: false\n"

static bad_case cases[] = {
    {"syntax_error", HEAD "nodes:\n  - id: [unclosed\n", 20, 1, "YAML syntax error"},
    {"tab_indent", HEAD "nodes:\n\t- id: x\n", 19, 1, "YAML syntax error"},
    {"empty_file", "", 0, 0, "the file is empty"},
    {"top_is_list", "- a\n- b\n", 1, 1, "the top level must be a mapping"},
    {"wrong_format", "format: anzen-catalog/9\ncatalog: {}\n", 1, 9, "format \"anzen-catalog/9\" is not supported"},
    {"missing_catalog", "format: anzen-catalog/1\nnodes: []\n", 1, 1, "missing required field \"catalog\""},
    {"unknown_top_key", HEAD "nodes:\n" ITEM "extra: 1\n", 24, 1, "unknown field \"extra\" in the top level"},
    {"duplicate_top_key", HEAD "nodes:\n" ITEM "nodes: []\n", 24, 1, "duplicate key \"nodes\""},
    {"bad_catalog_id", "format: anzen-catalog/1\ncatalog:\n  id: Bad_ID\n", 3, 7, "id \"Bad_ID\" must match"},
    {"revision_not_number", "format: anzen-catalog/1\ncatalog:\n  revision: one\n", 3, 13, "\"revision\" must be a whole number"},
    {"unknown_kind", "format: anzen-catalog/1\ncatalog:\n  kind: law\n", 3, 9, "\"kind\" must be one of guideline"},
    {"bad_date", "format: anzen-catalog/1\ncatalog:\n  published: 2023/05/31\n", 3, 14, "must be a date YYYY-MM-DD"},
    {"partial_without_note", "format: anzen-catalog/1\ncatalog:\n  completeness: {status: partial}\n", 3, 17,
     "missing required field \"note\""},
    {"unknown_meaning", HEAD "    - {value: maybe, label: 多分, meaning: perhaps}\nnodes:\n" ITEM, 18, 42,
     "\"meaning\" must be one of positive"},
    {"duplicate_answer_value", HEAD "    - {value: yes, label: 再, meaning: positive}\nnodes:\n" ITEM, 18, 15,
     "value \"yes\" is listed twice"},
    {"duplicate_answer_key", HEAD "    - {value: ok, label: 可, meaning: positive, key: y}\nnodes:\n" ITEM, 18, 53,
     "key 'y' is already used"},
    {"needs_reason_not_bool", HEAD "    - {value: na, label: 対象外, meaning: not_applicable, needs_reason: yes}\nnodes:\n" ITEM, 18,
     70, "\"needs_reason\" must be true or false"},
    {"unknown_date_field", "format: anzen-catalog/1\ncatalog:\n  dates: [checked, someday]\n", 3, 20,
     "\"someday\" must be one of checked, due, done"},
    {"node_missing_id", HEAD "nodes:\n  - kind: heading\n    title: 見出し\n", 19, 5, "missing required field \"id\""},
    {"duplicate_node_id", HEAD "nodes:\n" ITEM ITEM, 24, 9, "id \"a-1\" is already used at line 19"},
    {"unknown_parent", HEAD "nodes:\n" ITEM "    parent: nowhere\n", 24, 13, "parent \"nowhere\" is not an earlier node"},
    {"item_without_text", HEAD "nodes:\n  - id: a-1\n    kind: item\n    source: x\n    verified: true\n", 19, 5,
     "missing required field \"text\""},
    {"item_without_verified", HEAD "nodes:\n  - id: a-1\n    kind: item\n    text: t\n    source: x\n", 19, 5,
     "missing required field \"verified\""},
    {"verified_not_bool", HEAD "nodes:\n" ITEM "    tags: []\n  - id: b\n    kind: item\n    text: t\n    source: s\n    verified: yes\n",
     29, 15, "\"verified\" must be true or false"},
    {"undeclared_tag", HEAD "nodes:\n" ITEM "    tags: [cloud]\n", 24, 11, "tag \"cloud\" is not declared"},
    {"unknown_node_field", HEAD "nodes:\n" ITEM "    titel: 誤字\n", 24, 5, "unknown field \"titel\" in node a-1"},
    {"bad_map_ref", HEAD "nodes:\n" ITEM "    maps: [no-colon-here]\n", 24, 12, "is not a reference of the form"},
    {"bad_relation", HEAD "nodes:\n" ITEM "    maps: [{to: \"x:y\", rel: implies}]\n", 24, 29, "\"rel\" must be one of cites"},
    {"flow_title_with_comma", HEAD "nodes:\n  - id: h\n    kind: heading\n    title: {ja: 見出し, en: Scope, options}\n",
     21, 33, "unknown field \"options\" in node h.title"},
    {"responsibility_unknown", HEAD "nodes:\n" ITEM "    responsibility: vendors\n", 24, 21,
     "\"responsibility\" must be one of hospital"},
    {"target_fy_out_of_range", HEAD "nodes:\n" ITEM "    target_fy: 7\n", 24, 16, "\"target_fy\" must be a whole number from 2000"},
    {"params_outside_clauses", HEAD "nodes:\n" ITEM "    triggers: [always]\n", 24, 15, "belong to kind: clauses"},
    {"two_documents", HEAD "nodes:\n" ITEM "---\nmore: 1\n", 24, 1, "holds one YAML document"},
    {"invalid_utf8", "format: anzen-catalog/1\ncatalog:\n  publisher: \"\xff\xfe\"\n", 3, 15, "YAML syntax error"},
};

/* Criterion runs each parameter in a fresh process (a different address space), so the
 * parameters are indices into `cases`, never pointers. */
static size_t case_index[sizeof cases / sizeof cases[0]];

ParameterizedTestParameters(catalog_yaml, malformed)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        case_index[i] = i;
    return cr_make_param_array(size_t, case_index, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(size_t *idx, catalog_yaml, malformed)
{
    const bad_case *tc = &cases[*idx];
    diag_list d = {0};
    catalog *c = catalog_load_buffer("bad.yaml", tc->doc, strlen(tc->doc), &d);
    cr_assert_null(c, "%s: a file with errors must load nothing", tc->name);
    cr_assert_gt(d.len, 0, "%s: no error reported", tc->name);
    bool found = false;
    for (size_t i = 0; i < d.len; i++) {
        const diag *e = &d.items[i];
        if (e->line == tc->line && e->col == tc->col && strstr(e->message, tc->message)) {
            cr_assert_str_eq(e->file, "bad.yaml");
            found = true;
        }
    }
    if (!found)
        diag_print(&d, stderr);
    cr_assert(found, "%s: expected %d:%d: …%s…", tc->name, tc->line, tc->col, tc->message);
    diag_free(&d);
}

Test(catalog_yaml, reports_all_errors_of_a_file_at_once)
{
    const char *doc = HEAD "nodes:\n"
                           "  - id: a\n    kind: item\n    source: s\n    verified: true\n"  /* no text */
                           "  - id: a\n    kind: heading\n    title: t\n"                     /* duplicate */
                           "  - id: c\n    kind: chapter\n    title: t\n";                    /* bad kind */
    diag_list d = {0};
    cr_assert_null(catalog_load_buffer("many.yaml", doc, strlen(doc), &d));
    cr_assert_eq(d.len, 3, "three independent errors, three messages");
    char *first = diag_format(&d.items[0]);
    cr_assert_str_eq(first, "many.yaml:19:5: node a: missing required field \"text\"");
    free(first);
    diag_free(&d);
}

Test(catalog_yaml, clause_params_and_placeholders)
{
    const char *doc =
        "format: anzen-catalog/1\ncatalog:\n  id: cl\n  version: \"1\"\n  revision: 1\n  kind: clauses\n"
        "  title: 条項\n  publisher: anzen\n  published: 2026-01\n  source: {title: t, url: u}\n"
        "  completeness: {status: complete}\n  answers: [{value: agreed, label: 合意, meaning: positive}]\n"
        "nodes:\n"
        "  - id: c01\n    kind: item\n    text: 初報\n    source: s\n    verified: false\n"
        "    params:\n"
        "      - {name: report_hours, type: integer, default: 24, label: 初報期限, unit: 時間}\n"
        "      - {name: level, type: enum, choices: [low, high], default: mid, label: 水準}\n"
        "    annex: {ja: \"{{report_hours}}時間以内に{{who}}へ報告する。\"}\n"
        "    triggers: [remote-maintenance, moon-phase]\n";
    diag_list d = {0};
    cr_assert_null(catalog_load_buffer("cl.yaml", doc, strlen(doc), &d));
    bool bad_default = false, bad_placeholder = false, bad_trigger = false;
    for (size_t i = 0; i < d.len; i++) {
        bad_default |= d.items[i].line == 21 && strstr(d.items[i].message, "default \"mid\" is not a valid enum");
        bad_placeholder |= d.items[i].line == 22 && strstr(d.items[i].message, "annex uses {{who}}");
        bad_trigger |= d.items[i].line == 23 && strstr(d.items[i].message, "trigger \"moon-phase\" is not a known fact");
    }
    diag_print(&d, stderr);
    cr_assert(bad_default && bad_placeholder && bad_trigger);
    cr_assert_eq(d.len, 3);
    diag_free(&d);
}

Test(catalog_yaml, unreadable_file_is_reported)
{
    diag_list d = {0};
    cr_assert_null(catalog_load_file("/nonexistent/anzen.yaml", &d));
    cr_assert_eq(d.len, 1);
    cr_assert_not_null(strstr(d.items[0].message, "cannot read"));
    diag_free(&d);
}

Test(catalog_yaml, parse_ref_forms)
{
    char *c, *v, *n;
    cr_assert(catalog_parse_ref("mhlw-gl6-control:ctl-10-3", &c, &v, &n));
    cr_assert_str_eq(c, "mhlw-gl6-control");
    cr_assert_null(v);
    cr_assert_str_eq(n, "ctl-10-3");
    free(c);
    free(n);
    cr_assert(catalog_parse_ref("mhlw-checklist-hospital@R7:c7-2-06", &c, &v, &n));
    cr_assert_str_eq(v, "R7");
    free(c);
    free(v);
    free(n);
    cr_assert(!catalog_parse_ref("nocolon", &c, &v, &n));
    cr_assert(!catalog_parse_ref(":x", &c, &v, &n));
    cr_assert(!catalog_parse_ref("a@:x", &c, &v, &n));
    cr_assert(!catalog_parse_ref("a:b:c", &c, &v, &n));
}
