#include "bundle_system.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text/lib.h"

typedef enum { F_TEXT, F_DATE, F_HOSTING, F_TRI, F_INT, F_PORTS, F_STORAGE, F_CONNECTIONS, F_CONTROLS } fact_kind;

typedef struct {
    const char *name;
    fact_kind kind;
    size_t off; /* of the member in ws_system */
} fact;

#define M(member) offsetof(ws_system, member)
static const fact facts[] = {
    {"product", F_TEXT, M(product)},
    {"product_version", F_TEXT, M(product_version)},
    {"hosting", F_HOSTING, M(hosting)},
    {"remote_maintenance", F_TRI, M(remote_maintenance)},
    {"remote_method", F_TEXT, M(remote_method)},
    {"remote_source_restriction", F_TEXT, M(remote_source_restriction)},
    {"medical_device", F_TRI, M(medical_device)},
    {"patient_data_in_maintenance", F_TRI, M(patient_data_in_maintenance)},
    {"sbom_available", F_TRI, M(sbom_available)},
    {"sbom_ref", F_TEXT, M(sbom_ref)},
    {"end_of_support", F_DATE, M(end_of_support)},
    {"backup_method", F_TEXT, M(backup_method)},
    {"backup_generations", F_INT, M(backup_generations)},
    {"restore_by", F_TEXT, M(restore_by)},
    {"restore_method", F_TEXT, M(restore_method)},
    {"disposal", F_TEXT, M(disposal)},
    {"documents", F_TEXT, M(documents)},
    {"note", F_TEXT, M(note)},
    {"ports", F_PORTS, M(ports)},
    {"storage", F_STORAGE, M(storage)},
    {"connections", F_CONNECTIONS, M(connections)},
    {"controls", F_CONTROLS, M(controls)},
};
#undef M

size_t bundle_system_fact_count(void)
{
    return AZ_ARRAY_LEN(facts);
}

const char *bundle_system_fact_name(size_t i)
{
    return i < AZ_ARRAY_LEN(facts) ? facts[i].name : NULL;
}

size_t bundle_system_fact_find(const char *name)
{
    for (size_t i = 0; i < AZ_ARRAY_LEN(facts); i++)
        if (str_eq(facts[i].name, name))
            return i;
    return (size_t)-1;
}

static char **text_at(ws_system *s, const fact *f)
{
    return (char **)((char *)s + f->off);
}

static const char *text_of(const ws_system *s, const fact *f)
{
    return *(char *const *)((const char *)s + f->off);
}

static cJSON *str_or_null(const char *v)
{
    return str_empty(v) ? cJSON_CreateNull() : cJSON_CreateString(v);
}

/* One list entry's members, each a char* at an offset, in JSON order. */
typedef struct {
    const char *name;
    size_t off;
    bool required;
} member;

static const member port_members[] = {{"ports", offsetof(ws_port, ports), true},
                                      {"protocol", offsetof(ws_port, protocol), false},
                                      {"purpose", offsetof(ws_port, purpose), false},
                                      {"note", offsetof(ws_port, note), false}};
static const member storage_members[] = {{"medium", offsetof(ws_storage, medium), false},
                                         {"location", offsetof(ws_storage, location), true},
                                         {"content", offsetof(ws_storage, content), false}};
static const member connection_members[] = {{"peer", offsetof(ws_connection, peer), true},
                                            {"method", offsetof(ws_connection, method), false},
                                            {"purpose", offsetof(ws_connection, purpose), false}};
static const member control_members[] = {{"kind", offsetof(ws_control, kind), true},
                                         {"measure", offsetof(ws_control, measure), false}};

typedef struct {
    const member *members;
    size_t nmembers, size, items_off, count_off;
} list_shape;

static const list_shape *shape_of(fact_kind k)
{
    static const list_shape shapes[] = {
        {port_members, AZ_ARRAY_LEN(port_members), sizeof(ws_port), offsetof(ws_system, ports), offsetof(ws_system, nports)},
        {storage_members, AZ_ARRAY_LEN(storage_members), sizeof(ws_storage), offsetof(ws_system, storage),
         offsetof(ws_system, nstorage)},
        {connection_members, AZ_ARRAY_LEN(connection_members), sizeof(ws_connection), offsetof(ws_system, connections),
         offsetof(ws_system, nconnections)},
        {control_members, AZ_ARRAY_LEN(control_members), sizeof(ws_control), offsetof(ws_system, controls),
         offsetof(ws_system, ncontrols)},
    };
    switch (k) {
    case F_PORTS: return &shapes[0];
    case F_STORAGE: return &shapes[1];
    case F_CONNECTIONS: return &shapes[2];
    case F_CONTROLS: return &shapes[3];
    default: return NULL;
    }
}

static size_t list_count(const ws_system *s, const list_shape *sh)
{
    return *(const size_t *)((const char *)s + sh->count_off);
}

static char *list_items(const ws_system *s, const list_shape *sh)
{
    return *(char *const *)((const char *)s + sh->items_off);
}

cJSON *bundle_system_fact_json(const ws_system *sys, size_t i)
{
    const fact *f = &facts[i];
    switch (f->kind) {
    case F_TEXT:
    case F_DATE:
    case F_HOSTING: return str_or_null(text_of(sys, f));
    case F_TRI: {
        ws_tri t = *(const ws_tri *)((const char *)sys + f->off);
        return t == TRI_UNKNOWN ? cJSON_CreateNull() : cJSON_CreateBool(t == TRI_YES);
    }
    case F_INT: {
        int v = *(const int *)((const char *)sys + f->off);
        return v ? cJSON_CreateNumber(v) : cJSON_CreateNull();
    }
    default: break;
    }
    const list_shape *sh = shape_of(f->kind);
    if (!sh)
        return cJSON_CreateNull();
    cJSON *arr = cJSON_CreateArray();
    const char *items = list_items(sys, sh);
    for (size_t k = 0; k < list_count(sys, sh); k++) {
        const char *e = items + k * sh->size;
        cJSON *o = cJSON_CreateObject();
        if (f->kind == F_PORTS)
            cJSON_AddStringToObject(o, "dir", ((const ws_port *)e)->dir == PORT_IN ? "in" : "out");
        for (size_t m = 0; m < sh->nmembers; m++)
            cJSON_AddItemToObject(o, sh->members[m].name, str_or_null(*(char *const *)(e + sh->members[m].off)));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

bool bundle_system_fact_stated(const ws_system *sys, size_t i)
{
    cJSON *j = bundle_system_fact_json(sys, i);
    bool stated = !cJSON_IsNull(j) && !(cJSON_IsArray(j) && cJSON_GetArraySize(j) == 0);
    cJSON_Delete(j);
    return stated;
}

static status_code type_error(const char *source, const char *path, const char *want, status_detail *err)
{
    return status_fail(err, &(status_info){STATUS_BUNDLE_TYPE, .entity = source, .field = path, .extra = want});
}

static void list_free(ws_system *sys, const list_shape *sh, fact_kind k)
{
    char *items = list_items(sys, sh);
    for (size_t e = 0; e < list_count(sys, sh); e++)
        for (size_t m = 0; m < sh->nmembers; m++)
            free(*(char **)(items + e * sh->size + sh->members[m].off));
    free(items);
    *(char **)((char *)sys + sh->items_off) = NULL;
    *(size_t *)((char *)sys + sh->count_off) = 0;
    (void)k;
}

static status_code list_set(ws_system *sys, const fact *f, const cJSON *v, const char *source, const char *path,
                            status_detail *err)
{
    const list_shape *sh = shape_of(f->kind);
    if (!sh)
        return status_fail(err, &(status_info){STATUS_INTERNAL, .field = f->name});
    if (!cJSON_IsArray(v) && !cJSON_IsNull(v))
        return type_error(source, path, "an array", err);
    size_t n = cJSON_IsArray(v) ? (size_t)cJSON_GetArraySize(v) : 0;
    char *items = n ? xcalloc(n, sh->size) : NULL;
    size_t k = 0;
    status_code r = STATUS_OK;
    for (const cJSON *e = v ? v->child : NULL; e && r == STATUS_OK; e = e->next, k++) {
        char *ep = xasprintf("%s[%zu]", path, k);
        char *slot = items + k * sh->size;
        if (!cJSON_IsObject(e)) {
            r = type_error(source, ep, "an object", err);
        }
        for (const cJSON *m = cJSON_IsObject(e) ? e->child : NULL; m && r == STATUS_OK; m = m->next) {
            bool known = f->kind == F_PORTS && str_eq(m->string, "dir");
            for (size_t x = 0; x < sh->nmembers; x++)
                known |= str_eq(m->string, sh->members[x].name);
            if (!known) {
                char *mp = xasprintf("%s.%s", ep, m->string);
                r = status_fail(err, &(status_info){STATUS_BUNDLE_UNKNOWN_KEY, .entity = source, .field = mp});
                free(mp);
            }
        }
        for (size_t x = 0; x < sh->nmembers && r == STATUS_OK; x++) {
            const cJSON *mv = cJSON_GetObjectItemCaseSensitive(e, sh->members[x].name);
            char *mp = xasprintf("%s.%s", ep, sh->members[x].name);
            if (mv && !cJSON_IsString(mv) && !cJSON_IsNull(mv))
                r = type_error(source, mp, "a string or null", err);
            else if (sh->members[x].required && str_empty(cJSON_GetStringValue(mv)))
                r = status_fail(err, &(status_info){STATUS_BUNDLE_MISSING, .entity = source, .field = mp});
            else if (!str_empty(cJSON_GetStringValue(mv)))
                *(char **)(slot + sh->members[x].off) = xstrdup(cJSON_GetStringValue(mv));
            if (r == STATUS_OK && f->kind == F_PORTS && x == 0) {
                status_detail pe = {0};
                if (ws_ports_check(cJSON_GetStringValue(mv), &pe) != STATUS_OK)
                    r = status_fail(err, &(status_info){STATUS_BUNDLE_BAD_VALUE, .entity = source, .field = mp,
                                                        .value = cJSON_GetStringValue(mv),
                                                        .extra = "ports (80,443 / 49152-65535)"});
                status_detail_free(&pe);
            }
            free(mp);
        }
        if (r == STATUS_OK && f->kind == F_PORTS) {
            const char *dir = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "dir"));
            char *mp = xasprintf("%s.dir", ep);
            if (str_eq(dir, "in") || str_eq(dir, "out"))
                ((ws_port *)slot)->dir = str_eq(dir, "in") ? PORT_IN : PORT_OUT;
            else
                r = status_fail(err, &(status_info){STATUS_BUNDLE_BAD_VALUE, .entity = source, .field = mp,
                                                    .value = dir ? dir : "", .extra = "in or out"});
            free(mp);
        }
        free(ep);
    }
    list_free(sys, sh, f->kind);
    *(char **)((char *)sys + sh->items_off) = items;
    *(size_t *)((char *)sys + sh->count_off) = n;
    if (r != STATUS_OK)
        list_free(sys, sh, f->kind);
    return r;
}

status_code bundle_system_fact_set(ws_system *sys, size_t i, const cJSON *v, const char *source, const char *path,
                                   status_detail *err)
{
    const fact *f = &facts[i];
    switch (f->kind) {
    case F_TEXT:
    case F_DATE:
    case F_HOSTING: {
        if (v && !cJSON_IsString(v) && !cJSON_IsNull(v))
            return type_error(source, path, "a string or null", err);
        const char *t = cJSON_GetStringValue(v);
        if (!str_empty(t) && f->kind == F_DATE && !jpdate_is_iso(t))
            return status_fail(err, &(status_info){STATUS_BUNDLE_BAD_VALUE, .entity = source, .field = path, .value = t,
                                                   .extra = "a date (YYYY-MM-DD)"});
        if (!str_empty(t) && f->kind == F_HOSTING && !str_eq(ws_hosting_parse(t), t))
            return status_fail(err, &(status_info){STATUS_BUNDLE_BAD_VALUE, .entity = source, .field = path, .value = t,
                                                   .extra = "on-premises, cloud or hybrid"});
        char **slot = text_at(sys, f);
        free(*slot);
        *slot = str_empty(t) ? NULL : xstrdup(t);
        return STATUS_OK;
    }
    case F_TRI: {
        if (v && !cJSON_IsBool(v) && !cJSON_IsNull(v))
            return type_error(source, path, "true, false or null", err);
        *(ws_tri *)((char *)sys + f->off) = !v || cJSON_IsNull(v) ? TRI_UNKNOWN : cJSON_IsTrue(v) ? TRI_YES : TRI_NO;
        return STATUS_OK;
    }
    case F_INT: {
        if (v && !cJSON_IsNumber(v) && !cJSON_IsNull(v))
            return type_error(source, path, "a whole number or null", err);
        double d = cJSON_IsNumber(v) ? v->valuedouble : 0;
        if (d < 0 || d > 1000000 || floor(d) != d)
            return type_error(source, path, "a whole number 0-1000000", err);
        *(int *)((char *)sys + f->off) = (int)d;
        return STATUS_OK;
    }
    default: return list_set(sys, f, v, source, path, err);
    }
}

cJSON *bundle_system_json(const ws_system *sys)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "name", str_or_null(sys->name));
    cJSON_AddItemToObject(o, "category", str_or_null(sys->category));
    cJSON_AddItemToObject(o, "vendor", str_or_null(sys->vendor_name));
    for (size_t i = 0; i < AZ_ARRAY_LEN(facts); i++)
        cJSON_AddItemToObject(o, facts[i].name, bundle_system_fact_json(sys, i));
    return o;
}

status_code bundle_system_parse(const cJSON *j, const char *source, const char *path, ws_system *out,
                                status_detail *err)
{
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(j))
        return type_error(source, path, "an object", err);
    status_code r = STATUS_OK;
    for (const cJSON *m = j->child; m && r == STATUS_OK; m = m->next) {
        char *mp = xasprintf("%s.%s", path, m->string);
        if (str_eq(m->string, "name") || str_eq(m->string, "category") || str_eq(m->string, "vendor")) {
            if (!cJSON_IsString(m) && !cJSON_IsNull(m))
                r = type_error(source, mp, "a string or null", err);
        } else {
            size_t i = bundle_system_fact_find(m->string);
            r = i == (size_t)-1 ? status_fail(err, &(status_info){STATUS_BUNDLE_UNKNOWN_KEY, .entity = source, .field = mp})
                                : bundle_system_fact_set(out, i, m, source, mp, err);
        }
        free(mp);
    }
    const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "name"));
    const char *cat = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "category"));
    if (r == STATUS_OK && str_empty(name)) {
        char *mp = xasprintf("%s.name", path);
        r = status_fail(err, &(status_info){STATUS_BUNDLE_MISSING, .entity = source, .field = mp});
        free(mp);
    }
    if (r == STATUS_OK && !str_empty(cat) && !ws_category_parse(cat)) {
        char *mp = xasprintf("%s.category", path);
        r = status_fail(err, &(status_info){STATUS_BUNDLE_BAD_VALUE, .entity = source, .field = mp, .value = cat,
                                            .extra = "a system category (anzen system add --help)"});
        free(mp);
    }
    if (r != STATUS_OK) {
        ws_system_free(out);
        return r;
    }
    out->name = xstrdup(name);
    out->category = str_empty(cat) ? NULL : xstrdup(ws_category_parse(cat)->code);
    const char *vendor = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "vendor"));
    out->vendor_name = str_empty(vendor) ? NULL : xstrdup(vendor);
    return STATUS_OK;
}
