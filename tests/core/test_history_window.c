/* history_window: the keyset windows the TUI's history view pages through. Every row of the
 * filter is seen once, in order, in windows of at most the limit, from either end or from any
 * row; rows of other assessments never appear. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "history/lib.h"
#include "store/lib.h"
#include "testutil.h"

static char *dir;
static store *st;

enum { ROWS = 1000 };

/* ROWS rows in ROWS / 4 actions: even rows for assessment 1, odd ones for assessment 2. */
static void setup(void)
{
    dir = test_tmpdir();
    st = test_store_open(dir);
    status_detail err = {0};
    cr_assert_eq(store_begin(st, &err), 0, "%s", test_msg(&err));
    int64_t action = 0;
    for (int i = 0; i < ROWS; i++) {
        if (i % 4 == 0)
            action = history_action(st, "山田 花子", "answer", 0, 0, &err);
        cr_assert_gt(action, 0, "%s", test_msg(&err));
        char item[16], val[32];
        snprintf(item, sizeof item, "q-%d", i % 10);
        snprintf(val, sizeof val, "実施済み%d", i);
        history_target t = {.entity = "answer", .assessment_id = 1 + i % 2, .item_id = item, .party = "hospital"};
        cr_assert_eq(history_add(st, action, &t, "value", NULL, val, &err), 1, "%s", test_msg(&err));
    }
    cr_assert_eq(store_commit(st, &err), 0, "%s", test_msg(&err));
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(history_window, .init = setup, .fini = teardown);

/* Pages through the whole filter from one end; returns the rows seen, checking order and size. */
static size_t walk(const history_filter *f, bool older, size_t limit, int64_t *ids)
{
    size_t seen = 0;
    int64_t from = 0;
    for (;;) {
        history_row *rows;
        size_t n;
        status_detail err = {0};
        cr_assert_eq(history_window(st, f, from, older, limit, &rows, &n, &err), STATUS_OK, "%s", test_msg(&err));
        cr_assert_leq(n, limit, "a window holds at most its limit");
        for (size_t i = 0; i < n; i++) {
            if (seen)
                cr_assert(older ? rows[i].id < ids[seen - 1] : rows[i].id > ids[seen - 1], "in order, no repeats");
            if (f->assessment_id)
                cr_assert_eq(rows[i].assessment_id, f->assessment_id);
            ids[seen++] = rows[i].id;
        }
        if (n)
            from = rows[n - 1].id;
        history_list_free(rows, n);
        if (n < limit)
            return seen;
    }
}

Test(history_window, pages_every_row_of_one_assessment_from_the_newest)
{
    int64_t ids[ROWS];
    history_filter f = {.assessment_id = 1};
    cr_assert_eq(walk(&f, true, 64, ids), ROWS / 2);
    /* the same rows as the full list, reversed */
    history_row *all;
    size_t n;
    cr_assert_eq(history_list(st, &f, &all, &n, NULL), STATUS_OK);
    cr_assert_eq(n, ROWS / 2);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(ids[i], all[n - 1 - i].id, "row %zu", i);
    history_list_free(all, n);
}

Test(history_window, pages_from_the_oldest_and_with_an_item_filter)
{
    int64_t ids[ROWS];
    history_filter f = {0};
    cr_assert_eq(walk(&f, false, 200, ids), ROWS, "an exact multiple of the limit ends with an empty window");
    history_filter item = {.assessment_id = 2, .item_id = "q-3"};
    cr_assert_eq(walk(&item, false, 7, ids), ROWS / 10);
}

Test(history_window, from_a_row_both_ways_excludes_it)
{
    history_filter f = {.assessment_id = 1};
    history_row *mid;
    size_t n;
    cr_assert_eq(history_window(st, &f, 0, true, 250, &mid, &n, NULL), STATUS_OK);
    cr_assert_eq(n, 250);
    int64_t at = mid[249].id; /* the 250th newest */
    history_row *older, *newer;
    size_t no, nn;
    cr_assert_eq(history_window(st, &f, at, true, 3, &older, &no, NULL), STATUS_OK);
    cr_assert_eq(history_window(st, &f, at, false, 3, &newer, &nn, NULL), STATUS_OK);
    cr_assert_eq(no, 3);
    cr_assert_eq(nn, 3);
    cr_assert_eq(older[0].id, at - 2, "the next older row of assessment 1 (the one in between is assessment 2's)");
    cr_assert_eq(newer[0].id, mid[248].id, "the next newer row is the one shown above it");
    cr_assert_eq(newer[2].id, mid[246].id);
    cr_assert_str_eq(older[0].who, "山田 花子");
    cr_assert_str_eq(older[0].field, "value");
    cr_assert(strncmp(older[0].new_value, "実施済み", strlen("実施済み")) == 0, "%s", older[0].new_value);
    history_list_free(mid, n);
    history_list_free(older, no);
    history_list_free(newer, nn);
    /* nothing beyond the ends */
    cr_assert_eq(history_window(st, &f, 1, true, 10, &older, &no, NULL), STATUS_OK);
    cr_assert_eq(no, 0);
    cr_assert_null(older);
}
