/* The one place that includes curses, with the wide-character API switched on. */
#ifndef ANZEN_TUI_CURSES_INC_H
#define ANZEN_TUI_CURSES_INC_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
