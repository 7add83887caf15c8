/* Assessments: a catalog (id + version) × a scope (the organisation, or one system with its vendor)
 * × a fiscal year; and their answers, one per assessable item and party.
 *
 * Two parties: each item can hold the hospital's answer (PARTY_HOSPITAL), a vendor's answer
 * (PARTY_VENDOR, naming the vendor) and the agreed answer (PARTY_AGREED), each with its own value,
 * dates, owner, note, evidence, answered_by and updated_at. The effective answer of an item (used by
 * progress, carry and diff) is the agreed one if present, else the hospital's, else the vendor's.
 *
 * Every change is ONE transaction that also appends history (core/history.h): one row per changed
 * field, same action id for everything one call changed. On any error nothing is written.
 * Ownership: structs own their strings; free with the matching *_free. Dates are ISO "YYYY-MM-DD". */
#ifndef ANZEN_ASSESS_H
#define ANZEN_ASSESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog/lib.h"
#include "store/lib.h"
#include "base/lib.h"
#include "workspace/lib.h"
#include "history/lib.h"
#include "answers.h"
#include "carry_map.h"

typedef enum { SCOPE_ORG, SCOPE_SYSTEM } assess_scope;

typedef struct {
    int64_t id;
    char *catalog_id, *catalog_version;
    assess_scope scope;
    int64_t system_id;  /* SCOPE_SYSTEM only */
    int64_t vendor_id;  /* the vendor answering 事業者 forms (defaults to the system's vendor); 0 none */
    char *system_name, *vendor_name; /* read-only, for display */
    int fy;             /* fiscal year, 2025 = 令和7年度 */
    char *title;        /* optional label; NULL → catalog title */
    int64_t prev_id;    /* the assessment this one was carried from, 0 if none */
    char *created_at, *created_by;
    char *signed_by, *signed_role, *signed_at; /* NULL until signed off */
    bool changed_since_signoff;                /* signed, then edited */
    char *archived_at;                         /* NULL unless archived (assess_archive) */
    /* summary, filled by assess_list / assess_get (see progress.h for the detailed form) */
    int items, answered, positive, not_applicable, overdue;
} assessment;

void assessment_free(assessment *a);
void assessment_list_free(assessment *list, size_t n);

/* Creating: catalog must exist in the store and have items; for SCOPE_SYSTEM the system must
 * exist. The same catalog+version+scope+system+fy twice is ASSESSMENT_EXISTS; an unknown catalog
 * CATALOG_NOT_FOUND. */
typedef struct {
    const char *catalog_id, *catalog_version; /* version NULL = newest */
    assess_scope scope;
    int64_t system_id;
    int64_t vendor_id; /* 0 = the system's vendor */
    int fy;
    const char *title;
} assess_spec;

status_code assess_create(store *s, const assess_spec *spec, const char *who, int64_t *id, status_detail *err);

/* One assessment with its summary. */
status_code assess_get(store *s, int64_t id, assessment *out, status_detail *err);
/* The same row without its summary (items, answered, positive, not_applicable and overdue are
 * -1): for callers that show no counts, since the summary reads the catalog and every answer. */
status_code assess_get_row(store *s, int64_t id, assessment *out, status_detail *err);
/* The catalog an assessment answers (cached, not to be freed): the status is the assessment's
 * lookup; *cat is NULL when that catalog is no longer in the store (the caller decides whether
 * that is CATALOG_GONE or shown without texts). */
status_code assess_catalog_of(store *s, int64_t id, const catalog **cat, status_detail *err);
/* Finds "3" or "#3". */
status_code assess_find(store *s, const char *key, int64_t *id, status_detail *err);

typedef struct {
    int fy;              /* 0 = any */
    const char *catalog_id; /* NULL = any */
    int64_t system_id;   /* 0 = any; -1 = organisation scope only */
    bool archived;       /* false: the assessments in use; true: only the archived ones */
} assess_filter;

/* Matching assessments (fy desc, catalog, scope) into *out and *n, each with its summary ("today"
 * from jpdate_today for overdue). filter may be NULL. A failed read is its status (SQL, DB_BUSY)
 * with no rows, never just an empty list. */
status_code assess_list(store *s, const assess_filter *filter, assessment **out, size_t *n, status_detail *err);
/* The same rows in the same order without summaries: items, answered, positive, not_applicable
 * and overdue are -1 (for callers that compute summaries themselves, see summary.h). */
status_code assess_list_rows(store *s, const assess_filter *filter, assessment **out, size_t *n, status_detail *err);

/* Fields to change in one call; `fields` says which members are meaningful. A NULL or "" string
 * clears that field. */
enum {
    AF_VALUE = 1 << 0,
    AF_CHECKED = 1 << 1,
    AF_DUE = 1 << 2,
    AF_DONE = 1 << 3,
    AF_OWNER = 1 << 4, /* owner + owner_vendor_id */
    AF_NOTE = 1 << 5,
    AF_EVIDENCE = 1 << 6, /* replaces the list of linked register entries */
    AF_AGREED_WITH = 1 << 7, /* the agreed answer: the other participant's name (core/exchange reconcile) */
    AF_REASON = 1 << 8,
};

typedef struct {
    unsigned fields;
    const char *value;
    const char *checked, *due, *done; /* ISO */
    responsibility owner;
    int64_t owner_vendor_id; /* required for RESP_VENDOR when the assessment has no vendor */
    const char *note; /* stored with each tab as spaces to the next 8-column stop (text_expand_tabs) */
    /* the linked entries in order, each "#3" (entry 3) or a reference text (the entry with that
     * reference, else a new one: evidence_resolve_line) */
    const strlist *evidence;
    const char *agreed_with; /* AF_AGREED_WITH; the action is then an "agree" */
    const char *reason; /* one line */
    /* an answer taken from another party's file (bundle import, reconciliation) is stored as given:
     * a missing reason is not refused there but listed (assess show --missing-reason, filter w) */
    bool reason_optional;
} answer_change;

/* Sets fields of one item's answer for a party (party_vendor_id 0 = the assessment's vendor) in
 * one transaction with history. Validates everything first: unknown item (not an assessable item
 * of the catalog) → ITEM_NOT_FOUND / ITEM_IS_HEADING; value not in the answer set → ANSWER_VALUE_UNKNOWN,
 * date not ISO → DATE_NOT_ISO, not offered by the catalog → DATE_NOT_OFFERED, vendor unknown →
 * VENDOR_NOT_FOUND, each naming the field; a value whose catalog answer needs_reason without a
 * reason (given, or already stored) → REASON_REQUIRED, a reason of more than one line →
 * REASON_MALFORMED; nothing written then. A value that needs no reason clears a stored reason
 * unless AF_REASON gives one. Unchanged fields write no history;
 * a call that changes nothing writes nothing and returns STATUS_OK with *changed = 0.
 * Then proposes answers for mapped items of other assessments of the same scope and fiscal year
 * (see assess_proposals); *proposed receives how many (may be NULL). Marks a signed-off assessment
 * "changed since sign-off". */
status_code assess_answer_set(store *s, int64_t assessment_id, const char *item_id, answer_party party,
                            int64_t party_vendor_id, const answer_change *ch, const char *who, int *changed,
                            int *proposed, status_detail *err);

/* The same checks and writes inside the caller's open transaction, under the caller's history
 * action (an import of many answers is one action): no proposals are made. On failure the caller
 * rolls back. */
status_code assess_answer_write(store *s, int64_t action, int64_t assessment_id, const char *item_id,
                                answer_party party, int64_t party_vendor_id, const answer_change *ch, const char *who,
                                int *changed, status_detail *err);

/* Undoes `who`'s most recent not-yet-undone action on this assessment (answer changes with the
 * proposals they made or superseded, a sign-off, a proposal decision), restoring the old values,
 * as a new action recorded in history (undo_of = the undone action). Other people's changes are
 * never undone: NOTHING_TO_UNDO when `who` has nothing to undo here; UNDO_BLOCKED, nothing
 * written, when someone changed one of the same records since (the detail names who and what;
 * assess_undo_blockers gives the rows). *what (may be NULL) gets a description. */
status_code assess_undo(store *s, int64_t assessment_id, const char *who, char **what, status_detail *err);
/* What keeps assess_undo from undoing `who`'s last change: the later history rows on the same
 * records, oldest first (none when nothing, or nothing to undo). Free with history_list_free. */
status_code assess_undo_blockers(store *s, int64_t assessment_id, const char *who, history_row **out, size_t *n,
                                 status_detail *err);

/* ---- Archive ---- */

/* Archives (archive = true) or restores an assessment in one transaction with history (kind
 * "archive" / "restore", field archived_at): archived, it is left out of assess_list (so of the
 * dashboard and every list) unless the filter asks for archived ones, and keeps its answers and
 * history; assess_get, show and undo still reach it. Either is undone by assess_undo. Archiving an
 * archived one (or restoring one in use) changes nothing: STATUS_OK with *changed false. */
status_code assess_archive(store *s, int64_t assessment_id, bool archive, const char *who, bool *changed,
                           status_detail *err);

/* ---- Sign-off ---- */

/* Records name, role and time (clock_now); clears "changed since sign-off". */
status_code assess_signoff(store *s, int64_t assessment_id, const char *name, const char *role, const char *who,
                         status_detail *err);

/* ---- Fiscal-year carry ---- */

/* CARRY_KEEP_VALUES, CARRY_KEEP_DATES: carry_map.h. */
typedef struct {
    const char *to_catalog; /* NULL = the same catalog id (a successor such as gl6 -> gl7 otherwise) */
    const char *to_version; /* NULL = the same version; with to_catalog, NULL = its newest */
    int to_fy;
    unsigned flags; /* CARRY_KEEP_* */
} carry_spec;

typedef struct {
    int64_t new_id;
    int carried;         /* old items carried onto an item of the new catalog */
    int crosswalked;     /* of those, through a declared mapping (rel: supersedes) */
    carry_skip *skipped; /* answered old items not carried, in the old catalog's order (owned) */
    size_t nskipped;
} carry_result;

/* Creates the fiscal year to_fy's assessment from `from` in the catalog spec names, same scope,
 * prev_id = from, in one transaction. Items are matched as carry_map.h says (a declared
 * `supersedes` mapping, else the same node id); what does not map is listed in out->skipped and
 * stays in the old assessment. Copies notes, owners and evidence links of every party (the register entries themselves
 * are not copied: evidence_expiring lists those that run out in the new year); values with their
 * reasons (those the new answer set has) and dates (those the new catalog offers) only with the flags.
 * ASSESSMENT_EXISTS if that assessment exists already; CATALOG_NOT_FOUND for an unknown target. */
status_code assess_carry_to(store *s, int64_t from, const carry_spec *spec, const char *who, carry_result *out,
                            status_detail *err);
void carry_result_free(carry_result *r);

/* The same with the old arguments: the same catalog id; *dropped = out.nskipped. */
status_code assess_carry(store *s, int64_t from, int to_fy, const char *to_version, unsigned flags, const char *who,
                       int64_t *new_id, int *dropped, status_detail *err);

/* ---- Diff (effective answers, item by item) ---- */

typedef struct {
    char *item_id, *ref; /* ref as printed, may be NULL */
    char *field;         /* "value" "reason" "checked" "due" "done" "owner" "note" "evidence" "item" */
    char *a, *b;         /* NULL = empty / absent */
} assess_diff_row;

/* Differences between assessments a and b (any two; typically last year and this year), in b's
 * catalog order, then items only in a. "item" rows mark items present in only one catalog. */
status_code assess_diff(store *s, int64_t a, int64_t b, assess_diff_row **out, size_t *n, status_detail *err);
void assess_diff_free(assess_diff_row *rows, size_t n);

#endif
