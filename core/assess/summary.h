/* Reads the workbench needs fast, curses-free (the TUI links them; unit-tested in
 * tests/core/test_summary.c against assess_list / progress_compute, which they must agree with).
 *
 * Why: assess_list computes every assessment's summary through progress_compute, which loads the
 * catalog from the database once per assessment; with 100 assessments that is most of the
 * dashboard's cold start. Here the rows come first without summaries, and summaries are computed
 * for the rows on screen only, loading each catalog once (summary_cache). */
#ifndef ANZEN_ASSESS_SUMMARY_H
#define ANZEN_ASSESS_SUMMARY_H

#include <stddef.h>

#include "assess.h"
#include "catalog/lib.h"
#include "progress.h"
#include "store/lib.h"

/* Catalogs loaded once per id@version. Zero-initialise; release with summary_cache_free. */
typedef struct {
    catalog **items;
    size_t len, cap;
} summary_cache;

/* The catalog's outline (catalog_db_load_outline: no texts; owned by the cache), or NULL when it
 * is not in the database. */
const catalog *summary_catalog(summary_cache *cache, store *s, const char *id, const char *version);
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

#endif
