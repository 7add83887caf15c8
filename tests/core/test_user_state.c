/* Per-user state (assess/user_state.h): the item last visited per actor and assessment, and the
 * settings with their defaults; nothing of it reaches the history, an unchanged value writes
 * nothing, an unknown assessment is refused with nothing written, a read-only database refuses. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "testutil.h"

static char *dir;
static store *st;
static int64_t a1, a2;

static void setup(void)
{
    setenv("ANZEN_NOW", "2026-05-10T09:00:00Z", 1);
    dir = test_tmpdir();
    st = test_store_open(dir);
    test_sync_catalogs(st, FIXTURES "/walk");
    status_detail err = {0};
    assess_spec spec = {.catalog_id = "fx-walk", .catalog_version = "1", .scope = SCOPE_ORG, .fy = 2025};
    cr_assert_eq(assess_create(st, &spec, "tester", &a1, &err), STATUS_OK, "%s", test_msg(&err));
    spec.fy = 2026;
    cr_assert_eq(assess_create(st, &spec, "tester", &a2, &err), STATUS_OK, "%s", test_msg(&err));
}

static void teardown(void)
{
    if (st)
        store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(user_state, .init = setup, .fini = teardown);

static int count(const char *sql)
{
    sqlite3_stmt *s = store_prepare(st, sql);
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* The item remembered for (actor, assessment), "(none)" when none. Valid until the next call. */
static const char *last(const char *actor, int64_t aid)
{
    static char buf[64];
    char *item = NULL;
    status_detail err = {0};
    cr_assert_eq(user_state_last_item(st, actor, aid, &item, &err), STATUS_OK, "%s", test_msg(&err));
    snprintf(buf, sizeof buf, "%s", item ? item : "(none)");
    free(item);
    return buf;
}

static void remember(const char *actor, int64_t aid, const char *item)
{
    status_detail err = {0};
    cr_assert_eq(user_state_set_last_item(st, actor, aid, item, &err), STATUS_OK, "%s", test_msg(&err));
}

Test(user_state, last_item_per_actor_and_assessment)
{
    int history = count("SELECT count(*) FROM history");
    cr_expect_str_eq(last("山田", a1), "(none)");
    remember("山田", a1, "w-2");
    remember("佐藤", a1, "w-4");
    remember("山田", a2, "w-0");
    cr_expect_str_eq(last("山田", a1), "w-2");
    cr_expect_str_eq(last("佐藤", a1), "w-4", "each person has their own place");
    cr_expect_str_eq(last("山田", a2), "w-0", "and one per assessment");
    remember("山田", a1, "w-3");
    cr_expect_str_eq(last("山田", a1), "w-3", "the newest visit wins");
    cr_expect_eq(count("SELECT count(*) FROM user_state"), 3);
    cr_expect_eq(count("SELECT count(*) FROM history"), history, "not part of the record: no history");
}

Test(user_state, an_unchanged_place_writes_nothing)
{
    remember("山田", a1, "w-2");
    int before = sqlite3_total_changes(store_db(st));
    remember("山田", a1, "w-2");
    cr_expect_eq(sqlite3_total_changes(store_db(st)), before, "the same item again changes no row");
    remember("山田", a1, "w-1");
    cr_expect_eq(sqlite3_total_changes(store_db(st)), before + 1);
}

Test(user_state, unknown_assessment_refused_with_nothing_written)
{
    status_detail err = {0};
    cr_expect_eq(user_state_set_last_item(st, "山田", 99, "w-1", &err), STATUS_ASSESSMENT_NOT_FOUND);
    cr_expect_eq(err.id, 99);
    cr_expect_not_null(strstr(test_msg(&err), "99"), "%s", test_msg(&err));
    status_detail_free(&err);
    cr_expect_eq(count("SELECT count(*) FROM user_state"), 0);
}

Test(user_state, settings_default_then_per_actor)
{
    int history = count("SELECT count(*) FROM history");
    bool on = true;
    status_detail err = {0};
    cr_assert_eq(user_state_pref_get(st, "山田", USER_PREF_AUTO_ADVANCE, &on, &err), STATUS_OK);
    cr_expect_not(on, "auto-advance is off until chosen");
    cr_assert_eq(user_state_pref_set(st, "山田", USER_PREF_AUTO_ADVANCE, true, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(user_state_pref_get(st, "山田", USER_PREF_AUTO_ADVANCE, &on, &err), STATUS_OK);
    cr_expect(on);
    cr_assert_eq(user_state_pref_get(st, "佐藤", USER_PREF_AUTO_ADVANCE, &on, &err), STATUS_OK);
    cr_expect_not(on, "another person keeps the default");
    cr_assert_eq(user_state_pref_set(st, "山田", USER_PREF_AUTO_ADVANCE, false, &err), STATUS_OK);
    cr_assert_eq(user_state_pref_get(st, "山田", USER_PREF_AUTO_ADVANCE, &on, &err), STATUS_OK);
    cr_expect_not(on);
    cr_expect_str_eq(user_state_pref_name(USER_PREF_AUTO_ADVANCE), "auto_advance");
    cr_expect_eq(count("SELECT count(*) FROM user_pref WHERE actor = '山田' AND key = 'auto_advance'"), 1);
    cr_expect_eq(count("SELECT count(*) FROM history"), history);
}

Test(user_state, read_only_database_refuses_and_reads)
{
    remember("山田", a1, "w-2");
    char *path = xstrdup(store_path(st));
    store_close(st);
    st = NULL;
    store *ro = NULL;
    status_detail err = {0};
    cr_assert_eq(store_open(path, STORE_OPEN_READONLY, &ro, &err), STATUS_OK, "%s", test_msg(&err));
    st = ro;
    cr_expect_str_eq(last("山田", a1), "w-2", "read-only: the place is still read");
    cr_expect_eq(user_state_set_last_item(ro, "山田", a1, "w-3", &err), STATUS_DB_READONLY, "%s", test_msg(&err));
    status_detail_free(&err);
    cr_expect_eq(user_state_pref_set(ro, "山田", USER_PREF_AUTO_ADVANCE, true, &err), STATUS_DB_READONLY);
    status_detail_free(&err);
    cr_expect_str_eq(last("山田", a1), "w-2");
    free(path);
}

Test(user_state, the_party_answered_as_is_kept_per_actor_and_assessment)
{
    status_detail err = {0};
    char *p = NULL;
    cr_assert_eq(user_state_party(st, "山田", a1, &p, &err), STATUS_OK);
    cr_assert_null(p, "never chosen: none (the navigator then answers as the hospital)");
    int history = count("SELECT count(*) FROM history");
    cr_assert_eq(user_state_set_party(st, "山田", a1, "vendor", &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_str_eq(last("山田", a1), "(none)", "a row for the party alone visited no item");
    cr_assert_eq(user_state_party(st, "山田", a1, &p, &err), STATUS_OK);
    cr_assert_str_eq(p, "vendor");
    free(p);
    cr_assert_eq(user_state_party(st, "山田", a2, &p, &err), STATUS_OK);
    cr_assert_null(p, "another assessment keeps its own");
    cr_assert_eq(user_state_party(st, "佐藤", a1, &p, &err), STATUS_OK);
    cr_assert_null(p, "another actor keeps their own");
    /* the item visited and the party live side by side */
    cr_assert_eq(user_state_set_last_item(st, "山田", a1, "w-2", &err), STATUS_OK);
    cr_assert_eq(user_state_set_party(st, "山田", a1, "agreed", &err), STATUS_OK);
    cr_assert_str_eq(last("山田", a1), "w-2");
    cr_assert_eq(user_state_party(st, "山田", a1, &p, &err), STATUS_OK);
    cr_assert_str_eq(p, "agreed");
    free(p);
    cr_assert_eq(count("SELECT count(*) FROM history"), history, "no record of the assessment");
    cr_assert_eq(user_state_set_party(st, "山田", 99, "vendor", &err), STATUS_ASSESSMENT_NOT_FOUND);
    status_detail_free(&err);
    cr_assert_neq(user_state_set_party(st, "山田", a1, "nobody", &err), STATUS_OK, "only the three parties");
    status_detail_free(&err);
}
