/* history/ — the append-only audit trail shared by workspace and assess (history).
 * Files: history.c. May include: base, store. */
#ifndef ANZEN_HISTORY_LIB_H
#define ANZEN_HISTORY_LIB_H

#include "store/lib.h"
#include "history.h"

#endif
