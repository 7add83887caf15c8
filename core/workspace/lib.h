/* workspace/ — the organisation, vendors and systems (the システム台帳) with their history.
 * Files: workspace.c. May include: base, text, store, history. */
#ifndef ANZEN_WORKSPACE_LIB_H
#define ANZEN_WORKSPACE_LIB_H

#include "workspace.h"

#endif
