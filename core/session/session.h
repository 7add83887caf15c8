/* Opening the workbench's database the same way for every front end: where the database lives,
 * migrations, the catalog sync and what went wrong on the way. The CLI and the TUI both call
 * session_open; neither knows about paths or catalog directories. */
#ifndef ANZEN_SESSION_H
#define ANZEN_SESSION_H

#include <stdbool.h>

#include "base/lib.h"
#include "store/lib.h"

/* What a front end decided before opening anything (command line, environment). */
typedef struct {
    const char *db_path; /* --db, else NULL: $ANZEN_DB, else the XDG default */
    bool english;        /* UI and content language */
    bool lang_forced;    /* --lang given (an explicit choice, not the locale's) */
    const char *user;    /* --user NAME, else NULL: see session_actor */
} session_opts;

/* Who is acting, as the history records it: o->user (--user), else $ANZEN_USER, else the login
 * name ($USER, $LOGNAME, else the account's name), else "unknown". Never NULL; points into o, the
 * environment or static storage. *shared (may be NULL) is true when the name is only the login
 * of a shared account (session_login_shared): a front end that can ask (the TUI) should ask once
 * for the person's name then; the CLI records the login as it is. */
const char *session_actor(const session_opts *o, bool *shared);

/* The rule for a shared account: the superuser (uid 0), or a login that names a role rather than
 * a person - root, admin, administrator, user, guest, anzen, pi, ubuntu, debian, kiosk, staff,
 * shared (case-insensitive). Such logins are what a ward PC or a workshop VM tends to share. */
bool session_login_shared(const char *login, unsigned uid);

/* The UI language from the environment: ANZEN_LANG=ja|en, else Japanese when the first of
 * LC_ALL, LC_MESSAGES, LANG that is set starts with "ja". */
bool session_env_english(void);

/* Opens (creating when missing) and migrates the database, then imports changed catalogs.
 * Problems in single catalog files do not stop the open: they are added to *warnings for the
 * front end to show. On failure *out is NULL and the status says why: DB_NO_PLACE (no --db, no
 * ANZEN_DB and no HOME), a refusal of store_open, or the catalog import's database failure. */
status_code session_open(const session_opts *o, store **out, diag_list *warnings, status_detail *err);

#endif
