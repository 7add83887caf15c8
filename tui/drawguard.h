/* A test hook that keeps drawing free of database reads: with ANZEN_TEST_NO_SQL_IN_DRAW=1 (the
 * screen tests set it) any SQL statement run while a screen draws ends anzen with a message naming
 * the statement. Drawing paints the state; reading belongs in a screen's reload op (app.h). */
#ifndef ANZEN_TUI_DRAWGUARD_H
#define ANZEN_TUI_DRAWGUARD_H

#include "store/lib.h"

/* Watches the statements of st when the environment asks for it; otherwise does nothing. */
void drawguard_init(store *st);
/* Around a screen's draw. */
void drawguard_enter(void);
void drawguard_leave(void);

#endif
