#include "walk.h"

#include <stdio.h>
#include <string.h>

#include "progress.h"
#include "text/lib.h"

bool walk_item_disagrees(const answer_set *answers, const char *item_id)
{
    const answer *agreed = answer_set_find(answers, item_id, PARTY_AGREED);
    if (agreed && !str_empty(agreed->value))
        return false;
    /* Every row of the item: a vendor answers per vendor, so there may be several. */
    bool indexed = !answers->unordered && answers->indexed == answers->len;
    size_t i = 0;
    if (indexed && !strindex_get(&answers->index, item_id, &i))
        return false;
    const char *seen = NULL;
    for (; i < answers->len; i++) {
        const answer *x = &answers->items[i];
        if (!str_eq(x->item_id, item_id)) {
            if (indexed)
                break;
            continue;
        }
        if (str_empty(x->value))
            continue;
        if (!seen)
            seen = x->value;
        else if (!str_eq(seen, x->value))
            return true;
    }
    return false;
}

bool walk_item_passes(const catalog *c, const catalog_node *n, const answer_set *answers, const walk_filter *f,
                      const char *today_iso)
{
    if (n->kind != NODE_ITEM)
        return false;
    const answer *x = answer_set_effective(answers, n->id);
    progress_item it = progress_item_of(c, n, x, today_iso);
    switch (f->kind) {
    case WALK_ALL: return true;
    case WALK_UNANSWERED: return !it.def;
    case WALK_NEGATIVE: return it.def && it.def->meaning == MEANING_NEGATIVE;
    case WALK_OVERDUE: return it.overdue;
    case WALK_OWNER: return it.owner == f->owner;
    case WALK_VENDOR: return (x ? x->owner_vendor_id : 0) == f->vendor;
    case WALK_DISAGREE: return walk_item_disagrees(answers, n->id);
    }
    return false;
}

bool walk_item_open(const catalog *c, const catalog_node *n, const answer_set *answers, const walk_filter *f,
                    const char *today_iso)
{
    static const walk_filter unanswered = {.kind = WALK_UNANSWERED};
    return walk_item_passes(c, n, answers, f->kind == WALK_ALL ? &unanswered : f, today_iso);
}

int walk_next_open(const catalog *c, const answer_set *answers, const walk_filter *f, const char *today_iso,
                   int from, int dir)
{
    int n = (int)c->nnodes;
    if (n == 0)
        return -1;
    dir = dir < 0 ? -1 : 1;
    if (from < 0 || from >= n)
        from = dir > 0 ? -1 : n;
    /* k = 1 .. n: every other node once, then `from` itself last. */
    for (int k = 1; k <= n; k++) {
        int i = ((from + dir * k) % n + n) % n;
        if (walk_item_open(c, &c->nodes[i], answers, f, today_iso))
            return i;
    }
    return -1;
}

walk_counts walk_count(const catalog *c, const answer_set *answers, const walk_filter *f, const char *today_iso)
{
    progress_row r = {0};
    walk_counts w = {0};
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *n = &c->nodes[i];
        if (n->kind != NODE_ITEM)
            continue;
        progress_row_add(&r, progress_item_of(c, n, answer_set_effective(answers, n->id), today_iso));
        if (walk_item_open(c, n, answers, f, today_iso))
            w.open++;
    }
    w.items = r.items;
    w.answered = r.answered;
    w.remaining = r.items - r.answered;
    w.overdue = r.overdue;
    return w;
}

walk_date_offer walk_offer_date(const catalog *c, const catalog_node *n, const answer_def *given, const answer *before,
                                int fy, const char *today_iso)
{
    walk_date_offer o = {0};
    if (!given || n->kind != NODE_ITEM)
        return o;
    if (given->meaning == MEANING_POSITIVE && (c->dates & DATE_CHECKED) && str_empty(before ? before->checked : NULL)) {
        o.field = DATE_CHECKED;
        snprintf(o.iso, sizeof o.iso, "%.10s", today_iso);
    } else if ((given->meaning == MEANING_NEGATIVE || given->meaning == MEANING_PARTIAL) && (c->dates & DATE_DUE) &&
               str_empty(before ? before->due : NULL)) {
        o.field = DATE_DUE;
        jpdate_format_iso(jpdate_fy_end(n->target_fy > fy ? n->target_fy : fy), o.iso);
    }
    return o;
}
