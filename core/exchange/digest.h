/* The canonical text of a JSON value and its SHA-256 (nettle): what a bundle's digest and
 * signature are computed over, so they do not depend on how the file was indented or in which
 * order an editor wrote its keys. Canonical = cJSON's unformatted print with every object's keys
 * sorted by their bytes (recursively). */
#ifndef ANZEN_EXCHANGE_DIGEST_H
#define ANZEN_EXCHANGE_DIGEST_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "catalog/lib.h"

#define DIGEST_HEX 65 /* 64 hex digits and the NUL */

/* The canonical text of j. Caller frees. */
char *digest_canonical(const cJSON *j);
/* Lower-case hex SHA-256 of n bytes. */
void digest_sha256_hex(const void *data, size_t n, char out[DIGEST_HEX]);
/* SHA-256 of the canonical text of j. */
void digest_json(const cJSON *j, char out[DIGEST_HEX]);
/* The hash of what a catalog asks (ids, parents, references, kinds, the answer values, the date
 * columns and header fields): two databases with the same catalog file give the same hash. */
void digest_catalog(const catalog *c, char out[DIGEST_HEX]);

#endif
