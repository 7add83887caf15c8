/* A JSON Schema validator for the tests (test_export_schema, test_bundle_schema), header-only:
 * it knows exactly the keywords anzen's schemas use (type incl. integer, const, enum, required,
 * properties, additionalProperties: false, items, minItems, $ref to #/$defs, oneOf, pattern as
 * POSIX ERE with \\n read as a newline, minLength/maxLength in code points, minimum, maximum)
 * and fails the test on any other, so a schema cannot grow a keyword the tests silently ignore.
 * Set json_schema_root before validating (for $ref). */
#ifndef ANZEN_TEST_JSON_SCHEMA_H
#define ANZEN_TEST_JSON_SCHEMA_H

#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <math.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"

static const cJSON *json_schema_root;

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
    if (str_eq(t, "integer"))
        return cJSON_IsNumber(v) && floor(v->valuedouble) == v->valuedouble;
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

/* code points of valid UTF-8 */
static size_t json_schema_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* pattern, minLength, maxLength (strings); minimum, maximum (numbers); minItems (arrays) */
static bool json_schema_limits(const cJSON *v, const cJSON *s, const char *at, char *why, size_t whylen)
{
    const cJSON *k;
    if (cJSON_IsString(v) && (k = cJSON_GetObjectItemCaseSensitive(s, "pattern"))) {
        /* ECMA's \n inside the pattern is a newline; the schemas use nothing else beyond ERE */
        strbuf p = {0};
        for (const char *c = k->valuestring; *c; c++) {
            if (c[0] == '\\' && c[1] == 'n') {
                sb_addc(&p, '\n');
                c++;
            } else {
                sb_addc(&p, *c);
            }
        }
        regex_t re;
        cr_assert_eq(regcomp(&re, sb_str(&p), REG_EXTENDED | REG_NOSUB), 0, "pattern %s", k->valuestring);
        bool ok = regexec(&re, v->valuestring, 0, NULL, 0) == 0;
        regfree(&re);
        sb_free(&p);
        if (!ok) {
            snprintf(why, whylen, "%s: does not match %s", at, k->valuestring);
            return false;
        }
    }
    if (cJSON_IsString(v) && (k = cJSON_GetObjectItemCaseSensitive(s, "minLength")) &&
        json_schema_chars(v->valuestring) < (size_t)k->valuedouble) {
        snprintf(why, whylen, "%s: shorter than %g", at, k->valuedouble);
        return false;
    }
    if (cJSON_IsString(v) && (k = cJSON_GetObjectItemCaseSensitive(s, "maxLength")) &&
        json_schema_chars(v->valuestring) > (size_t)k->valuedouble) {
        snprintf(why, whylen, "%s: longer than %g", at, k->valuedouble);
        return false;
    }
    if (cJSON_IsNumber(v) && (k = cJSON_GetObjectItemCaseSensitive(s, "minimum")) && v->valuedouble < k->valuedouble) {
        snprintf(why, whylen, "%s: below %g", at, k->valuedouble);
        return false;
    }
    if (cJSON_IsNumber(v) && (k = cJSON_GetObjectItemCaseSensitive(s, "maximum")) && v->valuedouble > k->valuedouble) {
        snprintf(why, whylen, "%s: above %g", at, k->valuedouble);
        return false;
    }
    if (cJSON_IsArray(v) && (k = cJSON_GetObjectItemCaseSensitive(s, "minItems")) &&
        cJSON_GetArraySize(v) < (int)k->valuedouble) {
        snprintf(why, whylen, "%s: fewer than %g items", at, k->valuedouble);
        return false;
    }
    return true;
}


static bool valid_keywords(const cJSON *v, const cJSON *s, const char *at, char *why, size_t whylen)
{
    static const char *const known[] = {"$schema", "$id", "$defs", "title", "description", "type", "const", "enum",
                                        "required", "properties", "additionalProperties", "items", "$ref", "oneOf",
                                        "pattern", "minLength", "maxLength", "minimum", "maximum", "minItems"};
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
            cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(json_schema_root, "$defs"), ref->valuestring + 8);
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
    if (!json_schema_limits(v, s, at, why, whylen))
        return false;
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

/* One text edit of a valid document: `from` (which must occur in it) replaced by `to`. */
typedef struct {
    const char *what, *from, *to;
} json_schema_edit;

/* Each edit applied alone to the file at path must give JSON that the schema refuses. */
static void json_schema_expect_edits_refused(const char *path, const cJSON *schema, const json_schema_edit *edits,
                                             size_t n)
{
    size_t len = 0;
    char *text = util_read_file(path, &len);
    cr_assert_not_null(text, "cannot read %s", path);
    for (size_t i = 0; i < n; i++) {
        const char *hit = strstr(text, edits[i].from);
        cr_assert_not_null(hit, "%s: %s no longer holds %s", edits[i].what, path, edits[i].from);
        char *broken = xasprintf("%.*s%s%s", (int)(hit - text), text, edits[i].to, hit + strlen(edits[i].from));
        cJSON *doc = cJSON_Parse(broken);
        cr_assert_not_null(doc, "%s: the broken copy is not JSON", edits[i].what);
        char why[256] = "";
        cr_expect_not(valid(doc, schema, "$", why, sizeof why), "%s: accepted", edits[i].what);
        cJSON_Delete(doc);
        free(broken);
    }
    free(text);
}

#endif
