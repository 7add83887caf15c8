/* The export figures of anzen-bench (bench_export.c). */
#ifndef ANZEN_BENCH_EXPORT_H
#define ANZEN_BENCH_EXPORT_H

#include <stdbool.h>

/* Prints the time of every export of a 1,000-item assessment; works in tmp/exports. */
void bench_exports(const char *tmp, bool quick);

#endif
