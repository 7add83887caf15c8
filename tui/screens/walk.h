/* The walk-through's card (walk_card.c), shared by walk.c only: the item's lines for the scrolling
 * body, the path of headings above it and the answer bar. Built from the navigator's state alone
 * (nothing here reads the database: the links were read with the item, nav_load_links). */
#ifndef ANZEN_TUI_SCREENS_WALK_H
#define ANZEN_TUI_SCREENS_WALK_H

#include "navigator.h"

typedef struct {
    dline *lines;
    int n;
    size_t cap;
    int node, width; /* what the lines were built for; node -1: nothing yet */
} walk_card;

/* The body of node's card for `width` columns: reference and title, our paraphrase, 確認のしかた,
 * each party's answer with its dates (workshops), responsible party, addressee, deadline, note,
 * evidence, links to other catalogs, whether verified and the source. */
void walk_card_build(walk_card *c, const nav_state *st, app *a, int node, int width);
void walk_card_free(walk_card *c);
/* The headings above node, "2 医療情報システムの管理・運用 > 2-④ …" (caller frees; "" at the top). */
char *walk_card_path(const nav_state *st, int node, bool english);
/* The answer bar: the answer being entered (and, in a workshop, the other parties' beside it)
 * and its dates, drawn from x to limit on row y. */
void walk_card_draw_bar(const nav_state *st, app *a, WINDOW *w, int y, int x, int limit, int node);

#endif
