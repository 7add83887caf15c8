/* The one clock of anzen: every stored timestamp and "today" come from here, so tests can pin
 * time with ANZEN_NOW. */
#ifndef ANZEN_CLOCK_H
#define ANZEN_CLOCK_H

/* Current time as ISO 8601 UTC ("2026-11-22T02:07:17Z") into buf (>= 21 bytes). */
void clock_now(char *buf);

#endif
