/* data/schema/anzen-export-1.schema.json describes what --format json writes: every JSON golden of
 * every document must satisfy it, and documents that break it must not. The validator
 * (support/json_schema.h) knows exactly the keywords the schemas use and fails on any other, so
 * the schema cannot grow a keyword this test silently ignores. */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"
#include "json_schema.h"

static cJSON *schema;

static cJSON *load_json(const char *path)
{
    size_t len = 0;
    char *text = util_read_file(path, &len);
    cr_assert_not_null(text, "cannot read %s", path);
    cJSON *j = cJSON_ParseWithLength(text, len);
    free(text);
    cr_assert_not_null(j, "%s is not JSON", path);
    return j;
}

static void setup(void)
{
    schema = load_json(TOP_SRCDIR "/data/schema/anzen-export-1.schema.json");
    json_schema_root = schema;
}

static void teardown(void)
{
    cJSON_Delete(schema);
}

TestSuite(export_schema, .init = setup, .fini = teardown);

Test(export_schema, every_json_golden_satisfies_the_schema)
{
    static const char *const goldens[] = {"fixture", "doc-checklist", "doc-kakuninhyo", "doc-gaps", "doc-disclosure"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(goldens); i++) {
        char *path = xasprintf(TOP_SRCDIR "/tests/golden/export/%s.json", goldens[i]);
        cJSON *doc = load_json(path);
        char why[256] = "";
        cr_expect(valid(doc, schema, "$", why, sizeof why), "%s: %s", path, why);
        cJSON_Delete(doc);
        free(path);
    }
}

/* One broken copy of the fixture per rule: each must be refused. */
Test(export_schema, documents_that_break_it_are_refused)
{
    static const json_schema_edit cases[] = {
        {"format", "\"anzen-export/1\"", "\"anzen-export/2\""},
        {"column kind", "\"kind\":\t\"mark\"", "\"kind\":\t\"tick\""},
        {"block type", "\"type\":\t\"paragraph\"", "\"type\":\t\"para\""},
        {"unknown key", "\"lang\":\t\"ja\"", "\"lang\":\t\"ja\", \"colour\": 1"},
        {"boolean", "\"page_break\":\tfalse", "\"page_break\":\t\"no\""},
        {"missing key", "\"repeat_header\":\ttrue,", ""},
    };
    json_schema_expect_edits_refused(TOP_SRCDIR "/tests/golden/export/fixture.json", schema, cases, AZ_ARRAY_LEN(cases));
}
