/* A scrolling selection over `count` rows: pure state, no drawing. Screens keep one per list and
 * draw the rows [top, top + height) themselves. */
#ifndef ANZEN_TUI_LIST_H
#define ANZEN_TUI_LIST_H

#include <stdbool.h>

#include "actions.h"

typedef struct {
    int count;  /* rows */
    int sel;    /* selected row, 0 when empty */
    int top;    /* first visible row */
    int height; /* visible rows (set by the drawer from the layout) */
} list_state;

void list_set_count(list_state *l, int count);
void list_set_height(list_state *l, int height);
void list_select(list_state *l, int row);
/* Applies a movement action (up, down, page, home, end). false when `act` is not one. */
bool list_handle(list_state *l, action act);

#endif
