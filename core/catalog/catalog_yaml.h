/* The YAML loader: one anzen-catalog/1 file into the catalog model, every problem reported with
 * file:line:col. */
#ifndef ANZEN_CATALOG_YAML_H
#define ANZEN_CATALOG_YAML_H

#include "catalog.h"

/* Loads one YAML file. On any error returns NULL and appends every problem to `diags`
 * (file:line:col: message); nothing is half-loaded. Cross-catalog references are NOT checked
 * here (see catalog_set). */
catalog *catalog_load_file(const char *path, diag_list *diags);
/* Same from a buffer; `name` is used in messages. */
catalog *catalog_load_buffer(const char *name, const char *data, size_t len, diag_list *diags);

#endif
