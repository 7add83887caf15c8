#include "clock.h"

#include <string.h>
#include <stdlib.h>
#include <time.h>

#include "util.h"

void clock_now(char *buf)
{
    const char *fixed = getenv("ANZEN_NOW"); /* tests pin the clock */
    if (!str_empty(fixed) && strlen(fixed) < 21) {
        strcpy(buf, fixed);
        return;
    }
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
