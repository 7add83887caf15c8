/* A system's inventory facts (ws_system) as bundle JSON, one descriptor per fact, used to write
 * them, to read them back with the field named on error, and to offer each differing fact for
 * review on import (offer.h). */
#ifndef ANZEN_EXCHANGE_BUNDLE_SYSTEM_H
#define ANZEN_EXCHANGE_BUNDLE_SYSTEM_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "base/lib.h"
#include "workspace/lib.h"

/* The offerable facts (everything but name, category and vendor), in bundle order. */
size_t bundle_system_fact_count(void);
const char *bundle_system_fact_name(size_t i);
/* Index of a fact by name, or (size_t)-1. */
size_t bundle_system_fact_find(const char *name);
/* The fact as JSON (null when not stated). Caller deletes. */
cJSON *bundle_system_fact_json(const ws_system *sys, size_t i);
/* Sets the fact from JSON; a value of the wrong shape is BUNDLE_TYPE / BUNDLE_BAD_VALUE naming
 * path (entity = source). */
status_code bundle_system_fact_set(ws_system *sys, size_t i, const cJSON *v, const char *source, const char *path,
                                   status_detail *err);
/* Whether the fact is stated (not null, "", unknown, 0 or an empty list). */
bool bundle_system_fact_stated(const ws_system *sys, size_t i);

/* The whole system (name, category, vendor name and every fact). Caller deletes. */
cJSON *bundle_system_json(const ws_system *sys);
/* Reads one; unknown keys are BUNDLE_UNKNOWN_KEY. *out zeroed on failure. */
status_code bundle_system_parse(const cJSON *j, const char *source, const char *path, ws_system *out,
                                status_detail *err);

#endif
