/* The navigator and the acting user (assess/user_state.h): opening an assessment returns to the
 * item they last visited, answering as the party they chose there (P), and offers the
 * walk-through when nothing is answered; leaving saves where they were and that party; auto-advance (their setting) moves on to the next open item after an answer.
 * Where a person was is not part of any record: no history, and nothing is written per cursor
 * move (one write on leaving), so other anzen processes on the database do not reload for it. */
#include <stdlib.h>

#include "msg.h"
#include "navigator.h"

/* The party the user answered as when they last had this assessment open (hospital when never chosen). */
static void nav_user_resume_party(nav_state *st, app *a)
{
    char *name = NULL;
    status_detail err = {0};
    if (user_state_party(a->st, a->who, st->aid, &name, &err) != STATUS_OK)
        app_status_error(a, &err);
    answer_party p = PARTY_HOSPITAL;
    if (name && answer_party_parse(name, &p))
        st->party = p;
    st->party_saved = st->party;
    free(name);
}

void nav_user_resume(nav_state *st, app *a)
{
    status_detail err = {0};
    bool auto_advance = false;
    if (user_state_pref_get(a->st, a->who, USER_PREF_AUTO_ADVANCE, &auto_advance, &err) != STATUS_OK)
        app_status_error(a, &err);
    st->auto_advance = auto_advance;
    nav_user_resume_party(st, a);
    if (user_state_last_item(a->st, a->who, st->aid, &st->visited_saved, &err) != STATUS_OK)
        app_status_error(a, &err);
    const catalog_node *n = st->visited_saved ? catalog_find_node(st->cat, st->visited_saved) : NULL;
    if (n) {
        list_set_height(&st->tree, app_screen_rect(a).h); /* not drawn yet: the height it will have */
        nav_reveal(st, (int)(n - st->cat->nodes));
        st->tree.top = st->tree.sel - (st->tree.height - 1) / 2; /* in the middle, context above */
        list_select(&st->tree, st->tree.sel);
        nav_reload(st, a, 0); /* the selection's history */
    }
    st->visited = nav_selected_node(st);
    if (st->answers.len == 0) { /* nothing answered yet: offer the walk-through */
        char *before = a->status ? xstrdup(a->status) : NULL; /* app_status replaces a->status */
        if (before)
            app_status(a, a->status_role, "%s  %s", before, L(WALK_OFFER));
        else
            app_status(a, ROLE_STATUS, "%s", L(WALK_OFFER));
        free(before);
    }
}

void nav_user_save(nav_state *st)
{
    app *a = st->app;
    if (!st->aid || !a || !a->st || store_readonly(a->st))
        return;
    status_detail err = {0};
    if (st->party != st->party_saved)
        user_state_set_party(a->st, a->who, st->aid, answer_party_name(st->party), &err);
    status_detail_free(&err);
    if (st->visited < 0)
        return;
    const char *id = st->cat->nodes[st->visited].id;
    if (st->visited_saved && str_eq(st->visited_saved, id))
        return;
    user_state_set_last_item(a->st, a->who, st->aid, id, &err); /* leaving: no status line left to say it */
    status_detail_free(&err);
}

void nav_user_advance(nav_state *st, app *a)
{
    if (st->advance_from < 0)
        return;
    int next = nav_next_open(st, st->advance_from, 1); /* the answers were just read again */
    st->advance_from = -1;
    if (next < 0)
        return;
    nav_reveal(st, next);
    st->visited = next;
    nav_reload(st, a, 0); /* the new selection's history */
}

void nav_toggle_auto_advance(nav_state *st, app *a)
{
    status_detail err = {0};
    if (user_state_pref_set(a->st, a->who, USER_PREF_AUTO_ADVANCE, !st->auto_advance, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return;
    }
    st->auto_advance = !st->auto_advance;
    app_status(a, ROLE_STATUS_OK, "%s", st->auto_advance ? L(AUTO_ADVANCE_ON) : L(AUTO_ADVANCE_OFF));
}
