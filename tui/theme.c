#include "theme.h"

#include <stdlib.h>

#include "base/lib.h"

typedef struct {
    short fg, bg;
    attr_t colour_attr, mono_attr;
} role_def;

static const role_def roles[ROLE__COUNT] = {
#define ROLE_ROW(name, f, b, ca, ma) [ROLE_##name] = {.fg = (f), .bg = (b), .colour_attr = (ca), .mono_attr = (ma)},
    ROLE_INFO(ROLE_ROW)
#undef ROLE_ROW
};

static bool mono = true;

void theme_init(void)
{
    const char *nc = getenv("NO_COLOR");
    const char *force = getenv("ANZEN_MONO");
    mono = !has_colors() || (nc && *nc) || (force && *force && !str_eq(force, "0"));
    if (mono)
        return;
    start_color();
    use_default_colors();
    for (int r = 0; r < ROLE__COUNT; r++)
        if (r == ROLE_NORMAL || roles[r].fg != -1 || roles[r].bg != -1)
            init_pair((short)(r + 1), roles[r].fg, roles[r].bg);
    /* Blank cells carry the default-colour pair too (see theme_pair). */
    bkgdset((chtype)' ' | (chtype)COLOR_PAIR(ROLE_NORMAL + 1));
}

bool theme_monochrome(void)
{
    return mono;
}

/* Roles in the terminal's default colours use a pair of their own (default on default) rather than
 * pair 0. Same look; but curses turns "back to pair 0 without attributes" into a reset of every
 * attribute (sgr0) after the colour change, 13 bytes each time a coloured run of text ends, where
 * a change between two pairs is just the colour. */
short theme_pair(role r)
{
    if (mono)
        return 0;
    if (roles[r].fg == -1 && roles[r].bg == -1)
        return ROLE_NORMAL + 1;
    return (short)(r + 1);
}

attr_t theme_attr(role r)
{
    if (mono)
        return roles[r].mono_attr;
    return roles[r].colour_attr | (attr_t)COLOR_PAIR(theme_pair(r));
}

void theme_apply(WINDOW *w, role r)
{
    wattr_set(w, mono ? roles[r].mono_attr : roles[r].colour_attr, theme_pair(r), NULL);
}
