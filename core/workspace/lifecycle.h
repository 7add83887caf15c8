/* Retiring vendors and systems: delete one that nothing refers to, archive one that is still
 * referred to (hidden from the lists, kept with its history, restorable), and undo either.
 *
 * Each is one transaction with its history action (kind "delete", "archive" or "restore", no
 * assessment). A delete records every field it removes (old -> empty) and the whole record as one
 * snapshot row (field "record", JSON), so the history still shows what was deleted and the undo
 * puts it back with the same id, its lists and its archived state. Archive and restore record the
 * field "archived_at". Each person undoes only their own changes, newest first (ws_undo). */
#ifndef ANZEN_WORKSPACE_LIFECYCLE_H
#define ANZEN_WORKSPACE_LIFECYCLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/lib.h"

typedef enum { WS_VENDOR, WS_SYSTEM } ws_entity;

/* "vendor" / "system": the table, the history entity and the status label id. */
const char *ws_entity_name(ws_entity e);

/* What refers to a row, one count per kind; kinds are status_label ids: "system" (systems of a
 * vendor), "assessment", "answer" (vendor answers and owner vendors), "contract" (a contract of
 * the vendor or of the system, or a 責任分界表 cell naming the vendor), "exchange_import" (answer
 * bundles imported as the vendor's) and "exchange_offer" (facts a bundle offered for the system).
 * A system's own lists (ports, storage, connections, controls) are part of it, not references. */
#define WS_REFERENCE_KINDS 6
typedef struct {
    const char *kind;
    int64_t count;
} ws_reference;

/* The kinds with a count > 0, in the order above, into out (up to WS_REFERENCE_KINDS) and *n.
 * VENDOR_NOT_FOUND / SYSTEM_NOT_FOUND for an unknown id. */
status_code ws_references(store *s, ws_entity e, int64_t id, ws_reference out[WS_REFERENCE_KINDS], size_t *n,
                          status_detail *err);

/* Deletes the row when nothing refers to it; else IN_USE with entity = the kind of row, value =
 * its name, field = the first kind that refers to it and num = how many (archive it instead).
 * An archived row may be deleted too. */
status_code ws_delete(store *s, ws_entity e, int64_t id, const char *who, status_detail *err);

/* Archives (archive = true) or restores the row. Archiving an archived row (or restoring one in
 * use) changes nothing: STATUS_OK with *changed (may be NULL) false. */
status_code ws_archive(store *s, ws_entity e, int64_t id, bool archive, const char *who, bool *changed,
                       status_detail *err);

/* What ws_undo took back: the kind of the undone action ("delete", "archive", "restore"), the
 * record and its name. Free with ws_undone_free. */
typedef struct {
    char *kind;
    ws_entity entity;
    int64_t id;
    char *name;
} ws_undone;
void ws_undone_free(ws_undone *u);

/* Undoes `who`'s latest delete, archive or restore of a vendor or system (only of `*only` when
 * only is non-NULL) that is not undone yet, as a new action (kind "undo", undo_of = it).
 * INVENTORY_NOTHING_TO_UNDO when there is none; UNDO_BLOCKED (item = "vendor #3", value = who)
 * while a later change to the same record stands; undoing a delete whose name was taken since is
 * NAME_TAKEN, one whose system's vendor is gone VENDOR_NOT_FOUND. *out (may be NULL) is filled on
 * success. */
status_code ws_undo(store *s, const ws_entity *only, const char *who, ws_undone *out, status_detail *err);

#endif
