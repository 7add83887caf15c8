/* Reading a bundle handed over by the other party: untrusted input, checked layer by layer so
 * each failure names the file and the place (line:col, or the field path). */
#include "bundle.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bundle_system.h"
#include "sign.h"
#include "text/lib.h"

void bundle_free(bundle *b)
{
    if (!b)
        return;
    free(b->source);
    free(b->anzen_version);
    free(b->created_at);
    free(b->organisation);
    free(b->party_name);
    ws_system_list_free(b->systems, b->nsystems);
    for (size_t i = 0; i < b->nassessments; i++) {
        bundle_assessment *a = &b->assessments[i];
        free(a->catalog_id);
        free(a->catalog_version);
        free(a->catalog_hash);
        free(a->system);
        free(a->vendor);
        free(a->title);
        sl_free(&a->field_keys);
        sl_free(&a->field_values);
        for (size_t k = 0; k < a->nanswers; k++) {
            bundle_answer *x = &a->answers[k];
            free(x->item);
            free(x->ref);
            free(x->value);
            free(x->checked);
            free(x->due);
            free(x->done);
            free(x->owner);
            free(x->owner_vendor);
            free(x->note);
            free(x->reason);
            sl_free(&x->evidence);
            free(x->answered_by);
            free(x->updated_at);
        }
        free(a->answers);
    }
    free(b->assessments);
    key_public_free(&b->signer);
    memset(b, 0, sizeof *b);
}

/* ---- bytes: UTF-8 and positions ---- */

static void position(const char *data, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == '\n') {
            (*line)++;
            *col = 1;
        } else if ((c & 0xC0) != 0x80) {
            (*col)++; /* columns count characters, not bytes */
        }
    }
}

/* Offset of the first byte that is not well-formed UTF-8 (no overlongs, surrogates or code points
 * beyond U+10FFFF, no NUL), or len. */
static size_t utf8_bad_at(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c == 0)
            return i;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (!n || c > 0xF4 || i + n > len)
            return i;
        unsigned cp = c & (0x3F >> (n - 1));
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
        i += n;
    }
    return len;
}

/* ---- the tree: duplicate keys and text sizes ---- */

static int name_cmp(const void *a, const void *b)
{
    return strcmp((*(const cJSON *const *)a)->string, (*(const cJSON *const *)b)->string);
}

static char *child_path(const char *path, const cJSON *parent, const cJSON *kid, size_t index)
{
    if (cJSON_IsArray(parent))
        return xasprintf("%s[%zu]", path, index);
    return *path ? xasprintf("%s.%s", path, kid->string) : xstrdup(kid->string);
}

static status_code walk(const cJSON *j, const char *path, const char *src, int depth, status_detail *err)
{
    if (cJSON_IsString(j) && strlen(j->valuestring) > BUNDLE_STRING_MAX)
        return status_fail(err, &(status_info){STATUS_BUNDLE_STRING_TOO_LONG, .entity = src, .field = path,
                                               .num = (int64_t)strlen(j->valuestring), .extra = "1 MiB"});
    if (!cJSON_IsObject(j) && !cJSON_IsArray(j))
        return STATUS_OK;
    size_t n = 0;
    for (const cJSON *c = j->child; c; c = c->next)
        n++;
    if (cJSON_IsObject(j) && n > 1) {
        const cJSON **kids = xcalloc(n, sizeof *kids);
        size_t k = 0;
        for (const cJSON *c = j->child; c; c = c->next)
            kids[k++] = c;
        qsort(kids, n, sizeof *kids, name_cmp);
        for (k = 1; k < n; k++)
            if (strcmp(kids[k - 1]->string, kids[k]->string) == 0) {
                status_code r = status_fail(err, &(status_info){STATUS_BUNDLE_DUPLICATE_KEY, .entity = src,
                                                                .field = *path ? path : "(top)", .value = kids[k]->string});
                free(kids);
                return r;
            }
        free(kids);
    }
    size_t i = 0;
    for (const cJSON *c = j->child; c; c = c->next, i++) {
        if (c->string && strlen(c->string) > BUNDLE_STRING_MAX)
            return status_fail(err, &(status_info){STATUS_BUNDLE_STRING_TOO_LONG, .entity = src, .field = path,
                                                   .num = (int64_t)strlen(c->string), .extra = "1 MiB"});
        char *p = child_path(path, j, c, i);
        status_code r = walk(c, p, src, depth + 1, err);
        free(p);
        if (r != STATUS_OK)
            return r;
    }
    return STATUS_OK;
}

/* ---- the schema ---- */

typedef struct {
    const char *src;
    status_detail *err;
    status_code r;
} pctx;

static char *key_path(const char *path, const char *key)
{
    return *path ? xasprintf("%s.%s", path, key) : xstrdup(key);
}

static void fail_at(pctx *p, status_code code, const char *path, const char *key, const char *value, const char *extra)
{
    if (p->r != STATUS_OK)
        return;
    char *fp = key ? key_path(path, key) : xstrdup(path);
    p->r = status_fail(p->err, &(status_info){code, .entity = p->src, .field = fp, .value = value, .extra = extra});
    free(fp);
}

/* Only these keys (NULL-terminated). */
static void keys_only(pctx *p, const cJSON *o, const char *path, const char *const *allowed)
{
    for (const cJSON *c = o ? o->child : NULL; c && p->r == STATUS_OK; c = c->next) {
        bool ok = false;
        for (const char *const *a = allowed; *a && !ok; a++)
            ok = str_eq(*a, c->string);
        if (!ok)
            fail_at(p, STATUS_BUNDLE_UNKNOWN_KEY, path, c->string, NULL, NULL);
    }
}

static const cJSON *member_of(pctx *p, const cJSON *o, const char *path, const char *key, bool required)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v && required)
        fail_at(p, STATUS_BUNDLE_MISSING, path, key, NULL, NULL);
    return v;
}

static const cJSON *object_of(pctx *p, const cJSON *o, const char *path, const char *key)
{
    const cJSON *v = member_of(p, o, path, key, true);
    if (v && !cJSON_IsObject(v))
        fail_at(p, STATUS_BUNDLE_TYPE, path, key, NULL, "an object");
    return p->r == STATUS_OK ? v : NULL;
}

static const cJSON *array_of(pctx *p, const cJSON *o, const char *path, const char *key)
{
    const cJSON *v = member_of(p, o, path, key, true);
    if (v && !cJSON_IsArray(v))
        fail_at(p, STATUS_BUNDLE_TYPE, path, key, NULL, "an array");
    return p->r == STATUS_OK ? v : NULL;
}

/* A string member (null allowed unless required): a copy, NULL for null / absent / "". */
static char *text_of(pctx *p, const cJSON *o, const char *path, const char *key, bool required)
{
    const cJSON *v = member_of(p, o, path, key, required);
    if (p->r != STATUS_OK || !v)
        return NULL;
    if (cJSON_IsNull(v) && !required)
        return NULL;
    if (!cJSON_IsString(v)) {
        fail_at(p, STATUS_BUNDLE_TYPE, path, key, NULL, required ? "a string" : "a string or null");
        return NULL;
    }
    if (required && !*v->valuestring) {
        fail_at(p, STATUS_BUNDLE_MISSING, path, key, NULL, NULL);
        return NULL;
    }
    return *v->valuestring ? xstrdup(v->valuestring) : NULL;
}

static char *date_of(pctx *p, const cJSON *o, const char *path, const char *key)
{
    char *t = text_of(p, o, path, key, false);
    if (t && !jpdate_is_iso(t)) {
        fail_at(p, STATUS_BUNDLE_BAD_VALUE, path, key, t, "a date (YYYY-MM-DD)");
        xfree(&t);
    }
    return t;
}

static char *time_of(pctx *p, const cJSON *o, const char *path, const char *key, bool required)
{
    char *t = text_of(p, o, path, key, required);
    if (t && !clock_is_iso(t)) {
        fail_at(p, STATUS_BUNDLE_BAD_VALUE, path, key, t, "a UTC time (2026-05-10T09:00:00Z)");
        xfree(&t);
    }
    return t;
}

static void answer_read(pctx *p, const cJSON *o, const char *path, bundle_answer *x)
{
    static const char *const keys[] = {"item", "ref", "value", "checked", "due", "done", "owner", "owner_vendor",
                                       "note", "reason", "evidence", "answered_by", "updated_at", NULL};
    if (!cJSON_IsObject(o)) {
        fail_at(p, STATUS_BUNDLE_TYPE, path, NULL, NULL, "an object");
        return;
    }
    keys_only(p, o, path, keys);
    x->item = text_of(p, o, path, "item", true);
    x->ref = text_of(p, o, path, "ref", false);
    x->value = text_of(p, o, path, "value", false);
    x->checked = date_of(p, o, path, "checked");
    x->due = date_of(p, o, path, "due");
    x->done = date_of(p, o, path, "done");
    x->owner = text_of(p, o, path, "owner", false);
    responsibility resp;
    if (x->owner && (!responsibility_parse(x->owner, &resp) || resp == RESP_NONE))
        fail_at(p, STATUS_BUNDLE_BAD_VALUE, path, "owner", x->owner, "hospital, vendor, joint or na");
    x->owner_vendor = text_of(p, o, path, "owner_vendor", false);
    x->note = text_of(p, o, path, "note", false);
    x->reason = text_of(p, o, path, "reason", false);
    if (x->reason && strchr(x->reason, '\n'))
        fail_at(p, STATUS_BUNDLE_BAD_VALUE, path, "reason", x->reason, "one line");
    const cJSON *ev = member_of(p, o, path, "evidence", false);
    if (ev && !cJSON_IsArray(ev) && !cJSON_IsNull(ev))
        fail_at(p, STATUS_BUNDLE_TYPE, path, "evidence", NULL, "an array of strings");
    size_t i = 0;
    for (const cJSON *e = cJSON_IsArray(ev) ? ev->child : NULL; e && p->r == STATUS_OK; e = e->next, i++) {
        char *ep = xasprintf("%s.evidence[%zu]", path, i);
        if (!cJSON_IsString(e) || !*e->valuestring || strchr(e->valuestring, '\n'))
            fail_at(p, STATUS_BUNDLE_TYPE, ep, NULL, NULL, "one non-empty line");
        else
            sl_push(&x->evidence, e->valuestring);
        free(ep);
    }
    x->answered_by = text_of(p, o, path, "answered_by", false);
    x->updated_at = time_of(p, o, path, "updated_at", false);
}

static void assessment_read(pctx *p, const cJSON *o, const char *path, bundle_assessment *a)
{
    static const char *const keys[] = {"catalog", "scope", "system", "vendor", "fy", "title", "fields", "answers", NULL};
    static const char *const cat_keys[] = {"id", "version", "hash", NULL};
    if (!cJSON_IsObject(o)) {
        fail_at(p, STATUS_BUNDLE_TYPE, path, NULL, NULL, "an object");
        return;
    }
    keys_only(p, o, path, keys);
    const cJSON *cat = object_of(p, o, path, "catalog");
    char *cpath = key_path(path, "catalog");
    keys_only(p, cat, cpath, cat_keys);
    a->catalog_id = text_of(p, cat, cpath, "id", true);
    a->catalog_version = text_of(p, cat, cpath, "version", true);
    a->catalog_hash = text_of(p, cat, cpath, "hash", false);
    free(cpath);
    char *scope = text_of(p, o, path, "scope", true);
    if (scope && !str_eq(scope, "organisation") && !str_eq(scope, "system"))
        fail_at(p, STATUS_BUNDLE_BAD_VALUE, path, "scope", scope, "organisation or system");
    a->system_scope = str_eq(scope, "system");
    free(scope);
    a->system = text_of(p, o, path, "system", a->system_scope);
    a->vendor = text_of(p, o, path, "vendor", false);
    a->title = text_of(p, o, path, "title", false);
    const cJSON *fy = member_of(p, o, path, "fy", true);
    if (fy && (!cJSON_IsNumber(fy) || floor(fy->valuedouble) != fy->valuedouble || fy->valuedouble < 1900 ||
               fy->valuedouble > 2200))
        fail_at(p, STATUS_BUNDLE_TYPE, path, "fy", NULL, "a fiscal year (1900-2200)");
    else if (fy)
        a->fy = (int)fy->valuedouble;
    const cJSON *fields = member_of(p, o, path, "fields", false);
    if (fields && !cJSON_IsObject(fields))
        fail_at(p, STATUS_BUNDLE_TYPE, path, "fields", NULL, "an object");
    for (const cJSON *f = cJSON_IsObject(fields) ? fields->child : NULL; f && p->r == STATUS_OK; f = f->next) {
        char *fp = xasprintf("%s.fields.%s", path, f->string);
        if (!cJSON_IsString(f))
            fail_at(p, STATUS_BUNDLE_TYPE, fp, NULL, NULL, "a string");
        else {
            sl_push(&a->field_keys, f->string);
            sl_push(&a->field_values, f->valuestring);
        }
        free(fp);
    }
    const cJSON *answers = array_of(p, o, path, "answers");
    size_t n = answers ? (size_t)cJSON_GetArraySize(answers) : 0;
    a->answers = xcalloc(n ? n : 1, sizeof *a->answers);
    size_t i = 0;
    for (const cJSON *x = answers ? answers->child : NULL; x && p->r == STATUS_OK; x = x->next, i++) {
        char *xp = xasprintf("%s.answers[%zu]", path, i);
        a->nanswers = i + 1;
        answer_read(p, x, xp, &a->answers[i]);
        for (size_t k = 0; k < i && p->r == STATUS_OK; k++)
            if (str_eq(a->answers[k].item, a->answers[i].item))
                fail_at(p, STATUS_BUNDLE_DUPLICATE_KEY, xp, "item", a->answers[i].item, NULL);
        free(xp);
    }
}

static void content_read(pctx *p, const cJSON *c, bundle *b)
{
    static const char *const keys[] = {"anzen_version", "created_at", "organisation", "party", "systems", "assessments",
                                       NULL};
    static const char *const party_keys[] = {"role", "name", NULL};
    const char *path = "content";
    keys_only(p, c, path, keys);
    b->anzen_version = text_of(p, c, path, "anzen_version", false);
    b->created_at = time_of(p, c, path, "created_at", true);
    b->organisation = text_of(p, c, path, "organisation", false);
    const cJSON *party = object_of(p, c, path, "party");
    keys_only(p, party, "content.party", party_keys);
    char *role = text_of(p, party, "content.party", "role", true);
    if (role && !str_eq(role, "vendor") && !str_eq(role, "hospital"))
        fail_at(p, STATUS_BUNDLE_BAD_VALUE, "content.party", "role", role, "vendor or hospital");
    b->role = str_eq(role, "vendor") ? BUNDLE_ROLE_VENDOR : BUNDLE_ROLE_HOSPITAL;
    free(role);
    b->party_name = text_of(p, party, "content.party", "name", b->role == BUNDLE_ROLE_VENDOR);
    const cJSON *systems = array_of(p, c, path, "systems");
    size_t n = systems ? (size_t)cJSON_GetArraySize(systems) : 0;
    b->systems = xcalloc(n ? n : 1, sizeof *b->systems);
    size_t i = 0;
    for (const cJSON *sj = systems ? systems->child : NULL; sj && p->r == STATUS_OK; sj = sj->next, i++) {
        char *sp = xasprintf("content.systems[%zu]", i);
        p->r = bundle_system_parse(sj, p->src, sp, &b->systems[i], p->err);
        if (p->r == STATUS_OK)
            b->nsystems = i + 1;
        free(sp);
    }
    const cJSON *arr = array_of(p, c, path, "assessments");
    n = arr ? (size_t)cJSON_GetArraySize(arr) : 0;
    if (arr && n == 0)
        fail_at(p, STATUS_BUNDLE_MISSING, "content.assessments[0]", NULL, NULL, NULL);
    b->assessments = xcalloc(n ? n : 1, sizeof *b->assessments);
    i = 0;
    for (const cJSON *aj = arr ? arr->child : NULL; aj && p->r == STATUS_OK; aj = aj->next, i++) {
        char *ap = xasprintf("content.assessments[%zu]", i);
        b->nassessments = i + 1;
        assessment_read(p, aj, ap, &b->assessments[i]);
        free(ap);
    }
}

/* The digest and signature over the canonical content. */
static void seal_check(pctx *p, const cJSON *doc, const cJSON *content, bundle *b)
{
    static const char *const digest_keys[] = {"algorithm", "value", NULL};
    static const char *const sig_keys[] = {"algorithm", "public_key", "fingerprint", "signer", "value", NULL};
    const cJSON *d = object_of(p, doc, "", "digest");
    keys_only(p, d, "digest", digest_keys);
    char *alg = text_of(p, d, "digest", "algorithm", true);
    if (alg && !str_eq(alg, "sha256"))
        fail_at(p, STATUS_BUNDLE_BAD_VALUE, "digest", "algorithm", alg, "sha256");
    free(alg);
    char *value = text_of(p, d, "digest", "value", true);
    char *canon = p->r == STATUS_OK ? digest_canonical(content) : NULL;
    if (canon) {
        digest_sha256_hex(canon, strlen(canon), b->digest);
        if (!str_eq(value, b->digest))
            p->r = status_fail(p->err, &(status_info){STATUS_BUNDLE_DIGEST, .entity = p->src, .field = "digest.value",
                                                      .value = value});
    }
    free(value);
    const cJSON *sig = member_of(p, doc, "", "signature", false);
    if (sig && p->r == STATUS_OK) {
        if (!cJSON_IsObject(sig))
            fail_at(p, STATUS_BUNDLE_TYPE, "", "signature", NULL, "an object");
        keys_only(p, sig, "signature", sig_keys);
        char *salg = text_of(p, sig, "signature", "algorithm", true);
        if (salg && !str_eq(salg, "ed25519"))
            fail_at(p, STATUS_BUNDLE_BAD_VALUE, "signature", "algorithm", salg, "ed25519");
        free(salg);
        char *pk64 = text_of(p, sig, "signature", "public_key", true);
        char *fp = text_of(p, sig, "signature", "fingerprint", false);
        char *signer = text_of(p, sig, "signature", "signer", false);
        char *sv = text_of(p, sig, "signature", "value", true);
        if (p->r == STATUS_OK && !sign_unbase64(pk64, b->signer.pk, SIGN_PUBLIC_BYTES))
            fail_at(p, STATUS_BUNDLE_BAD_VALUE, "signature", "public_key", pk64, "an Ed25519 public key (base64)");
        if (p->r == STATUS_OK) {
            key_fingerprint(b->signer.pk, b->signer.fingerprint);
            if ((fp && !str_eq(fp, b->signer.fingerprint)) || !sign_verify(canon, strlen(canon), b->signer.pk, sv))
                p->r = status_fail(p->err, &(status_info){STATUS_BUNDLE_SIGNATURE, .entity = p->src,
                                                          .field = "signature.value", .value = b->signer.fingerprint});
        }
        if (p->r == STATUS_OK) {
            b->is_signed = true;
            b->signer.name = signer;
            signer = NULL;
        }
        free(pk64);
        free(fp);
        free(signer);
        free(sv);
    }
    free(canon);
}

status_code bundle_parse(const char *data, size_t len, const char *source, bundle *out, status_detail *err)
{
    memset(out, 0, sizeof *out);
    const char *src = source ? source : "bundle";
    if (len > BUNDLE_FILE_MAX)
        return status_fail(err, &(status_info){STATUS_BUNDLE_TOO_BIG, .entity = src, .num = (int64_t)len, .extra = "32 MiB"});
    size_t bad = utf8_bad_at((const unsigned char *)data, len);
    int line, col;
    if (bad < len) {
        position(data, bad, &line, &col);
        return status_fail(err, &(status_info){STATUS_BUNDLE_NOT_UTF8, .entity = src, .line = line, .col = col});
    }
    const char *end = NULL;
    cJSON *doc = cJSON_ParseWithLengthOpts(data, len, &end, false);
    size_t stop = end && end >= data ? (size_t)(end - data) : len;
    if (doc) /* only white space may follow the value */
        while (stop < len && strchr(" \t\r\n", data[stop]))
            stop++;
    if (!doc || stop < len) {
        cJSON_Delete(doc);
        position(data, stop > len ? len : stop, &line, &col);
        return status_fail(err, &(status_info){STATUS_BUNDLE_NOT_JSON, .entity = src, .line = line, .col = col});
    }
    status_code r = walk(doc, "", src, 0, err);
    pctx p = {src, err, r};
    if (p.r == STATUS_OK && !cJSON_IsObject(doc))
        fail_at(&p, STATUS_BUNDLE_TYPE, "(top)", NULL, NULL, "an object");
    static const char *const top_keys[] = {"format", "content", "digest", "signature", NULL};
    if (p.r == STATUS_OK) {
        const char *format = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(doc, "format"));
        if (!str_eq(format, BUNDLE_FORMAT))
            p.r = status_fail(err, &(status_info){STATUS_BUNDLE_FORMAT, .entity = src, .field = "format",
                                                  .value = format ? format : "", .extra = BUNDLE_FORMAT});
    }
    keys_only(&p, doc, "", top_keys);
    const cJSON *content = p.r == STATUS_OK ? object_of(&p, doc, "", "content") : NULL;
    if (p.r == STATUS_OK)
        seal_check(&p, doc, content, out);
    if (p.r == STATUS_OK)
        content_read(&p, content, out);
    cJSON_Delete(doc);
    if (p.r != STATUS_OK) {
        bundle_free(out);
        return p.r;
    }
    out->source = xstrdup(src);
    return STATUS_OK;
}

status_code bundle_read_file(const char *path, bundle *out, status_detail *err)
{
    memset(out, 0, sizeof *out);
    size_t len = 0;
    char *data = util_read_regular_file(path, BUNDLE_FILE_MAX, &len);
    if (!data) {
        if (errno == EFBIG) {
            struct stat st;
            int64_t size = stat(path, &st) == 0 ? (int64_t)st.st_size : 0;
            return status_fail(err, &(status_info){STATUS_BUNDLE_TOO_BIG, .entity = path, .num = size, .extra = "32 MiB"});
        }
        /* util_read_regular_file says EINVAL for a FIFO, device or directory: name it so */
        const char *why = errno == EINVAL ? "not a regular file (a FIFO, device or directory)" : strerror(errno);
        return status_fail(err, &(status_info){STATUS_FILE_CANNOT_READ, .entity = path, .extra = why});
    }
    status_code r = bundle_parse(data, len, path, out, err);
    free(data);
    return r;
}
