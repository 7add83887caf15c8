/* Writing a bundle from the database (bundle.h). */
#include "bundle.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "bundle_system.h"
#include "catalog/lib.h"
#include "export/lib.h"
#include "sign.h"

const char *bundle_role_name(bundle_role r)
{
    return r == BUNDLE_ROLE_VENDOR ? "vendor" : r == BUNDLE_ROLE_HOSPITAL ? "hospital" : "";
}

bool bundle_role_parse(const char *s, bundle_role *out)
{
    static const struct {
        const char *in;
        bundle_role r;
    } t[] = {{"vendor", BUNDLE_ROLE_VENDOR}, {"事業者", BUNDLE_ROLE_VENDOR}, {"hospital", BUNDLE_ROLE_HOSPITAL},
             {"医療機関", BUNDLE_ROLE_HOSPITAL}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(t); i++)
        if (str_eq(s, t[i].in)) {
            *out = t[i].r;
            return true;
        }
    return false;
}

static cJSON *jtext(const char *v)
{
    return str_empty(v) ? cJSON_CreateNull() : cJSON_CreateString(v);
}

/* The answers of one party: a vendor's (that vendor's rows) or the hospital's. */
static bool is_party_row(const answer *x, bundle_role role, int64_t vendor_id)
{
    if (role == BUNDLE_ROLE_VENDOR)
        return x->party == PARTY_VENDOR && x->party_vendor_id == vendor_id;
    return x->party == PARTY_HOSPITAL;
}

static cJSON *answer_json(const answer *x, const catalog_node *node)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "item", x->item_id);
    cJSON_AddItemToObject(o, "ref", jtext(node ? node->ref : NULL));
    cJSON_AddItemToObject(o, "value", jtext(x->value));
    cJSON_AddItemToObject(o, "checked", jtext(x->checked));
    cJSON_AddItemToObject(o, "due", jtext(x->due));
    cJSON_AddItemToObject(o, "done", jtext(x->done));
    cJSON_AddItemToObject(o, "owner", jtext(x->owner == RESP_NONE ? NULL : responsibility_name(x->owner)));
    cJSON_AddItemToObject(o, "owner_vendor", jtext(x->owner_vendor_name));
    cJSON_AddItemToObject(o, "note", jtext(x->note));
    cJSON_AddItemToObject(o, "reason", jtext(x->reason));
    /* an entry by its reference (else its title): the importing side finds or registers it */
    cJSON *ev = cJSON_AddArrayToObject(o, "evidence");
    for (size_t i = 0; i < x->nevidence; i++)
        cJSON_AddItemToArray(ev, cJSON_CreateString(x->evidence[i].ref ? x->evidence[i].ref : x->evidence[i].title));
    cJSON_AddItemToObject(o, "answered_by", jtext(x->answered_by));
    cJSON_AddItemToObject(o, "updated_at", jtext(x->updated_at));
    return o;
}

static status_code assessment_json(store *s, const assessment *a, bundle_role role, cJSON **out, size_t *answers,
                                   status_detail *err)
{
    const catalog *c = catalog_db_get(s, a->catalog_id, a->catalog_version);
    if (!c) {
        char *label = xasprintf("%s@%s", a->catalog_id, a->catalog_version);
        status_fail(err, &(status_info){STATUS_CATALOG_GONE, .entity = label, .id = a->id});
        free(label);
        return STATUS_CATALOG_GONE;
    }
    answer_set set = {0};
    assess_field_list fields = {0};
    status_code r = assess_load_answers(s, a->id, &set, err);
    if (r == STATUS_OK)
        r = assess_field_load(s, a->id, &fields, err);
    if (r != STATUS_OK) {
        answer_set_free(&set);
        assess_field_list_free(&fields);
        return r;
    }
    cJSON *o = cJSON_CreateObject();
    cJSON *cat = cJSON_AddObjectToObject(o, "catalog");
    cJSON_AddStringToObject(cat, "id", c->id);
    cJSON_AddStringToObject(cat, "version", c->version);
    char hash[DIGEST_HEX];
    digest_catalog(c, hash);
    cJSON_AddStringToObject(cat, "hash", hash);
    cJSON_AddStringToObject(o, "scope", a->scope == SCOPE_SYSTEM ? "system" : "organisation");
    cJSON_AddItemToObject(o, "system", jtext(a->system_name));
    cJSON_AddItemToObject(o, "vendor", jtext(a->vendor_name));
    cJSON_AddNumberToObject(o, "fy", a->fy);
    cJSON_AddItemToObject(o, "title", jtext(a->title));
    cJSON *fo = cJSON_AddObjectToObject(o, "fields");
    for (size_t i = 0; i < c->nfields; i++) {
        const assess_field_value *v = assess_field_get(&fields, c->fields[i].key);
        if (v)
            cJSON_AddStringToObject(fo, v->key, v->value);
    }
    cJSON *arr = cJSON_AddArrayToObject(o, "answers");
    for (size_t i = 0; i < set.len; i++) {
        const answer *x = &set.items[i];
        if (!is_party_row(x, role, a->vendor_id))
            continue;
        cJSON_AddItemToArray(arr, answer_json(x, catalog_find_node(c, x->item_id)));
        (*answers)++;
    }
    answer_set_free(&set);
    assess_field_list_free(&fields);
    *out = o;
    return STATUS_OK;
}

static bool has_vendor_rows(store *s, const assessment *a)
{
    answer_set set = {0};
    status_detail e = {0};
    bool any = false;
    if (a->vendor_id && assess_load_answers(s, a->id, &set, &e) == STATUS_OK)
        for (size_t i = 0; i < set.len && !any; i++)
            any = is_party_row(&set.items[i], BUNDLE_ROLE_VENDOR, a->vendor_id);
    answer_set_free(&set);
    status_detail_free(&e);
    return any;
}

/* The content object of the bundle. */
static status_code content_json(store *s, const int64_t *ids, size_t n, const bundle_options *opt, cJSON **out,
                                size_t *answers, status_detail *err)
{
    *out = NULL;
    assessment *as = xcalloc(n ? n : 1, sizeof *as);
    status_code r = STATUS_OK;
    size_t got = 0;
    for (; got < n && r == STATUS_OK; got++)
        r = assess_get_row(s, ids[got], &as[got], err);
    if (r != STATUS_OK)
        got--;
    bundle_role role = opt->role;
    for (size_t i = 0; r == STATUS_OK && role == BUNDLE_ROLE_AUTO && i < n; i++)
        if (has_vendor_rows(s, &as[i]))
            role = BUNDLE_ROLE_VENDOR;
    if (role == BUNDLE_ROLE_AUTO)
        role = BUNDLE_ROLE_HOSPITAL;
    for (size_t i = 0; r == STATUS_OK && role == BUNDLE_ROLE_VENDOR && i < n; i++)
        if (!as[i].vendor_id)
            r = status_fail(err, &(status_info){STATUS_VENDOR_ANSWER_NO_VENDOR, .id = as[i].id});
    ws_org org = {0};
    status_detail oe = {0};
    bool have_org = r == STATUS_OK && ws_org_get(s, &org, &oe) == STATUS_OK;
    status_detail_free(&oe);
    cJSON *c = NULL;
    if (r == STATUS_OK) {
        c = cJSON_CreateObject();
        cJSON_AddItemToObject(c, "anzen_version", jtext(opt->anzen_version));
        char now[32];
        clock_now(now);
        cJSON_AddStringToObject(c, "created_at", opt->created_at ? opt->created_at : now);
        cJSON_AddItemToObject(c, "organisation", jtext(have_org ? org.name : NULL));
        cJSON *party = cJSON_AddObjectToObject(c, "party");
        cJSON_AddStringToObject(party, "role", bundle_role_name(role));
        const char *name = opt->name;
        if (str_empty(name))
            name = role == BUNDLE_ROLE_VENDOR ? as[0].vendor_name : have_org ? org.name : NULL;
        cJSON_AddItemToObject(party, "name", jtext(name));
        /* the systems in scope, each once */
        cJSON *systems = cJSON_AddArrayToObject(c, "systems");
        for (size_t i = 0; i < n && r == STATUS_OK; i++) {
            bool seen = false;
            for (size_t k = 0; k < i; k++)
                seen |= as[k].system_id == as[i].system_id;
            if (!as[i].system_id || seen)
                continue;
            ws_system sys;
            if ((r = ws_system_get(s, as[i].system_id, &sys, err)) == STATUS_OK)
                cJSON_AddItemToArray(systems, bundle_system_json(&sys));
            ws_system_free(&sys);
        }
        cJSON *arr = cJSON_AddArrayToObject(c, "assessments");
        for (size_t i = 0; i < n && r == STATUS_OK; i++) {
            cJSON *o = NULL;
            if ((r = assessment_json(s, &as[i], role, &o, answers, err)) == STATUS_OK)
                cJSON_AddItemToArray(arr, o);
        }
    }
    ws_org_free(&org);
    for (size_t i = 0; i < got; i++)
        assessment_free(&as[i]);
    free(as);
    if (r != STATUS_OK) {
        cJSON_Delete(c);
        return r;
    }
    *out = c;
    return STATUS_OK;
}

status_code bundle_write(store *s, const int64_t *ids, size_t n, const bundle_options *opt, const unsigned char *sk,
                         const key_public *signer, const char *path, bool force, char digest[DIGEST_HEX],
                         size_t *answers, status_detail *err)
{
    size_t count = 0;
    cJSON *content = NULL;
    status_code r = content_json(s, ids, n, opt, &content, &count, err);
    if (r != STATUS_OK)
        return r;
    char *canon = digest_canonical(content);
    char hex[DIGEST_HEX];
    digest_sha256_hex(canon, strlen(canon), hex);
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "format", BUNDLE_FORMAT);
    cJSON_AddItemToObject(doc, "content", content);
    cJSON *d = cJSON_AddObjectToObject(doc, "digest");
    cJSON_AddStringToObject(d, "algorithm", "sha256");
    cJSON_AddStringToObject(d, "value", hex);
    if (sk && signer) {
        char *sig = sign_message(canon, strlen(canon), sk);
        char *pk64 = sign_base64(signer->pk, SIGN_PUBLIC_BYTES);
        cJSON *so = cJSON_AddObjectToObject(doc, "signature");
        cJSON_AddStringToObject(so, "algorithm", "ed25519");
        cJSON_AddStringToObject(so, "public_key", pk64);
        cJSON_AddStringToObject(so, "fingerprint", signer->fingerprint);
        cJSON_AddItemToObject(so, "signer", jtext(signer->name));
        cJSON_AddItemToObject(so, "value", jtext(sig));
        free(sig);
        free(pk64);
    }
    free(canon);
    char *text = cJSON_Print(doc);
    cJSON_Delete(doc);
    char *bytes = xasprintf("%s\n", text ? text : "");
    cJSON_free(text);
    export_error e = {0};
    if (export_write_bytes(bytes, strlen(bytes), path, force, &e) != EXPORT_OK) {
        r = export_error_status(&e, path, err);
        status_set_field(err, "--output");
    }
    export_error_clear(&e);
    free(bytes);
    if (r == STATUS_OK) {
        if (digest)
            memcpy(digest, hex, DIGEST_HEX);
        if (answers)
            *answers = count;
    }
    return r;
}
