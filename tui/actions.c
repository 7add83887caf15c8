#include "actions.h"

#include <stdlib.h>

#include "curses_inc.h"
#include "msg.h"
#include "base/lib.h"

static const struct {
    const char *name, *en, *ja;
} action_table[ACT__COUNT] = {
#define ACTION_ROW(id, n, e, j) [ACT_##id] = {n, e, j},
    ACTION_INFO(ACTION_ROW)
#undef ACTION_ROW
};

const char *action_name(action a)
{
    return (unsigned)a < ACT__COUNT ? action_table[a].name : "";
}

const char *action_help(action a)
{
    if ((unsigned)a >= ACT__COUNT)
        return "";
    return msg_english() ? action_table[a].en : action_table[a].ja;
}

static const keybind global_binds[] = {
    {'Q', ACT_QUIT},
    {'q', ACT_BACK},
    {KEY_ESC, ACT_BACK},
    {'?', ACT_HELP},
    {KEY_FN(KEY_F(1)), ACT_HELP},
    {KEY_CTRL('l'), ACT_REDRAW},
    {KEY_CTRL('z'), ACT_SUSPEND},
    {KEY_CTRL('c'), ACT_QUIT},
    {KEY_FN(KEY_UP), ACT_UP},
    {'k', ACT_UP},
    {KEY_FN(KEY_DOWN), ACT_DOWN},
    {'j', ACT_DOWN},
    {KEY_FN(KEY_PPAGE), ACT_PAGE_UP},
    {KEY_CTRL('b'), ACT_PAGE_UP},
    {KEY_FN(KEY_NPAGE), ACT_PAGE_DOWN},
    {KEY_CTRL('f'), ACT_PAGE_DOWN},
    {' ', ACT_PAGE_DOWN},
    {KEY_FN(KEY_HOME), ACT_HOME},
    {'g', ACT_HOME},
    {KEY_FN(KEY_END), ACT_END},
    {'G', ACT_END},
    {'\r', ACT_OPEN},
    {'\n', ACT_OPEN},
    {KEY_FN(KEY_ENTER), ACT_OPEN},
    {'/', ACT_SEARCH},
    {KEY_CTRL('n'), ACT_SEARCH_NEXT},
    {KEY_CTRL('p'), ACT_SEARCH_PREV},
    {KEY_FN(KEY_F(3)), ACT_SEARCH_NEXT},
};

const keymap keymap_global = {.name = "global", .binds = global_binds, .len = AZ_ARRAY_LEN(global_binds)};

static action lookup_in(const keymap *m, keycode key)
{
    if (!m)
        return ACT_NONE;
    for (size_t i = 0; i < m->len; i++)
        if (m->binds[i].key == key)
            return m->binds[i].act;
    return ACT_NONE;
}

action keymap_lookup_local(const keymap *map, keycode key)
{
    return lookup_in(map, key);
}

action keymap_lookup(const keymap *screen_map, keycode key)
{
    action a = lookup_in(screen_map, key);
    return a != ACT_NONE ? a : lookup_in(&keymap_global, key);
}

char *keycode_name(keycode key)
{
    if (key & 0x40000000) {
        int k = key & ~0x40000000;
        switch (k) {
        case KEY_UP: return xstrdup("Up");
        case KEY_DOWN: return xstrdup("Down");
        case KEY_LEFT: return xstrdup("Left");
        case KEY_RIGHT: return xstrdup("Right");
        case KEY_PPAGE: return xstrdup("PgUp");
        case KEY_NPAGE: return xstrdup("PgDn");
        case KEY_HOME: return xstrdup("Home");
        case KEY_END: return xstrdup("End");
        case KEY_ENTER: return xstrdup("Enter");
        case KEY_BTAB: return xstrdup("S-Tab");
        case KEY_DC: return xstrdup("Del");
        case KEY_BACKSPACE: return xstrdup("BS");
        default:
            if (k >= KEY_F(1) && k <= KEY_F(12))
                return xasprintf("F%d", k - KEY_F(0));
            return xasprintf("key%d", k);
        }
    }
    switch (key) {
    case '\r': return xstrdup("Enter");
    case '\n': return xstrdup("Enter");
    case '\t': return xstrdup("Tab");
    case KEY_ESC: return xstrdup("Esc");
    case ' ': return xstrdup("Space");
    case 127: return xstrdup("BS");
    default: break;
    }
    if (key < 0x20)
        return xasprintf("^%c", key + '@');
    char buf[8] = {0};
    if (key < 0x80) {
        buf[0] = (char)key;
    } else {
        /* UTF-8 encode */
        unsigned c = (unsigned)key;
        if (c < 0x800) {
            buf[0] = (char)(0xC0 | (c >> 6));
            buf[1] = (char)(0x80 | (c & 0x3F));
        } else {
            buf[0] = (char)(0xE0 | (c >> 12));
            buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
            buf[2] = (char)(0x80 | (c & 0x3F));
        }
    }
    return xstrdup(buf);
}

char *keymap_keys_for(const keymap *map, action act)
{
    strbuf sb = {0};
    strlist seen = {0};
    for (size_t i = 0; map && i < map->len; i++) {
        if (map->binds[i].act != act)
            continue;
        char *k = keycode_name(map->binds[i].key);
        if (sl_contains(&seen, k)) {
            free(k);
            continue;
        }
        if (sb.len)
            sb_add(&sb, "/");
        sb_add(&sb, k);
        sl_push_owned(&seen, k);
    }
    sl_free(&seen);
    if (!sb.len) {
        sb_free(&sb);
        return NULL;
    }
    return sb_take(&sb);
}
