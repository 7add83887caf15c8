#include "strindex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* FNV-1a: a table hash (not a digest), good enough to spread ids over the slots. */
static uint64_t key_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static size_t slot_of(const strindex *ix, const char *key)
{
    size_t mask = ix->cap - 1, i = (size_t)key_hash(key) & mask;
    while (ix->keys[i] && strcmp(ix->keys[i], key) != 0)
        i = (i + 1) & mask;
    return i;
}

static void grow(strindex *ix)
{
    strindex bigger = {.cap = ix->cap ? ix->cap * 2 : 64};
    bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
    bigger.values = xcalloc(bigger.cap, sizeof *bigger.values);
    for (size_t i = 0; i < ix->cap; i++)
        if (ix->keys[i]) {
            size_t j = slot_of(&bigger, ix->keys[i]);
            bigger.keys[j] = ix->keys[i];
            bigger.values[j] = ix->values[i];
            bigger.len++;
        }
    strindex_free(ix);
    *ix = bigger;
}

void strindex_add(strindex *ix, const char *key, size_t value)
{
    if (!key)
        return;
    if ((ix->len + 1) * 4 > ix->cap * 3) /* keep the load under 3/4 */
        grow(ix);
    size_t i = slot_of(ix, key);
    if (ix->keys[i])
        return;
    ix->keys[i] = key;
    ix->values[i] = value;
    ix->len++;
}

bool strindex_get(const strindex *ix, const char *key, size_t *value)
{
    if (!key || !ix->cap)
        return false;
    size_t i = slot_of(ix, key);
    if (!ix->keys[i])
        return false;
    *value = ix->values[i];
    return true;
}

void strindex_free(strindex *ix)
{
    free(ix->keys);
    free(ix->values);
    memset(ix, 0, sizeof *ix);
}
