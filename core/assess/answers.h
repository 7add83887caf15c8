/* Answers: one per assessable item and party (hospital, vendor, agreed), read as a set; the
 * effective answer of an item is the agreed one, else the hospital's, else the vendor's.
 * Writing goes through apply.h (private) so every field change appends its history row. */
#ifndef ANZEN_ASSESS_ANSWERS_H
#define ANZEN_ASSESS_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/lib.h"
#include "catalog/lib.h"
#include "store/lib.h"
#include "workspace/lib.h"

typedef enum { PARTY_HOSPITAL, PARTY_VENDOR, PARTY_AGREED, PARTY__COUNT } answer_party;
const char *answer_party_name(answer_party p); /* "hospital" "vendor" "agreed" */
bool answer_party_parse(const char *s, answer_party *out);

/* The kinds of evidence register entries (evidence.h): 規程・手順書, 記録・議事録, 契約書・SLA, 報告書,
 * 設定・画面, その他. */
typedef enum {
    EVIDENCE_POLICY,
    EVIDENCE_RECORD,
    EVIDENCE_CONTRACT,
    EVIDENCE_REPORT,
    EVIDENCE_CONFIG,
    EVIDENCE_OTHER,
    EVIDENCE__COUNT
} evidence_kind;

/* A register entry as linked to an answer (read-only copy; the register is evidence.h). */
typedef struct {
    int64_t id;
    char *title, *ref;        /* ref: document number, path or URL as text; NULL none */
    evidence_kind kind;
    char *effective, *review; /* ISO dates, NULL when not set; review = review or expiry date */
    bool archived;
} answer_evidence;

typedef struct {
    char *item_id;
    answer_party party;
    int64_t party_vendor_id; /* PARTY_VENDOR: which vendor answered; else 0 */
    char *value;             /* from the catalog's answer set, NULL = not answered */
    char *checked, *due, *done; /* 確認日 目標日 完了日, NULL when empty */
    responsibility owner;    /* RESP_NONE when not set */
    int64_t owner_vendor_id; /* RESP_VENDOR / RESP_JOINT: which vendor; 0 none */
    char *owner_vendor_name; /* read-only */
    char *note;              /* multi-line */
    char *reason;            /* one line: why 対象外 / いいえ (catalog answer needs_reason); NULL none */
    answer_evidence *evidence; /* linked register entries in link order */
    size_t nevidence;
    char *answered_by, *updated_at;
    char *agreed_with; /* PARTY_AGREED: the other participant named when it was agreed (answered_by acted) */
} answer;

void answer_free(answer *a);
void answer_evidence_free(answer_evidence *e);

/* All stored answers of an assessment, every party, in catalog order. */
typedef struct {
    answer *items;
    size_t len, cap;
    /* answer_set_index's index: item id -> its first row. Rows of one item are contiguous as
     * loaded; a set appended to out of that order, or not indexed, is searched linearly. */
    strindex index;
    size_t indexed;
    bool unordered;
} answer_set;

status_code assess_load_answers(store *s, int64_t assessment_id, answer_set *out, status_detail *err);
/* Only what counting needs (item, party, vendor, value, 目標日, 完了日, owner; no notes, reasons,
 * evidence or names), in the table's key order: what progress and summaries read. Indexed. */
status_code assess_load_answer_values(store *s, int64_t assessment_id, answer_set *out, status_detail *err);
void answer_set_free(answer_set *set);
/* Indexes the rows appended since the last call, so answer_set_find is constant time
 * (assess_load_answers does it; call it after filling a set by hand). */
void answer_set_index(answer_set *set);
/* Reads the rows of one item again into set (after a change to that item): replaced in place
 * when the item has as many rows as before (pointers into the set stay valid, *moved false), else
 * the old rows are dropped, the new ones appended and the set indexed again (*moved true: every
 * pointer into the set is stale, and the set is no longer in catalog order). */
status_code assess_reload_item(store *s, int64_t assessment_id, const char *item_id, answer_set *set, bool *moved,
                               status_detail *err);
/* The rows of one item, every party: for (x = answer_set_first(set, id); x; x = answer_set_next(set, x)).
 * Constant time per row in an indexed set (an item's rows are contiguous there). */
const answer *answer_set_first(const answer_set *set, const char *item_id);
const answer *answer_set_next(const answer_set *set, const answer *x);
/* The stored answer of item for party (vendor: any vendor), or NULL. */
const answer *answer_set_find(const answer_set *set, const char *item_id, answer_party party);
/* Whether x's value needs a reason in catalog c (answer_def.needs_reason) and x has none: what
 * the "reason missing" filters show. false for NULL or an unanswered x. */
bool answer_reason_missing(const catalog *c, const answer *x);
/* The effective answer: agreed, else hospital, else vendor; NULL if none. */
const answer *answer_set_effective(const answer_set *set, const char *item_id);

#endif
