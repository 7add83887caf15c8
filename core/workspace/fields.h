/* A system's fields described once: the column (also the JSON key and the history field), the
 * command-line option, the kind of value, the label in both languages and where the value lives
 * in ws_system. The CLI's system add / edit and JSON, and the TUI's system form, come from this
 * table (the lists - ports, storage, connections, controls - have their own editors). */
#ifndef ANZEN_WORKSPACE_FIELDS_H
#define ANZEN_WORKSPACE_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "workspace.h"

typedef enum {
    WS_FIELD_TEXT,       /* one line */
    WS_FIELD_LINES,      /* may hold several lines (procedures, documents) */
    WS_FIELD_DATE,       /* ISO, typed in any form jpdate reads */
    WS_FIELD_TRI,        /* yes / no / not recorded */
    WS_FIELD_INT,        /* 0..10000, 0 = not stated */
    WS_FIELD_CATEGORY,   /* a ws_categories code */
    WS_FIELD_VENDOR,     /* a vendor id (the CLI takes a name or #id) */
    WS_FIELD_HOSTING,    /* ws_hosting_choices */
    WS_FIELD_UPDATES_BY, /* ws_updates_by_choices */
} ws_field_kind;

typedef struct {
    const char *key;    /* "restore_by" */
    const char *option; /* "restore-by" */
    ws_field_kind kind;
    bool required;
    const char *ja, *en; /* the label */
    size_t offset;       /* of the member in ws_system */
} ws_field;

extern const ws_field ws_system_fields[];
extern const size_t ws_system_field_count;
const ws_field *ws_system_field(const char *key); /* NULL when unknown */

/* A stored code with its labels; the first choice of hosting and updates_by is "" (not recorded). */
typedef struct {
    const char *code, *ja, *en;
} ws_choice;
extern const ws_choice ws_hosting_choices[];
extern const size_t ws_hosting_choice_count;
extern const ws_choice ws_updates_by_choices[];
extern const size_t ws_updates_by_choice_count;

/* The label of a stored hosting / updates_by code in the UI language; NULL for empty, the code
 * itself when unknown. */
const char *ws_hosting_label(const char *code, bool english);
const char *ws_updates_by_label(const char *code, bool english);

/* The value as text, as ws_field_set reads it back: text as is, a tri "yes" / "no", a number,
 * a vendor id, a code; "" when not recorded. Caller frees; never NULL. */
char *ws_field_text(const ws_system *sys, const ws_field *f);

/* Sets the field from text as a user typed it ("" clears): dates in any form jpdate reads (stored
 * ISO), yes / no / はい / いいえ …, a number 0..10000, a category, hosting or updates_by code or
 * label, a vendor id. A value that does not read is its status with the value and no field (the
 * caller names its option or label, as ws_ports_check); *sys is then unchanged. */
status_code ws_field_set(ws_system *sys, const ws_field *f, const char *text, status_detail *err);

/* Whether the end of support is before `today` (ISO): the system runs unsupported. */
bool ws_system_unsupported(const ws_system *sys, const char *today);

#endif
