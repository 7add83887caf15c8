/* The evidence register: the organisation's documents and records that show an answer holds
 * (規程, 議事録, 作業報告書, 設定画面の写し …). An entry has a title, a kind, a reference (document
 * number, file path or URL as text: anzen stores no files), an owner, an effective date, a review
 * or expiry date and a note; it can be archived (kept, and its links with it) but is never
 * deleted. One entry is linked to any number of answers (item × party) of any assessment; the
 * links are the answer field "evidence" (apply.c: one history row per change, undone like every
 * answer field, kept by carry) and are changed with evidence_link.h or assess_answer_set.
 *
 * Register changes are one transaction each with history rows (entity "evidence", entity_id =
 * the entry, one row per field). Ownership: structs own their strings; free with *_free. */
#ifndef ANZEN_ASSESS_EVIDENCE_H
#define ANZEN_ASSESS_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "answers.h"
#include "base/lib.h"
#include "store/lib.h"
#include "text/lib.h"

/* Stored names "policy" "record" "contract" "report" "config" "other". */
const char *evidence_kind_name(evidence_kind k);
/* The kind's label: 規程・手順書 記録・議事録 契約書・SLA 報告書 設定・画面 その他 (English: Policy or
 * procedure, Record or minutes, Contract or SLA, Report, Configuration or screen, Other). */
const char *evidence_kind_label(evidence_kind k, bool english);
/* A stored name, a label in either language, or the label's first part (規程, 記録, 契約書 …). */
bool evidence_kind_parse(const char *s, evidence_kind *out);

/* How an entry stands on a day, by its review (or expiry) date. */
typedef enum {
    EVIDENCE_NO_DATE, /* no review date */
    EVIDENCE_CURRENT, /* review date more than EVIDENCE_DUE_DAYS away */
    EVIDENCE_DUE,     /* review date today or within EVIDENCE_DUE_DAYS */
    EVIDENCE_EXPIRED, /* review date before today */
} evidence_state;
#define EVIDENCE_DUE_DAYS 30
/* review: ISO or NULL. An unreadable date counts as no date. */
evidence_state evidence_state_on(const char *review, jp_date today);
const char *evidence_state_name(evidence_state s); /* "none" "current" "due" "expired" */
/* Whether an entry with this review date runs out before the end of fiscal year fy (carry). */
bool evidence_expires_before_fy_end(const char *review, int fy);

typedef struct {
    int64_t id;
    char *title;
    evidence_kind kind;
    char *ref, *owner, *effective, *review, *note; /* NULL when empty; dates ISO */
    bool archived;
    char *created_at, *created_by, *updated_at;
    int links; /* answers linking it (evidence_list / evidence_get) */
} evidence_entry;

void evidence_entry_free(evidence_entry *e);
void evidence_list_free(evidence_entry *list, size_t n);

/* Fields to set in one call; `fields` says which members are meaningful. A NULL or "" string
 * clears that field (the title cannot be cleared). */
enum {
    EF_TITLE = 1 << 0,
    EF_KIND = 1 << 1,
    EF_REF = 1 << 2,
    EF_OWNER = 1 << 3,
    EF_EFFECTIVE = 1 << 4,
    EF_REVIEW = 1 << 5,
    EF_NOTE = 1 << 6,
    EF_ARCHIVED = 1 << 7,
};

typedef struct {
    unsigned fields;
    const char *title;
    evidence_kind kind;
    const char *ref, *owner;
    const char *effective, *review; /* ISO */
    const char *note;
    bool archived;
} evidence_change;

/* A new entry (title required: FIELD_REQUIRED "title"; dates ISO: DATE_NOT_ISO naming the field;
 * title, reference and owner one line: EVIDENCE_MALFORMED; review before effective:
 * EVIDENCE_REVIEW_BEFORE_EFFECTIVE). Kind defaults to EVIDENCE_OTHER without EF_KIND. */
status_code evidence_add(store *s, const evidence_change *ch, const char *who, int64_t *id, status_detail *err);
/* Changes fields of entry id with the same checks (EVIDENCE_NOT_FOUND); *changed (may be NULL)
 * gets how many fields changed; nothing changed writes nothing. */
status_code evidence_edit(store *s, int64_t id, const evidence_change *ch, const char *who, int *changed,
                          status_detail *err);

status_code evidence_get(store *s, int64_t id, evidence_entry *out, status_detail *err);
/* "#3" or "3" (the number), else the exact title, else the exact reference; EVIDENCE_NOT_FOUND,
 * or EVIDENCE_AMBIGUOUS when two entries have that title or reference. */
status_code evidence_find(store *s, const char *key, int64_t *id, status_detail *err);
/* Every entry (archived ones only with_archived), by title then id, with its link count. A
 * failed read is its status, never an empty list. */
status_code evidence_list(store *s, bool with_archived, evidence_entry **out, size_t *n, status_detail *err);

/* How many entries (not archived, linked or not) are expired and due for review on `today`. */
status_code evidence_count_states(store *s, jp_date today, int *expired, int *due, status_detail *err);

/* One answer linking an entry: where it is used. */
typedef struct {
    int64_t assessment_id;
    char *catalog_id, *catalog_version;
    int fy;
    char *item_id, *ref; /* ref: the item's printed reference, NULL when none or unknown */
    answer_party party;
    int64_t party_vendor_id;
} evidence_use;

/* The answers linking entry id, by assessment then catalog order. */
status_code evidence_uses(store *s, int64_t id, evidence_use **out, size_t *n, status_detail *err);
void evidence_uses_free(evidence_use *list, size_t n);

/* The entries linked from assessment aid (not archived) whose review date falls before the end
 * of fiscal year fy — after a carry, what must be renewed within the new year. By review date. */
status_code evidence_expiring(store *s, int64_t aid, int fy, evidence_entry **out, size_t *n, status_detail *err);

/* ---- for assess/ (inside an open transaction, rows added to `action`) ---- */

/* A new entry with its history rows (ch checked by the caller); its id, or 0 with *err. */
int64_t evidence_insert(store *s, int64_t action, const evidence_change *ch, const char *who, status_detail *err);
/* The entry one line of an answer's "evidence" field names: "#3" or "#3 title" (as history
 * records links) is entry 3 (EVIDENCE_NOT_FOUND when there is none); any other text is a
 * reference: the first entry with exactly that reference, else a new entry of kind その他 with
 * it as title and reference (the old free-text evidence, `answer set --evidence TEXT`). Returns
 * the id, or 0 with *err. */
int64_t evidence_resolve_line(store *s, int64_t action, const char *line, const char *who, status_detail *err);

#endif
