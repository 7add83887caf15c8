/* The export figures of anzen-bench (bench_export.c). */
#ifndef ANZEN_BENCH_EXPORT_H
#define ANZEN_BENCH_EXPORT_H

#include <stdbool.h>

/* Prints the time of every export of a 1,000-item assessment; works in tmp/exports. bin is the
 * anzen binary (for the openpyxl comparison, which runs it as a user would). */
void bench_exports(const char *bin, const char *tmp, bool quick);

/* anzen's XLSX export of checklist assessment aid against Python + openpyxl writing the same
 * sheet (bench_openpyxl.c); inproc_ms is the in-process figure of that export; files go to dir. */
void bench_openpyxl(const char *bin, const char *db, const char *catalogs, long long aid, const char *dir, double inproc_ms,
                    bool quick);

/* `anzen-bench --rss-of PROGRAM ARGS…`: runs it and prints its peak RSS ("rss KB") on stderr. */
int bench_rss_of(char *const argv[]);

#endif
