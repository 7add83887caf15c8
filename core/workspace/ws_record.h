/* Private to workspace/: a vendor or a system as one record, for lifecycle.c. The field tables
 * live in workspace.c; these put a whole record into history and back. Call inside an open
 * transaction; each appends its history rows to `action`. */
#ifndef ANZEN_WORKSPACE_WS_RECORD_H
#define ANZEN_WORKSPACE_WS_RECORD_H

#include "lifecycle.h"

/* Appends one row per field and list the record holds (old -> empty), "archived_at" when set and
 * the snapshot (field "record": JSON of every column by name, lists as arrays of their columns),
 * then deletes the row (its lists go with it). *name (may be NULL) gets the record's name. */
status_code ws_record_delete(store *s, int64_t action, ws_entity e, int64_t id, char **name, status_detail *err);

/* Puts a deleted record back from its snapshot under the same id, with a history row per field
 * and list (empty -> value). NAME_TAKEN when another row took the name since; VENDOR_NOT_FOUND
 * when a system's vendor is gone. */
status_code ws_record_restore(store *s, int64_t action, ws_entity e, int64_t id, const char *snapshot,
                              status_detail *err);

#endif
