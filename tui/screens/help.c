/* The help screen, generated from the action table and the keymaps (never written by hand). */
#include <stdlib.h>

#include "draw.h"
#include "list.h"
#include "msg.h"
#include "screens.h"
#include "text/lib.h"

typedef struct {
    strlist keys;  /* "k1/k2", or "" for a section heading */
    strlist texts; /* help text or the section name */
    list_state list;
} help_state;

static void add_section(help_state *st, const char *name, const keymap *km, const keymap *shadow)
{
    if (!km || km->len == 0)
        return;
    sl_push(&st->keys, "");
    sl_push(&st->texts, name);
    bool done[ACT__COUNT] = {false};
    for (size_t i = 0; i < km->len; i++) {
        action act = km->binds[i].act;
        if (done[act])
            continue;
        done[act] = true;
        /* Keys the screen map overrides are not listed again under the global section. */
        strbuf keys = {0};
        for (size_t j = 0; j < km->len; j++) {
            if (km->binds[j].act != act)
                continue;
            if (shadow && keymap_lookup(shadow, km->binds[j].key) != act)
                continue;
            char *k = keycode_name(km->binds[j].key);
            if (!strstr(sb_str(&keys), k)) {
                if (keys.len)
                    sb_add(&keys, " ");
                sb_add(&keys, k);
            }
            free(k);
        }
        if (!keys.len) {
            sb_free(&keys);
            continue;
        }
        sl_push_owned(&st->keys, sb_take(&keys));
        sl_push(&st->texts, action_help(act));
    }
}

static void title(screen *s, app *a, strbuf *sb)
{
    (void)s;
    (void)a;
    sb_add(sb, L(HELP_TITLE));
}

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    (void)a;
    help_state *st = s->priv;
    list_set_height(&st->list, r.h);
    for (int i = 0; i < r.h && st->list.top + i < (int)st->keys.len; i++) {
        int idx = st->list.top + i;
        if (!*st->keys.items[idx]) {
            draw_put(w, r.y + i, r.x + 1, r.x + r.w, st->texts.items[idx], ROLE_HEADER);
            continue;
        }
        draw_text(w, r.y + i, r.x + 3, 18, st->keys.items[idx], ROLE_KEY);
        draw_put(w, r.y + i, r.x + 22, r.x + r.w, st->texts.items[idx], ROLE_NORMAL);
    }
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    (void)a;
    help_state *st = s->priv;
    /* Scroll by pages: the help is read, not selected. */
    if (ev->act == ACT_DOWN || ev->act == ACT_UP || ev->act == ACT_PAGE_DOWN || ev->act == ACT_PAGE_UP ||
        ev->act == ACT_HOME || ev->act == ACT_END) {
        int page = st->list.height;
        if (ev->act == ACT_DOWN || ev->act == ACT_PAGE_DOWN)
            list_select(&st->list, st->list.top + page + (ev->act == ACT_DOWN ? 0 : page - 1));
        else if (ev->act == ACT_UP || ev->act == ACT_PAGE_UP)
            list_select(&st->list, st->list.top - (ev->act == ACT_UP ? 1 : page));
        else
            list_handle(&st->list, ev->act);
        return RES_HANDLED;
    }
    if (ev->act == ACT_HELP || ev->act == ACT_OPEN)
        return RES_CLOSE;
    return RES_IGNORED;
}

static void done(screen *s)
{
    help_state *st = s->priv;
    sl_free(&st->keys);
    sl_free(&st->texts);
    free(st);
}

static const screen_ops help_ops = {
    .name = "help",
    .keys = NULL,
    .title = title,
    .draw = draw,
    .handle = handle,
    .done = done,
};

screen *help_screen_new(app *a, screen *below)
{
    help_state *st = xcalloc(1, sizeof *st);
    const keymap *km = below ? below->ops->keys : NULL;
    add_section(st, L(HELP_SCREEN), km, NULL);
    if (below && below->ops->help_extra) {
        if (!km || km->len == 0) {
            sl_push(&st->keys, "");
            sl_push(&st->texts, L(HELP_SCREEN));
        }
        below->ops->help_extra(below, a, &st->keys, &st->texts);
    }
    add_section(st, L(HELP_GLOBAL), &keymap_global, km);
    list_set_count(&st->list, (int)st->keys.len);
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &help_ops;
    s->priv = st;
    return s;
}
