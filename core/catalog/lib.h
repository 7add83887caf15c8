/* catalog/ — the catalog model (catalog), the limits a file must keep before it is parsed
 * (catalog_limits), the YAML loader (catalog_yaml), sets of catalogs and their cross-references
 * (catalog_set), the import into the store and the cached reads (catalog_db), which remembers
 * files that failed (catalog_failed) and what each file holds by SHA-256 (catalog_file). Files:
 * catalog.c catalog_limits.c catalog_yaml.c catalog_set.c catalog_failed.c catalog_file.c
 * catalog_db.c. catalog_failed.h and catalog_file.h are private.
 * May include: base, text, store. */
#ifndef ANZEN_CATALOG_LIB_H
#define ANZEN_CATALOG_LIB_H

#include "catalog.h"
#include "catalog_limits.h"
#include "catalog_yaml.h"
#include "catalog_set.h"
#include "catalog_db.h"

#endif
