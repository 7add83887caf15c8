/* The rules of the guided walk-through, one place for the walk card and the tree (tui/): which
 * items a filter lets through, which are still "open", the next open item after a given one, the
 * counts of the progress line and the date a form wants after an answer. Pure functions of a
 * catalog and an answer set (assess_load_answers): nothing here reads the database.
 *
 * Open: with no filter (WALK_ALL) an item without an answer; with a filter, an item the filter
 * lets through (いいえ, overdue, the parties disagree, one responsible party, one vendor). */
#ifndef ANZEN_ASSESS_WALK_H
#define ANZEN_ASSESS_WALK_H

#include <stdbool.h>
#include <stdint.h>

#include "answers.h"
#include "catalog/lib.h"

typedef enum {
    WALK_ALL,        /* no filter */
    WALK_UNANSWERED, /* no value */
    WALK_NEGATIVE,   /* value whose meaning is negative (いいえ, 未実施) */
    WALK_OVERDUE,    /* as progress.h: 目標日 before today, no 完了日, not positive or n/a */
    WALK_OWNER,      /* responsible party (the answer's, else the item's default) is .owner */
    WALK_VENDOR,     /* the effective answer names vendor .vendor as responsible */
    WALK_DISAGREE,   /* parties (or vendors) gave different values and no agreed answer settles it */
} walk_filter_kind;

typedef struct {
    walk_filter_kind kind;
    responsibility owner; /* WALK_OWNER */
    int64_t vendor;       /* WALK_VENDOR */
} walk_filter;

/* Whether item n passes filter f (WALK_ALL: always; a heading never). today_iso: YYYY-MM-DD. */
bool walk_item_passes(const catalog *c, const catalog_node *n, const answer_set *answers, const walk_filter *f,
                      const char *today_iso);
/* Whether item n is open: unanswered under WALK_ALL, else passing the filter. */
bool walk_item_open(const catalog *c, const catalog_node *n, const answer_set *answers, const walk_filter *f,
                    const char *today_iso);
/* Whether the parties' answers to item_id differ with no agreed answer (WALK_DISAGREE). */
bool walk_item_disagrees(const answer_set *answers, const char *item_id);

/* The index in c->nodes of the next open item after node `from` in catalog order (dir 1) or
 * before it (dir -1), wrapping round; `from` itself only when it is the one open item. from -1
 * starts before the first node (dir 1) or after the last (dir -1). -1 when no item is open. */
int walk_next_open(const catalog *c, const answer_set *answers, const walk_filter *f, const char *today_iso,
                   int from, int dir);

/* The progress line: 「12/22 回答済み・残り10・超過2」, and how many items are open (= remaining
 * without a filter, the items the filter lets through with one). */
typedef struct {
    int items, answered, remaining, overdue, open;
} walk_counts;
walk_counts walk_count(const catalog *c, const answer_set *answers, const walk_filter *f, const char *today_iso);

/* The date a form wants once `given` is the answer to item n, when that date is still empty in
 * the party's row as it was before (`before`, NULL when the party had no row):
 *   positive (はい, 実施)  and the form has 確認日 -> 確認日 = today;
 *   negative or partial and the form has 目標日 -> 目標日 = the end of the assessment's fiscal year
 *                                                   (令和7年度 -> 2026-03-31), or of the item's own
 *                                                   deadline (target_fy) when that is later.
 * field 0 when nothing is wanted (not applicable, the date is set, the form has no such date). */
typedef struct {
    date_field field; /* DATE_CHECKED or DATE_DUE; 0 = none */
    char iso[11];
} walk_date_offer;
walk_date_offer walk_offer_date(const catalog *c, const catalog_node *n, const answer_def *given, const answer *before,
                                int fy, const char *today_iso);

#endif
