/* Colours by role. Drawing code names a role, never a colour; the theme maps roles to a colour
 * pair plus attributes, or (monochrome) to bold/reverse/underline only. Monochrome is used when
 * NO_COLOR is set and non-empty, when the terminal has no colours, or when asked (--no-color is
 * not a global option yet; ANZEN_MONO=1 forces it for tests). The override is never saved. */
#ifndef ANZEN_TUI_THEME_H
#define ANZEN_TUI_THEME_H

#include <stdbool.h>

#include "curses_inc.h"

/*   role         fg             bg           colour attrs   monochrome attrs */
#define ROLE_INFO(_)                                                     \
    _(NORMAL,      -1,            -1,          A_NORMAL,      A_NORMAL)  \
    _(TITLE,       COLOR_WHITE,   COLOR_BLUE,  A_BOLD,        A_REVERSE) \
    _(STATUS,      COLOR_BLACK,   COLOR_WHITE, A_NORMAL,      A_REVERSE) \
    _(STATUS_OK,   COLOR_BLACK,   COLOR_GREEN, A_NORMAL,      A_REVERSE | A_BOLD) \
    _(STATUS_ERR,  COLOR_WHITE,   COLOR_RED,   A_BOLD,        A_REVERSE | A_BOLD) \
    _(SELECTED,    COLOR_BLACK,   COLOR_CYAN,  A_NORMAL,      A_REVERSE) \
    _(SELECTED_DIM, -1,           -1,          A_REVERSE,     A_UNDERLINE) \
    _(HEADER,      COLOR_YELLOW,  -1,          A_BOLD,        A_BOLD)    \
    _(HEADING,     -1,            -1,          A_BOLD,        A_BOLD)    \
    _(LABEL,       COLOR_CYAN,    -1,          A_NORMAL,      A_BOLD)    \
    _(DIM,         COLOR_BLUE,    -1,          A_NORMAL,      A_DIM)     \
    _(KEY,         COLOR_YELLOW,  -1,          A_BOLD,        A_BOLD)    \
    _(POSITIVE,    COLOR_GREEN,   -1,          A_NORMAL,      A_NORMAL)  \
    _(PARTIAL,     COLOR_YELLOW,  -1,          A_NORMAL,      A_NORMAL)  \
    _(NEGATIVE,    COLOR_RED,     -1,          A_BOLD,        A_BOLD)    \
    _(NA,          COLOR_BLUE,    -1,          A_NORMAL,      A_DIM)     \
    _(WARNING,     COLOR_RED,     -1,          A_BOLD,        A_BOLD | A_UNDERLINE) \
    _(MATCH,       COLOR_BLACK,   COLOR_YELLOW, A_NORMAL,     A_UNDERLINE) \
    _(BORDER,      COLOR_BLUE,    -1,          A_NORMAL,      A_NORMAL)  \
    _(BAR_DONE,    COLOR_GREEN,   -1,          A_BOLD,        A_BOLD)    \
    _(BAR_TODO,    COLOR_BLUE,    -1,          A_NORMAL,      A_DIM)

typedef enum {
#define ROLE_ENUM(name, fg, bg, ca, ma) ROLE_##name,
    ROLE_INFO(ROLE_ENUM)
#undef ROLE_ENUM
        ROLE__COUNT
} role;

/* Decides colour or monochrome (NO_COLOR, has_colors, ANZEN_MONO) and sets up pairs. Call after
 * curses has started. */
void theme_init(void);
bool theme_monochrome(void);
/* Attributes and pair for a role, ready for wattr_set. */
void theme_apply(WINDOW *w, role r);
/* Attributes (pair included) for use with cchar_t / bkgd. */
attr_t theme_attr(role r);
short theme_pair(role r);

#endif
