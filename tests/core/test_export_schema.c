/* data/schema/anzen-export-1.schema.json describes what --format json writes: every JSON golden of
 * every document must satisfy it, and documents that break it must not. The validator below knows
 * exactly the keywords the schema uses (type, const, enum, required, properties,
 * additionalProperties: false, items, $ref to #/$defs, oneOf) and fails on any other, so the
 * schema cannot grow a keyword this test silently ignores. */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"

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

static bool type_is(const cJSON *v, const char *t)
{
    if (str_eq(t, "object"))
        return cJSON_IsObject(v);
    if (str_eq(t, "array"))
        return cJSON_IsArray(v);
    if (str_eq(t, "string"))
        return cJSON_IsString(v);
    if (str_eq(t, "number"))
        return cJSON_IsNumber(v);
    if (str_eq(t, "boolean"))
        return cJSON_IsBool(v);
    if (str_eq(t, "null"))
        return cJSON_IsNull(v);
    cr_assert_fail("unknown type %s in the schema", t);
    return false;
}

static bool equal(const cJSON *a, const cJSON *b)
{
    return cJSON_Compare(a, b, true);
}

/* true when v satisfies s; *why names the first failure (a static buffer, for the message). */
static bool valid(const cJSON *v, const cJSON *s, const char *at, char *why, size_t whylen);

static bool valid_keywords(const cJSON *v, const cJSON *s, const char *at, char *why, size_t whylen)
{
    static const char *const known[] = {"$schema", "$id", "$defs", "title", "description", "type", "const", "enum",
                                        "required", "properties", "additionalProperties", "items", "$ref", "oneOf"};
    const cJSON *k;
    cJSON_ArrayForEach(k, s)
    {
        bool ok = false;
        for (size_t i = 0; i < AZ_ARRAY_LEN(known); i++)
            ok = ok || str_eq(k->string, known[i]);
        cr_assert(ok, "the schema uses \"%s\", which this validator does not check", k->string);
    }
    const cJSON *ref = cJSON_GetObjectItemCaseSensitive(s, "$ref");
    if (ref) {
        cr_assert(str_starts(ref->valuestring, "#/$defs/"), "only local $defs references: %s", ref->valuestring);
        const cJSON *def =
            cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(schema, "$defs"), ref->valuestring + 8);
        cr_assert_not_null(def, "dangling $ref %s", ref->valuestring);
        if (!valid(v, def, at, why, whylen))
            return false;
    }
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(s, "type");
    if (type) {
        bool ok = false;
        if (cJSON_IsString(type)) {
            ok = type_is(v, type->valuestring);
        } else {
            const cJSON *t;
            cJSON_ArrayForEach(t, type) ok = ok || type_is(v, t->valuestring);
        }
        if (!ok) {
            snprintf(why, whylen, "%s: wrong type", at);
            return false;
        }
    }
    const cJSON *cst = cJSON_GetObjectItemCaseSensitive(s, "const");
    if (cst && !equal(v, cst)) {
        snprintf(why, whylen, "%s: not the constant", at);
        return false;
    }
    const cJSON *en = cJSON_GetObjectItemCaseSensitive(s, "enum");
    if (en) {
        bool ok = false;
        const cJSON *e;
        cJSON_ArrayForEach(e, en) ok = ok || equal(v, e);
        if (!ok) {
            snprintf(why, whylen, "%s: not one of the enum", at);
            return false;
        }
    }
    const cJSON *req = cJSON_GetObjectItemCaseSensitive(s, "required");
    const cJSON *r;
    cJSON_ArrayForEach(r, req)
    {
        if (!cJSON_GetObjectItemCaseSensitive(v, r->valuestring)) {
            snprintf(why, whylen, "%s: \"%s\" is missing", at, r->valuestring);
            return false;
        }
    }
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(s, "properties");
    const cJSON *extra = cJSON_GetObjectItemCaseSensitive(s, "additionalProperties");
    if (cJSON_IsObject(v) && (props || extra)) {
        const cJSON *m;
        cJSON_ArrayForEach(m, v)
        {
            const cJSON *ps = props ? cJSON_GetObjectItemCaseSensitive(props, m->string) : NULL;
            char *sub = xasprintf("%s.%s", at, m->string);
            bool ok = true;
            if (ps)
                ok = valid(m, ps, sub, why, whylen);
            else if (cJSON_IsFalse(extra)) {
                snprintf(why, whylen, "%s: not allowed", sub);
                ok = false;
            }
            free(sub);
            if (!ok)
                return false;
        }
    }
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(s, "items");
    if (items && cJSON_IsArray(v)) {
        int i = 0;
        const cJSON *e;
        cJSON_ArrayForEach(e, v)
        {
            char *sub = xasprintf("%s[%d]", at, i++);
            bool ok = valid(e, items, sub, why, whylen);
            free(sub);
            if (!ok)
                return false;
        }
    }
    const cJSON *one = cJSON_GetObjectItemCaseSensitive(s, "oneOf");
    if (one) {
        int matches = 0;
        char scratch[256];
        const cJSON *alt;
        cJSON_ArrayForEach(alt, one) matches += valid(v, alt, at, scratch, sizeof scratch);
        if (matches != 1) {
            snprintf(why, whylen, "%s: matches %d of oneOf, not exactly one", at, matches);
            return false;
        }
    }
    return true;
}

static bool valid(const cJSON *v, const cJSON *s, const char *at, char *why, size_t whylen)
{
    return valid_keywords(v, s, at, why, whylen);
}

static void setup(void)
{
    schema = load_json(TOP_SRCDIR "/data/schema/anzen-export-1.schema.json");
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
    static const struct {
        const char *what, *from, *to;
    } cases[] = {
        {"format", "\"anzen-export/1\"", "\"anzen-export/2\""},
        {"column kind", "\"kind\":\t\"mark\"", "\"kind\":\t\"tick\""},
        {"block type", "\"type\":\t\"paragraph\"", "\"type\":\t\"para\""},
        {"unknown key", "\"lang\":\t\"ja\"", "\"lang\":\t\"ja\", \"colour\": 1"},
        {"boolean", "\"page_break\":\tfalse", "\"page_break\":\t\"no\""},
        {"missing key", "\"repeat_header\":\ttrue,", ""},
    };
    size_t len = 0;
    char *text = util_read_file(TOP_SRCDIR "/tests/golden/export/fixture.json", &len);
    cr_assert_not_null(text);
    for (size_t i = 0; i < AZ_ARRAY_LEN(cases); i++) {
        const char *hit = strstr(text, cases[i].from);
        cr_assert_not_null(hit, "%s: the fixture no longer holds %s", cases[i].what, cases[i].from);
        char *broken = xasprintf("%.*s%s%s", (int)(hit - text), text, cases[i].to, hit + strlen(cases[i].from));
        cJSON *doc = cJSON_Parse(broken);
        cr_assert_not_null(doc, "%s: the broken copy is not JSON", cases[i].what);
        char why[256] = "";
        cr_expect_not(valid(doc, schema, "$", why, sizeof why), "%s: accepted", cases[i].what);
        cJSON_Delete(doc);
        free(broken);
    }
    free(text);
}
