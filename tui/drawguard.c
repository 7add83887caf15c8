#include "drawguard.h"

#include <stdio.h>
#include <stdlib.h>

#include "term.h"

static bool drawing;

static int on_statement(unsigned type, void *ctx, void *stmt, void *sql)
{
    (void)ctx;
    (void)stmt;
    if (type != SQLITE_TRACE_STMT || !drawing)
        return 0;
    term_stop(); /* the terminal back, so the message is readable */
    fprintf(stderr, "anzen: SQL while drawing (belongs in the screen's reload op): %s\n", (const char *)sql);
    abort();
}

void drawguard_init(store *st)
{
    const char *on = getenv("ANZEN_TEST_NO_SQL_IN_DRAW");
    if (st && on && str_eq(on, "1"))
        sqlite3_trace_v2(store_db(st), SQLITE_TRACE_STMT, on_statement, NULL);
}

void drawguard_enter(void)
{
    drawing = true;
}

void drawguard_leave(void)
{
    drawing = false;
}
