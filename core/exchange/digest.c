#include "digest.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int key_cmp(const void *a, const void *b)
{
    const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
    return strcmp(x->string ? x->string : "", y->string ? y->string : "");
}

/* A deep copy of j with sorted object keys. */
static cJSON *sorted_copy(const cJSON *j)
{
    if (cJSON_IsObject(j) || cJSON_IsArray(j)) {
        size_t n = 0;
        for (const cJSON *c = j->child; c; c = c->next)
            n++;
        const cJSON **kids = xcalloc(n ? n : 1, sizeof *kids);
        n = 0;
        for (const cJSON *c = j->child; c; c = c->next)
            kids[n++] = c;
        bool object = cJSON_IsObject(j);
        if (object)
            qsort(kids, n, sizeof *kids, key_cmp);
        cJSON *out = object ? cJSON_CreateObject() : cJSON_CreateArray();
        for (size_t i = 0; i < n; i++) {
            cJSON *k = sorted_copy(kids[i]);
            if (object)
                cJSON_AddItemToObject(out, kids[i]->string, k);
            else
                cJSON_AddItemToArray(out, k);
        }
        free(kids);
        return out;
    }
    return cJSON_Duplicate(j, false);
}

char *digest_canonical(const cJSON *j)
{
    cJSON *s = sorted_copy(j);
    char *t = s ? cJSON_PrintUnformatted(s) : NULL;
    cJSON_Delete(s);
    if (!t) {
        fprintf(stderr, "anzen: out of memory (JSON)\n");
        abort();
    }
    char *r = xstrdup(t);
    cJSON_free(t);
    return r;
}

void digest_sha256_hex(const void *data, size_t n, char out[DIGEST_HEX])
{
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, n, data);
    sha256_digest(&ctx, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

void digest_json(const cJSON *j, char out[DIGEST_HEX])
{
    char *t = digest_canonical(j);
    digest_sha256_hex(t, strlen(t), out);
    free(t);
}

static void add_text(cJSON *o, const char *key, const char *v)
{
    if (v)
        cJSON_AddStringToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

void digest_catalog(const catalog *c, char out[DIGEST_HEX])
{
    cJSON *j = cJSON_CreateObject();
    add_text(j, "id", c->id);
    add_text(j, "version", c->version);
    cJSON_AddNumberToObject(j, "dates", c->dates);
    cJSON *answers = cJSON_AddArrayToObject(j, "answers");
    for (size_t i = 0; i < c->nanswers; i++)
        cJSON_AddItemToArray(answers, cJSON_CreateString(c->answers[i].value));
    cJSON *fields = cJSON_AddArrayToObject(j, "fields");
    for (size_t i = 0; i < c->nfields; i++) {
        cJSON *f = cJSON_CreateObject();
        add_text(f, "key", c->fields[i].key);
        add_text(f, "type", catalog_field_type_name(c->fields[i].type));
        cJSON_AddItemToArray(fields, f);
    }
    cJSON *nodes = cJSON_AddArrayToObject(j, "nodes");
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *n = &c->nodes[i];
        cJSON *o = cJSON_CreateObject();
        add_text(o, "id", n->id);
        add_text(o, "parent", n->parent);
        add_text(o, "ref", n->ref);
        cJSON_AddStringToObject(o, "kind", n->kind == NODE_ITEM ? "item" : "heading");
        cJSON_AddItemToArray(nodes, o);
    }
    digest_json(j, out);
    cJSON_Delete(j);
}
