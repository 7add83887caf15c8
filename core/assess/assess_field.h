/* Header fields of an assessment: the typed fields a catalog declares (catalog.fields: product
 * name, version, date of issue … of an MDS/SDS sheet), one value each per assessment.
 *
 * Setting one is ONE transaction with its history row (entity "assessment", field "field.KEY",
 * old → new; kind "field"), and marks a signed-off assessment "changed since sign-off". Values
 * are validated against the field's type: a date is stored ISO (any form jpdate_parse accepts),
 * a choice must be one of its choices, text is kept as given. "" or NULL clears the field. */
#ifndef ANZEN_ASSESS_FIELD_H
#define ANZEN_ASSESS_FIELD_H

#include <stddef.h>
#include <stdint.h>

#include "base/lib.h"
#include "store/lib.h"

typedef struct {
    char *key, *value;
    char *updated_by, *updated_at;
} assess_field_value;

/* The values set for one assessment, by key. Zero-initialise; free with assess_field_list_free. */
typedef struct {
    assess_field_value *items;
    size_t len, cap;
} assess_field_list;

/* A failed read is its status (SQL, DB_BUSY) with an empty *out, never just an empty list. */
status_code assess_field_load(store *s, int64_t assessment_id, assess_field_list *out, status_detail *err);
/* The value of key, NULL when not set. */
const assess_field_value *assess_field_get(const assess_field_list *l, const char *key);
void assess_field_list_free(assess_field_list *l);

/* Sets (or clears) one field. ASSESSMENT_NOT_FOUND, CATALOG_GONE; FIELD_UNKNOWN (the detail
 * lists the keys) or FIELD_NONE for a key the catalog does not declare; a value that does not fit
 * its type is FIELD_CHOICE (the choices in extra) or jpdate's DATE_* status, with field
 * "field.KEY"; nothing is written then. *changed (may be NULL) = 0 when the value was the same. */
status_code assess_field_set(store *s, int64_t assessment_id, const char *key, const char *value, const char *who,
                             int *changed, status_detail *err);

#endif
