/* The SQLite store: opening (creating 0600 in a 0700 directory), versioned migrations, and
 * one-transaction-per-action helpers. */
#ifndef ANZEN_STORE_H
#define ANZEN_STORE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "base/lib.h"

typedef struct store store;


enum {
    STORE_OPEN_READONLY = 1, /* never write, even if the file is writable */
    STORE_OPEN_NO_CREATE = 2, /* fail if the file does not exist */
    STORE_OPEN_NO_MKDIR = 4   /* create the file but not its directory (DB_DIR_MISSING): a path the user typed */
};

/* Opens (creating when missing) and migrates the database at `path`. On failure *out is NULL and
 * the code (DB_MISSING, DB_DIR_MISSING, DIR_CANNOT_CREATE, DB_CANNOT_CREATE, DB_CANNOT_OPEN, DB_NOT_SQLITE,
 * DB_NEWER, DB_UPGRADE_READONLY, DB_MIGRATION, SQL) is returned with the path in err->entity.
 * A read-only file opens read-only with store_readonly() true, as long as its schema is current. */
status_code store_open(const char *path, int flags, store **out, status_detail *err);
void store_close(store *s);
sqlite3 *store_db(store *s);
const char *store_path(const store *s);
bool store_readonly(const store *s);
/* The schema version this build writes. */
int store_schema_version(void);

/* Transactions: BEGIN IMMEDIATE / COMMIT / ROLLBACK. STATUS_OK, or the failure in *err
 * (DB_READONLY, DB_BUSY, SQL). Inside an open transaction they nest as savepoints: the inner
 * commit keeps its changes for the outer one to commit, the inner rollback undoes only its own
 * (an import that creates a vendor, a system and an assessment is still one transaction). */
status_code store_begin(store *s, status_detail *err);
status_code store_commit(store *s, status_detail *err);
void store_rollback(store *s);
bool store_in_transaction(const store *s);

/* A read snapshot: the reads that follow share one read transaction (one lock and one look at the
 * WAL instead of one per statement, and every count on a screen is of the same moment) until
 * store_snapshot_end. It ends by itself before anything writes (store_begin, store_exec, or a
 * statement that is not read-only), so a write commits as it would without one. Front ends end
 * it before they wait for a person: an open read transaction keeps the WAL from being reset. */
void store_snapshot_begin(store *s);
void store_snapshot_end(store *s);

/* Runs SQL with no result rows. STATUS_OK or the failure in *err (may be NULL). */
status_code store_exec(store *s, const char *sql, status_detail *err);
/* Prepares a statement; aborts with a message on a programming error in the SQL text. */
sqlite3_stmt *store_prepare(store *s, const char *sql);
/* A prepared statement from the store's statement cache: each distinct SQL text is prepared once
 * and kept until store_close (SQLite re-prepares it by itself after a schema change). Use it like
 * store_prepare's result, but end every use with store_done instead of sqlite3_finalize - also
 * after an error or an early return - so it is reset (a statement left mid-result would keep its
 * read snapshot open) and its bindings cleared. A nested use of the same SQL while the cached one
 * is still out gets a fresh statement, which store_done finalizes. For the hot paths (answering,
 * history, proposals, loading answers); one-off SQL keeps store_prepare. */
sqlite3_stmt *store_stmt(store *s, const char *sql);
/* Ends a use of a store_stmt statement. Returns sqlite3_reset's code (SQLITE_OK, or the error of
 * the last step; sqlite3_errmsg keeps the message). NULL is ignored. */
int store_done(store *s, sqlite3_stmt *st);
/* The last SQLite error as a status in *err: DB_READONLY, DB_BUSY or SQL, with `what` (a field
 * label id: "history", "answer", a table) in err->field and SQLite's message in err->extra.
 * Returns the code. */
status_code store_fail(store *s, status_detail *err, const char *what);
/* A number that changes whenever another connection - another anzen process, the command line -
 * commits to the database (PRAGMA data_version), so a front end that shows data can tell it is
 * stale by comparing with the value it saw last. This connection's own commits leave it as it is.
 * -1 on an SQL error. */
long long store_data_version(store *s);

/* One slot where a higher layer keeps data derived from this database (the catalog cache of
 * catalog_db.c). The store frees it with `release` on store_close or when it is replaced. */
void *store_attachment(const store *s);
void store_attach(store *s, void *data, void (*release)(void *data));

/* A text column as a new string (caller frees); NULL for SQL NULL. */
char *store_col_dup(sqlite3_stmt *st, int col);
/* Binds NULL for a NULL pointer, text otherwise. */
void store_bind_text(sqlite3_stmt *st, int idx, const char *v);

#endif
