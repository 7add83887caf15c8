#include "jpdate.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"

typedef struct {
    const char *name;
    char letter;
    jp_date start;
} era_def;

/* Newest last; an era runs until the day before the next one starts. */
static const era_def eras[] = {
    {"明治", 'M', {1868, 1, 25}}, {"大正", 'T', {1912, 7, 30}}, {"昭和", 'S', {1926, 12, 25}},
    {"平成", 'H', {1989, 1, 8}},  {"令和", 'R', {2019, 5, 1}},
};
#define NERAS ((int)AZ_ARRAY_LEN(eras))

int jpdate_cmp(jp_date a, jp_date b)
{
    if (a.y != b.y)
        return a.y < b.y ? -1 : 1;
    if (a.m != b.m)
        return a.m < b.m ? -1 : 1;
    if (a.d != b.d)
        return a.d < b.d ? -1 : 1;
    return 0;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool jpdate_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

/* Days since 1970-01-01 (proleptic Gregorian), Howard Hinnant's days_from_civil. */
static long days_from_civil(jp_date dt)
{
    long y = dt.y - (dt.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (dt.m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + dt.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

long jpdate_days_between(jp_date a, jp_date b)
{
    return days_from_civil(b) - days_from_civil(a);
}

bool jpdate_era(jp_date d, const char **name, char *letter, int *era_year)
{
    for (int i = NERAS - 1; i >= 0; i--) {
        if (jpdate_cmp(d, eras[i].start) >= 0) {
            if (name)
                *name = eras[i].name;
            if (letter)
                *letter = eras[i].letter;
            if (era_year)
                *era_year = d.y - eras[i].start.y + 1;
            return true;
        }
    }
    return false;
}

void jpdate_format_iso(jp_date d, char *buf)
{
    snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u, (unsigned)d.d % 100u);
}

char *jpdate_format_wareki(jp_date d, bool shortform)
{
    const char *name;
    char letter;
    int ey;
    if (!jpdate_era(d, &name, &letter, &ey)) {
        char iso[11];
        jpdate_format_iso(d, iso);
        return xstrdup(iso);
    }
    if (shortform)
        return xasprintf("%c%d.%d.%d", letter, ey, d.m, d.d);
    if (ey == 1)
        return xasprintf("%s元年%d月%d日", name, d.m, d.d);
    return xasprintf("%s%d年%d月%d日", name, ey, d.m, d.d);
}

int jpdate_fiscal_year(jp_date d)
{
    return d.m >= 4 ? d.y : d.y - 1;
}

jp_date jpdate_fy_start(int fy)
{
    return (jp_date){fy, 4, 1};
}

jp_date jpdate_fy_end(int fy)
{
    return (jp_date){fy + 1, 3, 31};
}

/* The era that names a fiscal year: the one in effect at the end of its first calendar year, so
 * that fiscal 2019 (April 2019 – March 2020) is 令和元年度, fiscal 1989 平成元年度 and fiscal 1988
 * 昭和63年度 (平成 began 1989-01-08). */
static const era_def *fy_era(int fy, int *era_year)
{
    jp_date probe = {fy, 12, 31};
    for (int i = NERAS - 1; i >= 0; i--) {
        if (jpdate_cmp(probe, eras[i].start) >= 0) {
            *era_year = fy - eras[i].start.y + 1;
            return &eras[i];
        }
    }
    return NULL;
}

char *jpdate_fy_label(int fy, bool english)
{
    int ey;
    const era_def *e = fy_era(fy, &ey);
    if (english || !e)
        return english ? xasprintf("FY%d", fy) : xasprintf("%d年度", fy);
    if (ey == 1)
        return xasprintf("%s元年度", e->name);
    return xasprintf("%s%d年度", e->name, ey);
}

char *jpdate_fy_label_both(int fy, bool english)
{
    int ey;
    const era_def *e = fy_era(fy, &ey);
    if (!e)
        return english ? xasprintf("FY%d", fy) : xasprintf("%d年度", fy);
    if (english)
        return xasprintf("FY%d (%c%d)", fy, e->letter, ey);
    char *l = jpdate_fy_label(fy, false);
    char *r = xasprintf("%s (%d)", l, fy);
    free(l);
    return r;
}

/* ---- parsing ---- */

/* Copies s with full-width digits, Latin letters and ．／－ turned into ASCII and surrounding spaces (incl. U+3000)
 * removed. */
static char *normalise(const char *s)
{
    strbuf b = {0};
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) { /* ０-９ */
            sb_addc(&b, (char)('0' + (p[2] - 0x90)));
            p += 3;
        } else if (p[0] == 0xEF && p[1] == 0xBC && (p[2] == 0x8E || p[2] == 0x8F || p[2] == 0x8D)) { /* ．／－ */
            sb_addc(&b, p[2] == 0x8E ? '.' : p[2] == 0x8F ? '/' : '-');
            p += 3;
        } else if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0xA1 && p[2] <= 0xBA) { /* Ａ-Ｚ */
            sb_addc(&b, (char)('A' + (p[2] - 0xA1)));
            p += 3;
        } else if (p[0] == 0xEF && p[1] == 0xBD && p[2] >= 0x81 && p[2] <= 0x9A) { /* ａ-ｚ */
            sb_addc(&b, (char)('a' + (p[2] - 0x81)));
            p += 3;
        } else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) { /* ideographic space */
            sb_addc(&b, ' ');
            p += 3;
        } else {
            sb_addc(&b, (char)*p++);
        }
    }
    char *r = sb_take(&b);
    char *start = r;
    while (*start == ' ' || *start == '\t')
        start++;
    size_t n = strlen(start);
    while (n && (start[n - 1] == ' ' || start[n - 1] == '\t'))
        n--;
    char *out = xstrndup(start, n);
    free(r);
    return out;
}

/* Reads 1..max decimal digits; -1 when none. */
static int read_num(const char **p, int max)
{
    int v = 0, n = 0;
    while (n < max && isdigit((unsigned char)**p)) {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    return n ? v : -1;
}

static bool skip(const char **p, const char *lit)
{
    size_t n = strlen(lit);
    if (strncmp(*p, lit, n) == 0) {
        *p += n;
        return true;
    }
    return false;
}

/* A separator after year or month: "年"/"月" (kanji form) or one of - / . (short form). */
static bool read_sep(const char **p, const char *kanji, bool *kanji_form)
{
    if (skip(p, kanji)) {
        *kanji_form = true;
        return true;
    }
    if (**p == '-' || **p == '/' || **p == '.') {
        (*p)++;
        return true;
    }
    return false;
}

static const era_def *read_era(const char **p)
{
    for (int i = 0; i < NERAS; i++) {
        if (skip(p, eras[i].name))
            return &eras[i];
    }
    char c = (char)toupper((unsigned char)**p);
    for (int i = 0; i < NERAS; i++) {
        if (c == eras[i].letter && (isdigit((unsigned char)(*p)[1]) || strncmp(*p + 1, "元", strlen("元")) == 0)) {
            (*p)++;
            return &eras[i];
        }
    }
    return NULL;
}

static const era_def *era_after(const era_def *e)
{
    return e + 1 < eras + NERAS ? e + 1 : NULL;
}

bool jpdate_parse(const char *s, jp_date *out, status_detail *err)
{
    if (str_empty(s)) {
        status_fail(err, &(status_info){.code = STATUS_DATE_EMPTY});
        return false;
    }
    char *norm = normalise(s);
    const char *p = norm;
    const era_def *era = read_era(&p);
    int y;
    bool kanji = false;
    if (era) {
        y = skip(&p, "元") ? 1 : read_num(&p, 4); /* 4: the era form of 9999-12-31 is 令和7981年 */
    } else {
        y = read_num(&p, 4);
        if (y >= 0 && p - norm != 4)
            y = -1;
    }
    int m = -1, d = -1;
    bool ok = y >= 0 && read_sep(&p, "年", &kanji);
    if (ok) {
        m = read_num(&p, 2);
        ok = m >= 0 && read_sep(&p, "月", &kanji);
    }
    if (ok) {
        d = read_num(&p, 2);
        ok = d >= 0;
        if (ok && kanji)
            ok = skip(&p, "日");
        else if (ok)
            skip(&p, "日");
        ok = ok && *p == '\0';
    }
    if (!ok) {
        status_fail(err, &(status_info){STATUS_DATE_MALFORMED, .value = s});
        free(norm);
        return false;
    }
    if (era) {
        if (y < 1) {
            status_fail(err, &(status_info){STATUS_DATE_ERA_YEAR, .value = s});
            free(norm);
            return false;
        }
        y = era->start.y + y - 1;
    }
    if (!jpdate_valid(y, m, d)) {
        char ymd[40] = "";
        if (era)
            snprintf(ymd, sizeof ymd, "%04d-%02d-%02d", y, m, d);
        status_fail(err, &(status_info){STATUS_DATE_NO_SUCH, .value = s, .extra = ymd});
        free(norm);
        return false;
    }
    jp_date dt = {y, m, d};
    if (era) {
        const era_def *next = era_after(era);
        if (jpdate_cmp(dt, era->start) < 0 || (next && jpdate_cmp(dt, next->start) >= 0)) {
            char a[11], b[11] = "";
            jpdate_format_iso(era->start, a);
            if (next) {
                jp_date last = next->start;
                /* the day before next->start */
                if (--last.d == 0) {
                    if (--last.m == 0) {
                        last.m = 12;
                        last.y--;
                    }
                    last.d = month_days(last.y, last.m);
                }
                jpdate_format_iso(last, b);
            }
            char *range = xasprintf("%s – %s", a, next ? b : "");
            status_fail(err, &(status_info){STATUS_DATE_OUTSIDE_ERA, .value = s, .entity = era->name, .extra = range});
            free(range);
            free(norm);
            return false;
        }
    }
    free(norm);
    *out = dt;
    return true;
}

bool jpdate_parse_iso(const char *s, char iso[11], status_detail *err)
{
    jp_date d;
    if (!jpdate_parse(s, &d, err))
        return false;
    jpdate_format_iso(d, iso);
    return true;
}

bool jpdate_is_iso(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
            return false;
    return jpdate_valid(atoi(s), atoi(s + 5), atoi(s + 8));
}

bool jpdate_parse_fy(const char *s, int *fy, status_detail *err)
{
    if (str_empty(s)) {
        status_fail(err, &(status_info){.code = STATUS_FY_EMPTY});
        return false;
    }
    char *norm = normalise(s);
    const char *p = norm;
    if (!skip(&p, "FY"))
        skip(&p, "fy");
    const era_def *era = read_era(&p);
    int y = era && skip(&p, "元") ? 1 : read_num(&p, 4);
    if (!skip(&p, "年度"))
        skip(&p, "年");
    bool ok = y >= 0 && *p == '\0';
    if (ok && era) {
        ok = y >= 1;
        const era_def *next = era_after(era);
        int g = era->start.y + y - 1;
        /* 平成31年度 = 令和元年度 = 2019; beyond the era's last fiscal year is an error. */
        if (ok && next && g > next->start.y)
            ok = false;
        y = g;
    } else if (ok) {
        ok = y >= 1900 && y <= 2200 && p - norm >= 4;
    }
    free(norm);
    if (!ok) {
        status_fail(err, &(status_info){STATUS_FY_MALFORMED, .value = s});
        return false;
    }
    *fy = y;
    return true;
}

jp_date jpdate_today(void)
{
    char now[32];
    clock_now(now);
    jp_date d = {atoi(now), atoi(now + 5), atoi(now + 8)};
    if (!jpdate_valid(d.y, d.m, d.d))
        d = (jp_date){1970, 1, 1};
    return d;
}
