/* The audit trail: an append-only history of every change, grouped into actions (one action = one
 * user operation = one transaction). Rows are never updated or deleted; an undo is a new action
 * whose rows restore the old values and whose undo_of names the undone action.
 *
 * Entities: "org", "vendor", "system" (entity_id = its id, item = NULL), "assessment"
 * (fields like "created", "signoff", "carried_from"), "answer" (item = the catalog node id,
 * party = hospital | vendor | agreed), "proposal". Values are text; NULL means empty. */
#ifndef ANZEN_HISTORY_H
#define ANZEN_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/lib.h"

typedef struct {
    int64_t id;     /* row id, increasing */
    int64_t action; /* action id, shared by the rows of one operation */
    char *at, *who; /* ISO 8601 UTC time (clock_now) and user */
    char *kind;     /* the operation: "answer", "undo", "signoff", "carry", "create", "edit", "accept" … */
    int64_t undo_of; /* for undo actions: the undone action; else 0 */
    char *entity;
    int64_t entity_id;
    int64_t assessment_id; /* 0 unless about an assessment or its answers */
    char *item_id;         /* NULL unless entity is "answer"/"proposal" */
    char *party;           /* NULL unless entity is "answer" */
    int64_t party_vendor_id;
    char *field;
    char *old_value, *new_value;
} history_row;

typedef struct {
    int64_t assessment_id; /* 0 = any */
    const char *item_id;   /* NULL = any */
    const char *entity;    /* NULL = any */
    int64_t entity_id;     /* 0 = any (with entity) */
    int64_t action;        /* 0 = any; else the rows of that one action (of any assessment) */
    size_t limit;          /* 0 = all; otherwise the newest `limit` rows */
} history_filter;

/* Rows in chronological order (oldest first) into *out and *n; free with history_list_free.
 * A failed read is its status (SQL, DB_BUSY) with *out NULL and *n 0, never an empty list. */
status_code history_list(store *s, const history_filter *f, history_row **out, size_t *n, status_detail *err);
void history_list_free(history_row *rows, size_t n);
/* The same rows in the same order, one at a time: fn sees each (borrowed for the call) while the
 * query steps, so memory stays constant however long the history (anzen history). */
typedef void (*history_row_fn)(void *ctx, const history_row *row);
status_code history_each(store *s, const history_filter *f, history_row_fn fn, void *ctx, status_detail *err);

/* One window of rows for paging (the TUI's history view), by row id, so memory and time per window
 * stay the same however long the history: up to `limit` rows matching f (its own limit is not
 * used) beyond row `from`. older: ids below `from` (0 = from the newest row), newest first;
 * !older: ids above `from` (0 = from the oldest row), oldest first. Free with history_list_free;
 * a failed read is its status with *out NULL and *n 0. */
status_code history_window(store *s, const history_filter *f, int64_t from, bool older, size_t limit,
                           history_row **out, size_t *n, status_detail *err);

/* The name a row's field is shown under (anzen history, text and JSON). Fields are stored under the
 * name they are written and undone by; two of those are column names and read as "vendor":
 * system "vendor_pk" and answer "owner_vendor". Every other field is shown as stored. Stored rows
 * are never renamed, so old and new rows read the same. */
const char *history_field_name(const char *entity, const char *field);

/* Fields that hold a vendor: system "vendor_pk" and answer "owner_vendor". An answer's owner
 * vendor is recorded by id ("3"), which undo writes back and whose name is looked up when shown
 * (ws_history_value); system rows still record "name (#3)" (they are never undone). */
bool history_field_is_vendor(const char *entity, const char *field);
/* The vendor id of such a value: "3", or "name (#3)" as rows written before ids were stored read
 * (those are shown as stored, and undone by this id). 0 for empty or unreadable text. */
int64_t history_vendor_ref(const char *value);

/* ---- Writing (for core modules; call inside an open transaction) ---- */

/* Starts an action; returns its id (> 0) or 0 with *err. */
int64_t history_action(store *s, const char *who, const char *kind, int64_t assessment_id, int64_t undo_of,
                       status_detail *err);

typedef struct {
    const char *entity;
    int64_t entity_id;
    int64_t assessment_id;
    const char *item_id, *party;
    int64_t party_vendor_id;
} history_target;

/* Appends one row when old and new differ (NULL and "" are equal); returns 1 if written, 0 if
 * equal, -1 with *err on failure. */
int history_add(store *s, int64_t action, const history_target *t, const char *field, const char *old_value,
                const char *new_value, status_detail *err);

/* The latest undoable action by `who` on an assessment (kind answer, signoff, accept, reject, archive or restore; not
 * an undo, not already undone), or 0. Creating and carrying are not undone. Each person undoes
 * only their own changes. */
int64_t history_last_undoable(store *s, int64_t assessment_id, const char *who);

/* What stands in the way of undoing `action`: rows of later actions that touch a record the
 * action changed (the answer of one item and party, the assessment row, a proposal), oldest
 * first. Later actions that were undone, and the undos of later actions, cancel out and are not
 * counted. Rows into *out and *n; free with history_list_free. */
status_code history_changed_since(store *s, int64_t action, history_row **out, size_t *n, status_detail *err);

/* Whether a later action that stands (as above) changed any `entity` row of the assessment. */
bool history_touched_since(store *s, int64_t action, int64_t assessment_id, const char *entity);

#endif
