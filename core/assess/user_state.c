#include "user_state.h"

#include <string.h>

/* The settings as data: stored name and default. */
static const struct {
    const char *name;
    bool def;
} prefs[USER_PREF__COUNT] = {
    [USER_PREF_AUTO_ADVANCE] = {"auto_advance", false},
};

const char *user_state_pref_name(user_pref p)
{
    return (unsigned)p < USER_PREF__COUNT ? prefs[p].name : "";
}

status_code user_state_last_item(store *s, const char *actor, int64_t assessment_id, char **item_id,
                                 status_detail *err)
{
    *item_id = NULL;
    sqlite3_stmt *st = store_stmt(s, "SELECT last_item FROM user_state WHERE actor = ?1 AND assessment_pk = ?2");
    store_bind_text(st, 1, actor);
    sqlite3_bind_int64(st, 2, assessment_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *item_id = store_col_dup(st, 0);
    status_code r = rc == SQLITE_ROW || rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "user_state");
    store_done(s, st);
    if (*item_id && !**item_id) /* a row that holds only a party */
        xfree(item_id);
    return r;
}

static status_code assessment_exists(store *s, int64_t assessment_id, status_detail *err)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM assessment WHERE pk = ?");
    sqlite3_bind_int64(st, 1, assessment_id);
    int rc = sqlite3_step(st);
    status_code r = rc == SQLITE_ROW    ? STATUS_OK
                    : rc == SQLITE_DONE ? status_fail(err, &(status_info){STATUS_ASSESSMENT_NOT_FOUND, .id = assessment_id})
                                        : store_fail(s, err, "assessment");
    store_done(s, st);
    return r;
}

status_code user_state_party(store *s, const char *actor, int64_t assessment_id, char **party, status_detail *err)
{
    *party = NULL;
    sqlite3_stmt *st = store_stmt(s, "SELECT party FROM user_state WHERE actor = ?1 AND assessment_pk = ?2");
    store_bind_text(st, 1, actor);
    sqlite3_bind_int64(st, 2, assessment_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        *party = store_col_dup(st, 0);
    status_code r = rc == SQLITE_ROW || rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "user_state");
    store_done(s, st);
    return r;
}

status_code user_state_set_party(store *s, const char *actor, int64_t assessment_id, const char *party,
                                 status_detail *err)
{
    status_code r = assessment_exists(s, assessment_id, err);
    if (r != STATUS_OK)
        return r;
    sqlite3_stmt *st = store_stmt(s, "INSERT INTO user_state(actor, assessment_pk, last_item, party) VALUES(?1, ?2, '', ?3)"
                                     " ON CONFLICT(actor, assessment_pk) DO UPDATE SET party = excluded.party"
                                     " WHERE party IS NOT excluded.party");
    store_bind_text(st, 1, actor);
    sqlite3_bind_int64(st, 2, assessment_id);
    store_bind_text(st, 3, party);
    int rc = sqlite3_step(st);
    r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "user_state");
    store_done(s, st);
    return r;
}

status_code user_state_set_last_item(store *s, const char *actor, int64_t assessment_id, const char *item_id,
                                     status_detail *err)
{
    status_code r = assessment_exists(s, assessment_id, err);
    if (r != STATUS_OK)
        return r;
    /* The WHERE of the upsert leaves an unchanged row alone: no write, so another anzen on the
     * same database sees no change (store_data_version) and reloads nothing. */
    sqlite3_stmt *st = store_stmt(s, "INSERT INTO user_state(actor, assessment_pk, last_item) VALUES(?1, ?2, ?3)"
                                     " ON CONFLICT(actor, assessment_pk) DO UPDATE SET last_item = excluded.last_item"
                                     " WHERE last_item IS NOT excluded.last_item");
    store_bind_text(st, 1, actor);
    sqlite3_bind_int64(st, 2, assessment_id);
    store_bind_text(st, 3, item_id);
    int rc = sqlite3_step(st);
    r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "user_state");
    store_done(s, st);
    return r;
}

status_code user_state_pref_get(store *s, const char *actor, user_pref p, bool *on, status_detail *err)
{
    *on = (unsigned)p < USER_PREF__COUNT && prefs[p].def;
    sqlite3_stmt *st = store_stmt(s, "SELECT value FROM user_pref WHERE actor = ?1 AND key = ?2");
    store_bind_text(st, 1, actor);
    store_bind_text(st, 2, user_state_pref_name(p));
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *on = sqlite3_column_int(st, 0) != 0;
    status_code r = rc == SQLITE_ROW || rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "user_state");
    store_done(s, st);
    return r;
}

status_code user_state_pref_set(store *s, const char *actor, user_pref p, bool on, status_detail *err)
{
    sqlite3_stmt *st = store_stmt(s, "INSERT INTO user_pref(actor, key, value) VALUES(?1, ?2, ?3)"
                                     " ON CONFLICT(actor, key) DO UPDATE SET value = excluded.value"
                                     " WHERE value IS NOT excluded.value");
    store_bind_text(st, 1, actor);
    store_bind_text(st, 2, user_state_pref_name(p));
    sqlite3_bind_int(st, 3, on ? 1 : 0);
    int rc = sqlite3_step(st);
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "user_state");
    store_done(s, st);
    return r;
}
