/* Progress of an assessment, overall and per heading (volume / chapter), from effective answers
 * (assess.h: agreed, else hospital, else vendor).
 *
 * answered   items with a value;          answered % = answered / items
 * positive   value whose meaning is positive (はい, 実施 …)
 * partial, negative, na   likewise (na = meaning not_applicable: 対象外, 該当なし)
 * positive % = positive / (items − na)    (not-applicable items do not count against you)
 * overdue    目標日 before today and no 完了日, value not positive
 * by_owner   effective answers by responsible party (RESP_NONE = not set; unanswered items with a
 *            catalog default responsibility count under that default) */
#ifndef ANZEN_PROGRESS_H
#define ANZEN_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "answers.h"
#include "catalog/lib.h"
#include "text/lib.h"
#include "store/lib.h"
#include "workspace/lib.h"

#define RESP__COUNT (RESP_NA + 1)

typedef struct {
    char *node_id; /* NULL for the whole assessment */
    char *ref;     /* printed reference of the heading, may be NULL */
    char *title;   /* heading title in the requested language; catalog title for the total row */
    int depth;     /* 0 for the total row, 1 for top-level headings, 2 for their children */
    int items, answered, positive, partial, negative, na, overdue;
    int by_owner[RESP__COUNT];
} progress_row;

/* Percentages as integers 0..100 (rounded down), 0 when the denominator is 0. */
int progress_answered_pct(const progress_row *r);
int progress_positive_pct(const progress_row *r);

/* The total row first, then headings down to max_depth (0 = total only, 1 = volumes / top-level
 * headings, 2 = chapters too), in catalog order. Headings with no items below are omitted. */
status_code progress_compute(store *s, int64_t assessment_id, jp_date today, int max_depth, bool english,
                           progress_row **out, size_t *n, status_detail *err);
void progress_free(progress_row *rows, size_t n);

/* One item as the counts see it, from its effective answer x (NULL when none): the answer's
 * definition (NULL when unanswered or the value is unknown), overdue (目標日 before today_iso, no
 * 完了日, value not positive or not applicable) and the responsible party (the answer's, else the
 * item's default). progress_compute and summary.c count through these two. */
typedef struct {
    const answer_def *def;
    bool overdue;
    responsibility owner;
} progress_item;
progress_item progress_item_of(const catalog *c, const catalog_node *node, const answer *x, const char *today_iso);
/* The same from the parts: the item's default party, and the effective answer's value, 目標日,
 * 完了日 and party (all NULL / RESP_NONE when there is none). c needs only its answers. */
progress_item progress_item_from(const catalog *c, responsibility item_resp, const char *value, const char *due,
                                 const char *done, responsibility owner, const char *today_iso);
/* Adds the item to the row's items, answered, meaning counts, overdue and by_owner. */
void progress_row_add(progress_row *r, progress_item it);

#endif
