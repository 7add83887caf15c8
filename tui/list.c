#include "list.h"

static void clamp(list_state *l)
{
    if (l->count <= 0) {
        l->sel = l->top = 0;
        return;
    }
    if (l->sel >= l->count)
        l->sel = l->count - 1;
    if (l->sel < 0)
        l->sel = 0;
    int h = l->height > 0 ? l->height : 1;
    if (l->sel < l->top)
        l->top = l->sel;
    if (l->sel >= l->top + h)
        l->top = l->sel - h + 1;
    if (l->top > l->count - h)
        l->top = l->count - h;
    if (l->top < 0)
        l->top = 0;
}

void list_set_count(list_state *l, int count)
{
    l->count = count;
    clamp(l);
}

void list_set_height(list_state *l, int height)
{
    l->height = height;
    clamp(l);
}

void list_select(list_state *l, int row)
{
    l->sel = row;
    clamp(l);
}

bool list_handle(list_state *l, action act)
{
    int page = l->height > 1 ? l->height - 1 : 1;
    switch (act) {
    case ACT_UP: l->sel--; break;
    case ACT_DOWN: l->sel++; break;
    case ACT_PAGE_UP: l->sel -= page; l->top -= page; break;
    case ACT_PAGE_DOWN: l->sel += page; l->top += page; break;
    case ACT_HOME: l->sel = 0; break;
    case ACT_END: l->sel = l->count - 1; break;
    default: return false;
    }
    clamp(l);
    return true;
}
