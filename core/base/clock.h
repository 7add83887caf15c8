/* The one clock of anzen: every stored timestamp and "today" come from here, so tests can pin
 * time with ANZEN_NOW (a test hook: only a valid ISO 8601 UTC time is taken, and the front ends
 * refuse to start with any other value, see clock_env_check). */
#ifndef ANZEN_CLOCK_H
#define ANZEN_CLOCK_H

#include <stdbool.h>

/* Current time as ISO 8601 UTC ("2026-11-22T02:07:17Z") into buf (>= 21 bytes): ANZEN_NOW when it
 * is valid (clock_is_iso), else the system clock. */
void clock_now(char *buf);

/* Whether s is exactly the form clock_now writes, YYYY-MM-DDTHH:MM:SSZ, naming a real UTC time
 * (no 2026-02-30, no 25:00; a leap second :60 is refused too). */
bool clock_is_iso(const char *s);

/* false when ANZEN_NOW is set (non-empty) but not clock_is_iso; *value then points at it. The
 * front ends call this once at start and refuse to run, so a mistyped hook never becomes a
 * stored time or silently falls back to the real clock. */
bool clock_env_check(const char **value);

/* A stored UTC time (YYYY-MM-DDTHH:MM:SSZ) for display in the local time zone (TZ) with the zone:
 * "2026-05-10 18:00:00 JST" ("2026-05-10 18:00 JST" without seconds). Anything else is copied as it is; NULL gives "". */
enum { CLOCK_LOCAL_SIZE = 48 };
void clock_local_text(const char *utc, bool seconds, char buf[CLOCK_LOCAL_SIZE]);

#endif
