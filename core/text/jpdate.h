/* Dates as people write them in Japanese hospitals: ISO (2025-04-01, 2025/4/1), the Japanese era
 * (令和7年4月1日, 令和元年5月1日, R7.4.1, H31.4.30) and fiscal years (年度: April to March).
 *
 * Everything is stored as ISO "YYYY-MM-DD"; the era form is for display and input only.
 * Eras known: 明治 (M, from 1868-01-25: 明治元年 was applied back to the start of that year), 大正 (T, 1912-07-30), 昭和 (S, 1926-12-25),
 * 平成 (H, 1989-01-08), 令和 (R, 2019-05-01). A date outside its era (平成31年5月1日, 令和元年4月30日)
 * is rejected, naming the era's range. */
#ifndef ANZEN_JPDATE_H
#define ANZEN_JPDATE_H

#include <stdbool.h>

#include "base/lib.h"

typedef struct {
    int y, m, d; /* Gregorian */
} jp_date;

/* Is (y, m, d) a real Gregorian date (1 ≤ m ≤ 12, day within the month, leap years)? */
bool jpdate_valid(int y, int m, int d);

/* Parses any accepted form (surrounding spaces allowed; full-width digits and ．／ accepted):
 *   2025-04-01  2025/4/1  2025.4.1  令和7年4月1日  令和元年5月1日  R7.4.1  R7/4/1  r7-4-1  H31.4.30
 * Returns true and fills *out; false with *err (may be NULL; DATE_EMPTY, DATE_MALFORMED,
 * DATE_ERA_YEAR, DATE_NO_SUCH or DATE_OUTSIDE_ERA with the value) naming what is wrong. */
bool jpdate_parse(const char *s, jp_date *out, status_detail *err);

/* Same, writing ISO "YYYY-MM-DD" into iso (≥ 11 bytes). */
bool jpdate_parse_iso(const char *s, char iso[11], status_detail *err);

/* Is s exactly a valid ISO date "YYYY-MM-DD"? (What the database holds.) */
bool jpdate_is_iso(const char *s);

/* ISO "YYYY-MM-DD" into buf (≥ 11 bytes). */
void jpdate_format_iso(jp_date d, char *buf);

/* Era form: long "令和7年4月1日" (first year as 元年), short "R7.4.1". Dates before 明治 give the
 * ISO form. Caller frees. */
char *jpdate_format_wareki(jp_date d, bool shortform);

/* The era of a date: name "令和", letter 'R', year within the era (1 = 元年). false before 明治. */
bool jpdate_era(jp_date d, const char **name, char *letter, int *era_year);

/* Fiscal year (年度) of a date: April–March, named by the Gregorian year it starts in
 * (2026-03-31 → 2025, 2026-04-01 → 2026). */
int jpdate_fiscal_year(jp_date d);

/* First and last day of fiscal year fy (fy-04-01 .. fy+1-03-31). */
jp_date jpdate_fy_start(int fy);
jp_date jpdate_fy_end(int fy);

/* Label of a fiscal year: "令和7年度" (ja) or "FY2025" (en) — without the Gregorian year; use
 * jpdate_fy_label_both for "令和7年度 (2025)". A fiscal year takes the era in effect for most of it,
 * so fiscal 2019 (April 2019 – March 2020) is "令和元年度", fiscal 1989 "平成元年度". Caller frees. */
char *jpdate_fy_label(int fy, bool english);
/* "令和7年度 (2025)" / "FY2025 (R7)". Caller frees. */
char *jpdate_fy_label_both(int fy, bool english);

/* Parses a fiscal year: "2025", "2025年度", "FY2025", "令和7年度", "令和7", "R7", "令和元年度".
 * "平成31年度" is accepted as 2019 (both names were used). false with *err (FY_EMPTY,
 * FY_MALFORMED) otherwise. */
bool jpdate_parse_fy(const char *s, int *fy, status_detail *err);

/* Today (UTC, or ANZEN_NOW's date when set, like clock_now). */
jp_date jpdate_today(void);

/* Days from a to b (b − a). */
long jpdate_days_between(jp_date a, jp_date b);

/* Compare: <0, 0, >0. */
int jpdate_cmp(jp_date a, jp_date b);

#endif
