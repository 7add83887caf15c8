/* catimport/ — an official form's spreadsheet turned into an anzen catalog: the sheet layout
 * (layout: which sheet, header row and columns) and the import (import_sheet: rows to nodes,
 * SHA-256 of the file as the source, YAML out, checked by the catalog loader).
 * Within the folder: layout <- import_sheet. May include: base, text, store, catalog, sheet. */
#ifndef ANZEN_CATIMPORT_LIB_H
#define ANZEN_CATIMPORT_LIB_H

#include "import_sheet.h"
#include "layout.h"

#endif
