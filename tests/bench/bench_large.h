/* The large profile and the same-run ratios of anzen-bench (bench_large.c, bench_anchor.c). */
#ifndef ANZEN_BENCH_LARGE_H
#define ANZEN_BENCH_LARGE_H

#include <stdbool.h>

#include "bench_proc.h"

/* A generated catalog `id` of `items` items (chapters of 50, sections of 10, Japanese text, answer
 * keys y n x), written to dir/<id>-1.yaml. */
void bench_write_catalog(const char *dir, const char *id, int items);

/* The first paint of `anzen --db db` in an 80×24 pty (ANZEN_EXIT_AFTER_DRAW): the median time to
 * the last byte of the first screen over `runs` (after one warm-up), each run's time in each[0..runs)
 * when each is not NULL, the peak RSS and the bytes. */
double bench_first_paint(const char *bin, const char *db, int runs, double *each, long *rss_kb, long *bytes);
/* One such first paint; false when anzen did not exit cleanly. */
bool bench_paint_once(const char *bin, const char *db, proc_figure *f);

/* 1,000 items × 100 assessments: first paint, Enter, answer key, progress, history, RSS; growth
 * per doubling of items 100 → 800. Works in tmp/large. */
void bench_large(const char *bin, const char *tmp, bool quick);

/* Ratios against programs run in the same bench: first paint of db against `dialog --checklist`
 * with 1,000 Japanese items (skipped with a note without dialog), `anzen answer set` on
 * assessment aid against the sqlite3 shell doing one INSERT + commit in WAL with synchronous=FULL. */
void bench_anchors(const char *bin, const char *tmp, const char *db, long long aid, const char *item, bool quick);

#endif
