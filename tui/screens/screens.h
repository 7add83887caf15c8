/* Constructors of the screens (one file per screen in tui/screens/). Each returns a screen
 * owned by the caller until pushed with app_push. */
#ifndef ANZEN_TUI_SCREENS_H
#define ANZEN_TUI_SCREENS_H

#include "app.h"

/* Every catalog in the database: kind, id@version, title, items, completeness. */
screen *catalogs_screen_new(app *a);
/* One catalog as a tree with the selected node's detail (read-only browsing). NULL if absent. */
screen *browse_screen_new(app *a, const char *catalog_id, const char *version);
/* The keys of `km` (the screen below) and the global keys, generated from the tables. */
screen *help_screen_new(app *a, const keymap *km);

/* Display name of a catalog kind ("guideline" → ガイドライン). */
const char *kind_label(const char *kind);

#endif
