/* Reads the workbench needs fast, curses-free (the TUI links them; unit-tested in
 * tests/core/test_summary.c against assess_list / progress_compute, which they must agree with).
 *
 * Why: assess_list computes every assessment's summary through progress_compute, which loads the
 * catalog from the database once per assessment; with 100 assessments that is most of the
 * dashboard's cold start. Here the rows come first without summaries, and summaries are computed
 * for the rows on screen only, by one query over their answers, with per catalog only its item
 * counts (summary_cache) and its answer set (catalog_db_head). */
#ifndef ANZEN_ASSESS_SUMMARY_H
#define ANZEN_ASSESS_SUMMARY_H

#include <stddef.h>

#include "assess.h"
#include "catalog/lib.h"
#include "progress.h"
#include "store/lib.h"

/* Per catalog (id@version), read once: its items' ids in the database's order (byte order, as
 * the answers come) with their default responsible parties, and the counts by party.
 * Zero-initialise the cache; release with summary_cache_free. */
typedef struct {
    char *id, *version;
    char **item_ids;
    responsibility *item_resp;
    int items;
    int by_resp[RESP__COUNT];
} summary_counts;

typedef struct {
    summary_counts **items; /* each its own allocation, so a pointer to one outlives a later add */
    size_t len, cap;
} summary_cache;

void summary_cache_free(summary_cache *cache);

/* Every assessment, in assess_list order, without summaries: items, answered, positive,
 * not_applicable and overdue are -1. Free with assessment_list_free. A failed read is its status
 * with no rows, never just an empty dashboard. */
status_code summary_assess_rows(store *s, assessment **out, size_t *n, status_detail *err);

/* The summary of one assessment exactly as assess_get / assess_list compute it (effective
 * answers; overdue = 目標日 before `today`, no 完了日, not positive or not applicable), plus the
 * counts by responsible party into by_owner[RESP__COUNT] when not NULL (as progress_compute's total
 * row). Returns false when the catalog is missing (fields left at -1). */
bool summary_compute(store *s, summary_cache *cache, assessment *a, jp_date today, int *by_owner);

/* The same for n assessments at once, of any catalogs (the rows on screen): one query streams their answers in
 * key order, matched against their catalogs' sorted items; nothing is kept per answer. by_owner,
 * when not NULL, gets n rows. Rows whose catalog is missing are left at -1. */
void summary_compute_rows(store *s, summary_cache *cache, assessment *const *rows, size_t n, jp_date today,
                          int (*by_owner)[RESP__COUNT]);

#endif
