/* store/ — the SQLite store (store), where files live (paths). Files: store.c schema.c paths.c;
 * schema.h is private (the migrations). May include: base. */
#ifndef ANZEN_STORE_LIB_H
#define ANZEN_STORE_LIB_H

#include "base/lib.h"
#include "store.h"
#include "paths.h"

#endif
