/* The navigator's private interface, shared by its files (nothing outside tui/screens/navigator*.c and
 * walk*.c includes this):
 *
 *   navigator.c         the screen: ops, key handling, the tree column, constructors
 *   navigator_tree.c    the model: tree rows, collapse, counts, filter, search, labels of values
 *   navigator_detail.c  the right-hand detail pane: its lines (built from the model) and drawing
 *   navigator_edit.c    changes: answers, dates, owner, vendor, note, evidence, undo, menus
 *   navigator_user.c    the acting user: resume at the item last visited, auto-advance
 *   walk.c, walk_card.c the walk-through: one item per screen over this state (the same commits)
 *
 * State lives in nav_state; handlers change it, drawing only reads it (and rebuilds the cached
 * detail lines when they are stale). Nothing that draws reads the database: a change marks what
 * to read again (nav_state.load) and the handler returns RES_RELOAD; the app then calls the
 * screen's reload op (nav_reload), also when another process wrote to the database. */
#ifndef ANZEN_TUI_SCREENS_NAVIGATOR_H
#define ANZEN_TUI_SCREENS_NAVIGATOR_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "assess/lib.h"
#include "catalog/lib.h"
#include "history/lib.h"
#include "text/lib.h"
#include "list.h"

typedef struct {
    char *text;
    role r;
} dline;

/* Lines of a detail pane or a card, built by text: never a blank first line nor two blank lines
 * in a row (dline_add); text wrapped to width with an indent (dline_wrap); "label: value" wrapped
 * (dline_field). navigator_detail.c; the walk card uses them too. */
void dline_add(dline **lines, int *n, size_t *cap, const char *text, role r);
void dline_wrap(dline **lines, int *n, size_t *cap, const char *text, int width, role r, int indent);
void dline_field(dline **lines, int *n, size_t *cap, int width, const char *label, const char *value, role r);

typedef enum { FILTER_ALL, FILTER_UNANSWERED, FILTER_NEGATIVE, FILTER_OVERDUE, FILTER_OWNER, FILTER_VENDOR, FILTER_DISAGREE, FILTER_NO_REASON } filter_kind;

/* One catalog node as the navigator shows it: its place in the tree, the counts and the caches. */
typedef struct {
    int parent;         /* index of the parent node, -1 at the top */
    bool collapsed;
    bool passes;        /* item passes the filter (headings: something below does) */
    int items_below;    /* items in its subtree (visible under the filter) */
    int answered_below; /* answered items in its subtree */
    const answer *eff;  /* the answer that counts (into nav_state.answers), NULL when none */
    int prop;           /* index in nav_state.props of its first open proposal, -1 when none */
    char *folded;       /* what search looks at, lazily; includes the note in an assessment */
    node_link *links;   /* links to other catalogs, loaded once (catalog data: they do not change) */
    size_t nlinks;
    bool links_loaded;
} nav_node;

/* What the detail pane shows of the selected node beyond the catalog and the answers, read by the
 * reload op for the node that is selected. */
typedef struct {
    int node;             /* the node it was read for, -1 when nothing is */
    history_row *history; /* its newest changes, oldest first */
    size_t nhistory;
    strlist prop_sources; /* per open proposal of the node (in props order): "catalog ref = value" */
} nav_selected;

/* A date proposed on the status line after an answer (walk.h: walk_offer_date). */
typedef struct {
    int node;
    unsigned field; /* DATE_CHECKED / DATE_DUE; 0 = none */
    char iso[11];
} nav_date_offer;

/* What nav_reload reads again from the database (bits of nav_state.load). */
enum {
    NAV_LOAD_ASSESSMENT = 1, /* the assessment row: sign-off state, title, header fields entered */
    NAV_LOAD_ANSWERS = 2,    /* answers and open proposals, then counts, rows and the selected node */
    NAV_LOAD_VENDORS = 4,
    NAV_LOAD_ALL = 7,
};

typedef struct {
    catalog *cat;
    nav_node *nodes; /* one per catalog node, same index */
    int *rows;       /* visible node indices */
    int nrows;
    size_t caprows;
    list_state tree;
    bool focus_detail;
    int detail_top;
    dline *detail;
    int ndetail;
    size_t capdetail;
    int detail_node, detail_width; /* what the cached detail was built for */
    bool detail_stale;
    nav_selected sel;
    unsigned load; /* NAV_LOAD_* bits: what changed and is read again before the next key or draw */
    char *query;   /* folded search, NULL when none */
    char *query_raw;
    /* assessment mode */
    int64_t aid; /* 0 = browsing */
    assessment as;
    int fields_entered; /* header fields of the assessment with a value (read with the row); -1 unknown */
    answer_set answers;
    ws_vendor *vendors;
    size_t nvendors;
    proposal *props; /* open crosswalk proposals for this assessment */
    size_t nprops;
    answer_party party; /* whose answers the keys change: hospital (default), vendor, agreed */
    answer_party party_saved; /* the one user_state held when the assessment was opened */
    filter_kind filter;
    responsibility filter_owner;
    int64_t filter_vendor;
    jp_date today;
    char today_iso[11];
    /* the walk-through and per-user state (walk.c, assess/user_state.h) */
    app *app;             /* for done, which saves the item last visited */
    int visited;          /* the item last shown (tree selection or walk card), -1 none */
    char *visited_saved;  /* the item user_state held when the assessment was opened */
    bool auto_advance;    /* the user's setting: after an answer in the tree, the next open item */
    int advance_from;     /* an answer was given on this node: move on after the reload; -1 none */
    int changed_node;     /* NAV_LOAD_ANSWERS for this node's answers only (nav_note_change); -1 all */
    nav_date_offer offer; /* the date proposed after the last answer; the next key Enter takes it */
} nav_state;

/* ---- model (navigator_tree.c) ---- */

/* The answer that counts for node idx (NULL when browsing or unanswered). */
const answer *nav_effective(const nav_state *st, int idx);
/* The catalog's definition of an answer's value, NULL when none. */
const answer_def *nav_answer_def(const nav_state *st, const answer *a);
/* Due before today, not done, and not answered positive or not-applicable (as progress.h). */
bool nav_is_overdue(const nav_state *st, const answer *a);
/* Who is responsible for node idx (the answer's owner, else the catalog's); *vendor when given. */
responsibility nav_owner_of(const nav_state *st, int idx, int64_t *vendor);
/* Recomputes the per-node counts and filter flags from the answers. */
void nav_recount(nav_state *st);
/* The node on the selected row, -1 when the tree is empty. */
int nav_selected_node(const nav_state *st);
void nav_select_node(nav_state *st, int node);
/* Recomputes the visible rows (collapse + filter), keeping the selection on the same node, else
 * its nearest visible ancestor, else the next row. */
void nav_rebuild_rows(nav_state *st);
/* Whether item idx passes the filter (core's rule, walk.h). */
bool nav_item_passes(const nav_state *st, int idx);
/* Open proposals read again, and each node's first one. */
void nav_load_proposals(nav_state *st, app *a);

/* ---- after a change to one item (navigator_counts.c) ---- */

/* Marks node's answers to be read again (NAV_LOAD_ANSWERS); a second node before the reload makes
 * it a full read. */
void nav_note_change(nav_state *st, int node);
/* Reads the changed node's answers again and updates the counts of its ancestors instead of
 * reading every answer and recounting (a full recount only when a filter's membership changed).
 * false when it could not (then the caller reads everything). */
bool nav_reload_changed(nav_state *st, app *a);

/* The first open proposal for node idx, NULL when none. */
const proposal *nav_proposal_of(const nav_state *st, int idx);
/* The screen's reload op: reads again what st->load names (everything an assessment shows when
 * another process wrote or a screen above closed: why has RELOAD_EXTERNAL / RELOAD_RESUME), then
 * the selected node's history and proposal sources when the selection moved or they changed. The
 * selection, scroll position, collapsed headings, filter and search stay. */
void nav_reload(nav_state *st, app *a, unsigned why);
void nav_selected_free(nav_state *st);
/* Links of a node to other catalogs, loaded once. */
void nav_load_links(nav_state *st, app *a, int node);
/* Moves to the next (dir 1) or previous (-1) match of st->query, reporting on the status line. */
void nav_search_step(nav_state *st, app *a, int dir, bool include_current);
void nav_search_clear(nav_state *st);
/* Applies st->filter (opening everything when it is not FILTER_ALL) and reports the count. */
void nav_apply_filter(nav_state *st, app *a);
/* The filter's name for messages; *owned (caller frees) when it had to be built. */
const char *nav_filter_label(const nav_state *st, char **owned);
/* The tree's filter as core's walk filter (the rule of walk.h). */
walk_filter nav_walk_filter(const nav_state *st);
/* The next open item after node `from` (walk_next_open with the tree's filter), -1 when none. */
int nav_next_open(const nav_state *st, int from, int dir);
/* Selects node in the tree, opening its headings (it stays hidden when the filter hides it). */
void nav_reveal(nav_state *st, int node);

const char *nav_node_label(const catalog_node *n, bool english);
const char *nav_resp_label(responsibility r);
const char *nav_vendor_name(const nav_state *st, int64_t id);
const char *nav_party_label(answer_party p);
/* The status glyph of an item (ASCII) and its role. */
char nav_glyph(const nav_state *st, int idx, role *r);

/* ---- detail pane (navigator_detail.c) ---- */

const char *nav_field_label(const char *f);
void nav_detail_clear(nav_state *st);
/* Builds the detail lines of node (-1: none) for a pane `width` columns wide. */
void nav_detail_build(nav_state *st, app *a, int node, int width);
/* Draws the detail pane into r, rebuilding the lines first when they are stale. */
void nav_detail_draw(nav_state *st, app *a, WINDOW *w, rect r);

/* ---- changes (navigator_edit.c): each is one core call = one transaction ---- */

void nav_set_answer(nav_state *st, app *a, int node, const answer_def *d); /* d NULL: clear */
void nav_set_date(nav_state *st, app *a, int node, unsigned bit);
/* Sets a date to iso (ISO, "" clears) without asking: the prompt's commit. */
void nav_set_date_value(nav_state *st, app *a, int node, unsigned bit, const char *iso);
/* The pending date offer is spent by every key; Enter takes it (one commit). true when it did. */
bool nav_offer_take(nav_state *st, app *a, keycode key);

/* ---- the acting user (navigator_user.c) ---- */

/* On opening an assessment: the user's settings, the item they last visited selected, the
 * walk-through offered when nothing is answered. */
void nav_user_resume(nav_state *st, app *a);
/* On leaving: remembers st->visited and st->party for the user (not on a read-only database). */
void nav_user_save(nav_state *st);
/* After the reload that followed an answer in the tree with auto-advance on: the next open item. */
void nav_user_advance(nav_state *st, app *a);
/* Turns the user's auto-advance setting on or off (saved per user). */
void nav_toggle_auto_advance(nav_state *st, app *a);
void nav_cycle_owner(nav_state *st, app *a, int node);
void nav_cycle_vendor(nav_state *st, app *a, int node);
void nav_edit_note(nav_state *st, app *a, int node, bool external);
void nav_edit_evidence(nav_state *st, app *a, int node);
void nav_do_undo(nav_state *st, app *a);
void nav_filter_menu(nav_state *st, app *a);
void nav_answer_menu(nav_state *st, app *a, int node);
/* The catalog answer bound to key, NULL when none. */
const answer_def *nav_answer_for_key(const nav_state *st, keycode key);

/* ---- the walk-through (walk.c) ---- */

/* One item per screen over the navigator's state `st` (borrowed: the walk closes before it),
 * starting at the selected item when it is open, else at the next open one. */
screen *walk_screen_new(app *a, nav_state *st);

#endif
