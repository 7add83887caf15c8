/* After a change to one item: read that item's answers again and update the counts of its
 * ancestors, instead of reading every answer of the assessment and recounting every node (on a
 * 1,000-item assessment that was most of an answer key's cost). */
#include "navigator.h"

void nav_note_change(nav_state *st, int node)
{
    bool first = !(st->load & NAV_LOAD_ANSWERS);
    st->load |= NAV_LOAD_ANSWERS;
    st->changed_node = first || st->changed_node == node ? node : -1;
}

static bool counts_as_answered(const nav_state *st, int node)
{
    return nav_answer_def(st, nav_effective(st, node)) != NULL;
}

bool nav_reload_changed(nav_state *st, app *a)
{
    int node = st->changed_node;
    if (!st->aid || node < 0 || (size_t)node >= st->cat->nnodes || st->cat->nodes[node].kind != NODE_ITEM)
        return false;
    bool was_answered = counts_as_answered(st, node), passed = st->nodes[node].passes;
    bool moved = false;
    status_detail err = {0};
    if (assess_reload_item(a->st, st->aid, st->cat->nodes[node].id, &st->answers, &moved, &err) != STATUS_OK) {
        status_detail_free(&err);
        return false; /* the caller reads everything */
    }
    if (moved) /* rows came or went: every pointer into the set is stale (constant time each) */
        for (size_t i = 0; i < st->cat->nnodes; i++)
            st->nodes[i].eff = st->cat->nodes[i].kind == NODE_ITEM
                                   ? answer_set_effective(&st->answers, st->cat->nodes[i].id)
                                   : NULL;
    else
        st->nodes[node].eff = answer_set_effective(&st->answers, st->cat->nodes[node].id);
    xfree(&st->nodes[node].folded); /* its note is searched too */
    int delta = (int)counts_as_answered(st, node) - (int)was_answered;
    for (int p = st->nodes[node].parent; p >= 0 && delta; p = st->nodes[p].parent)
        st->nodes[p].answered_below += delta;
    /* a filter's membership changed: the headings' flags and the rows follow (no database) */
    if (st->filter != FILTER_ALL && nav_item_passes(st, node) != passed) {
        nav_recount(st);
        nav_rebuild_rows(st);
    }
    nav_load_proposals(st, a); /* an answer may supersede a proposal for this item */
    st->detail_stale = true;
    return true;
}
