/* What a catalog file may be before the YAML document is built: a bounded size, a bounded nesting
 * depth, exactly one document and no aliases. libyaml itself takes quadratic time in the nesting
 * depth (100,000 nested '[' take 45 s) and an alias lets a small file make the loader check one
 * big mapping many times, so both are refused first, from libyaml's event stream, which stops at
 * the first offence. */
#ifndef ANZEN_CATALOG_LIMITS_H
#define ANZEN_CATALOG_LIMITS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/lib.h"

/* The largest catalog file (the biggest shipped one is under 80 KB). */
#define CATALOG_MAX_BYTES ((size_t)4 << 20)
/* The deepest nesting of lists and mappings (the format needs 6: top level, nodes, a node,
 * params, a param, its choices). */
#define CATALOG_MAX_DEPTH 32

/* Checks size, depth, document count and aliases. Returns true when the buffer may be loaded;
 * false with one message (name:line:col) in diags. A YAML syntax error is not reported here: the
 * loader reports it with its own position. */
bool catalog_limits_check(const char *name, const char *data, size_t len, diag_list *diags);

#endif
