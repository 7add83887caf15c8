/* A string -> position index (open addressing), so finding a catalog node or an item's answers
 * by id is constant time instead of a scan — the scans made progress and answering quadratic in
 * the number of items. Keys are borrowed: they must outlive the index (they are the ids inside
 * the array being indexed). The first position added for a key wins. */
#ifndef ANZEN_STRINDEX_H
#define ANZEN_STRINDEX_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char **keys;
    size_t *values;
    size_t cap, len; /* cap is a power of two (or 0) */
} strindex;

/* Adds key -> value unless key is present. */
void strindex_add(strindex *ix, const char *key, size_t value);
/* The value of key, or false. */
bool strindex_get(const strindex *ix, const char *key, size_t *value);
void strindex_free(strindex *ix);

#endif
