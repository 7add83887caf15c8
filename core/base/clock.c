/* timegm is a GNU/BSD extension, used to check that a pinned time names a real instant. */
#define _DEFAULT_SOURCE
#include "clock.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>

#include "util.h"

bool clock_is_iso(const char *s)
{
    if (!s || strlen(s) != 20)
        return false;
    /* the shape first, digit by digit: strptime alone accepts "2026-5-1T9:0:0Z" */
    static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
    for (size_t i = 0; i < 20; i++)
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
            return false;
    struct tm tm = {0};
    const char *end = strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (!end || *end)
        return false;
    /* a round trip through time_t normalises 02-30 to 03-02: a changed field means no such time */
    struct tm want = tm;
    time_t t = timegm(&tm);
    struct tm back;
    if (t == (time_t)-1 || !gmtime_r(&t, &back))
        return false;
    return back.tm_year == want.tm_year && back.tm_mon == want.tm_mon && back.tm_mday == want.tm_mday &&
           back.tm_hour == want.tm_hour && back.tm_min == want.tm_min && back.tm_sec == want.tm_sec;
}

bool clock_env_check(const char **value)
{
    const char *fixed = getenv("ANZEN_NOW");
    if (value)
        *value = fixed;
    return str_empty(fixed) || clock_is_iso(fixed);
}

void clock_now(char *buf)
{
    const char *fixed = getenv("ANZEN_NOW"); /* tests pin the clock */
    if (!str_empty(fixed) && clock_is_iso(fixed)) {
        strcpy(buf, fixed);
        return;
    }
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void clock_local_text(const char *utc, bool seconds, char buf[CLOCK_LOCAL_SIZE])
{
    buf[0] = '\0';
    if (!utc)
        return;
    struct tm tm = {0};
    const char *end = clock_is_iso(utc) ? strptime(utc, "%Y-%m-%dT%H:%M:%SZ", &tm) : NULL;
    time_t t = end ? timegm(&tm) : (time_t)-1;
    struct tm local;
    if (t == (time_t)-1 || !localtime_r(&t, &local) ||
        !strftime(buf, CLOCK_LOCAL_SIZE, seconds ? "%Y-%m-%d %H:%M:%S %Z" : "%Y-%m-%d %H:%M %Z", &local)) {
        snprintf(buf, CLOCK_LOCAL_SIZE, "%s", utc); /* not a stored time: shown as it is */
        return;
    }
    size_t n = strlen(buf);
    if (buf[n - 1] == ' ') /* a zone without an abbreviation: its offset */
        strftime(buf + n, CLOCK_LOCAL_SIZE - n, "%z", &local);
}
