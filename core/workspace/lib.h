/* workspace/ — the organisation, vendors and systems (the システム台帳) with their history.
 * Files: workspace.c, fields.c (the system fields described once), lifecycle.c (delete, archive, restore, undo); private: ws_record.h (a whole
 * record into history and back). May include: base, text, store, history. */
#ifndef ANZEN_WORKSPACE_LIB_H
#define ANZEN_WORKSPACE_LIB_H

#include "workspace.h"
#include "lifecycle.h"
#include "fields.h"

#endif
