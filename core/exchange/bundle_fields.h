/* The assessment header fields (MDS/SDS product, version, date of issue …: assess_field.h) of a
 * bundle against the target assessment's, before importing (anzen bundle diff): per field equal,
 * different, only in the bundle (the import sets it) or only here. Fields are the assessment's,
 * not a party's: an import sets a field only where this assessment has none (bundle_import.h). */
#ifndef ANZEN_EXCHANGE_BUNDLE_FIELDS_H
#define ANZEN_EXCHANGE_BUNDLE_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "bundle_import.h"

typedef struct {
    size_t target; /* index in plan.targets */
    char *key;
    bundle_item_state state; /* EQUAL, DIFFERENT, ONLY_BUNDLE, ONLY_HERE; UNMAPPED: the target's catalog lacks it */
    char *bundle_value, *here_value; /* NULL = not set */
    bool would_set; /* importing sets it (only the bundle has it) */
} bundle_field_row;

/* Rows in the catalog's field order, then the bundle's keys the catalog lacks. A target still
 * to be created has no fields here. */
status_code bundle_diff_fields(store *s, const bundle *b, const bundle_plan *plan, bundle_field_row **rows, size_t *n,
                               status_detail *err);
void bundle_field_rows_free(bundle_field_row *rows, size_t n);

#endif
