#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "paths.h"
#include "schema.h"
#include "base/lib.h"

/* One cached statement (see store_stmt). */
typedef struct {
    size_t len;
    char *sql;
    sqlite3_stmt *st;
    bool out; /* handed out and not yet store_done */
} stmt_entry;

/* More distinct SQL texts than this are prepared per use, as store_prepare does (the hot paths use
 * a few dozen; text built from variable parts must not grow the cache without bound). */
enum { STMT_CACHE_MAX = 128 };

struct store {
    sqlite3 *db;
    char *path;
    bool readonly;
    void *attachment;
    void (*release)(void *);
    stmt_entry *stmts;
    size_t nstmts, capstmts;
    int depth; /* open store_begin calls: 1 = the transaction, more = savepoints inside it */
    bool snapshot; /* a read transaction of store_snapshot_begin is open */
};

void *store_attachment(const store *s)
{
    return s->attachment;
}

void store_attach(store *s, void *data, void (*release)(void *data))
{
    if (s->attachment && s->release)
        s->release(s->attachment);
    s->attachment = data;
    s->release = release;
}

int store_schema_version(void)
{
    return (int)schema_migration_count;
}

sqlite3 *store_db(store *s)
{
    return s->db;
}

const char *store_path(const store *s)
{
    return s->path;
}

bool store_readonly(const store *s)
{
    return s->readonly;
}

/* The status of SQLite result code rc (extended codes are on). */
static status_code sql_code(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_READONLY:
        return STATUS_DB_READONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return STATUS_DB_BUSY;
    case SQLITE_FULL:
        return STATUS_DISK_FULL;
    case SQLITE_IOERR:
        return STATUS_IO_ERROR;
    default:
        return STATUS_SQL;
    }
}

status_code store_fail(store *s, status_detail *err, const char *what)
{
    return status_fail(err, &(status_info){sql_code(sqlite3_extended_errcode(s->db)), .field = what,
                                           .extra = sqlite3_errmsg(s->db)});
}

status_code store_exec(store *s, const char *sql, status_detail *err)
{
    store_snapshot_end(s); /* any text: pragmas, migrations, writes */
    char *msg = NULL;
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        status_fail(err, &(status_info){sql_code(rc), .entity = s->path, .extra = msg ? msg : sqlite3_errmsg(s->db)});
        sqlite3_free(msg);
        return sql_code(rc);
    }
    return STATUS_OK;
}

sqlite3_stmt *store_prepare(store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "anzen: internal error preparing SQL: %s\n%s\n", sqlite3_errmsg(s->db), sql);
        abort();
    }
    if (s->snapshot && !sqlite3_stmt_readonly(st))
        store_snapshot_end(s); /* a write commits on its own, now, as it would without a snapshot */
    return st;
}

sqlite3_stmt *store_stmt(store *s, const char *sql)
{
    /* Looked up by length, then content: cheaper than hashing the text, and a few dozen entries. */
    size_t len = strlen(sql);
    for (size_t i = 0; i < s->nstmts; i++) {
        stmt_entry *e = &s->stmts[i];
        if (e->len == len && memcmp(e->sql, sql, len) == 0) {
            if (e->out)
                return store_prepare(s, sql); /* nested use: a fresh one, finalized by store_done */
            e->out = true;
            if (s->snapshot && !sqlite3_stmt_readonly(e->st))
                store_snapshot_end(s);
            return e->st;
        }
    }
    sqlite3_stmt *st = store_prepare(s, sql);
    if (s->nstmts < STMT_CACHE_MAX) {
        GROW(s->stmts, s->capstmts, s->nstmts + 1);
        s->stmts[s->nstmts++] = (stmt_entry){len, xstrdup(sql), st, true};
    }
    return st;
}

int store_done(store *s, sqlite3_stmt *st)
{
    if (!st)
        return SQLITE_OK;
    for (size_t i = 0; i < s->nstmts; i++) {
        stmt_entry *e = &s->stmts[i];
        if (e->st == st) {
            int rc = sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            e->out = false;
            return rc;
        }
    }
    return sqlite3_finalize(st);
}

static void stmt_cache_free(store *s)
{
    for (size_t i = 0; i < s->nstmts; i++) {
        sqlite3_finalize(s->stmts[i].st);
        free(s->stmts[i].sql);
    }
    free(s->stmts);
    s->stmts = NULL;
    s->nstmts = s->capstmts = 0;
}

/* Runs one cached statement that returns no rows (BEGIN, COMMIT); the status as store_exec. */
static status_code exec_cached(store *s, const char *sql, status_detail *err)
{
    sqlite3_stmt *st = store_stmt(s, sql);
    int rc = sqlite3_step(st);
    store_done(s, st);
    if (rc != SQLITE_DONE)
        return status_fail(err, &(status_info){sql_code(sqlite3_extended_errcode(s->db)), .entity = s->path,
                                               .extra = sqlite3_errmsg(s->db)});
    return STATUS_OK;
}

long long store_data_version(store *s)
{
    /* Cached: the TUI asks on every key and every idle tick. */
    sqlite3_stmt *st = store_stmt(s, "PRAGMA data_version");
    long long v = sqlite3_step(st) == SQLITE_ROW ? (long long)sqlite3_column_int64(st, 0) : -1;
    store_done(s, st);
    return v;
}

char *store_col_dup(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t ? xstrdup((const char *)t) : NULL;
}

void store_bind_text(sqlite3_stmt *st, int idx, const char *v)
{
    if (v)
        sqlite3_bind_text(st, idx, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, idx);
}

/* Inside an open transaction a begin is a savepoint, so an operation that is one transaction on
 * its own (saving a system, creating an assessment) can be a part of a larger one (an import):
 * its rollback undoes only its part, its commit leaves the outer transaction to decide. */
status_code store_begin(store *s, status_detail *err)
{
    store_snapshot_end(s);
    if (s->readonly)
        return status_fail(err, &(status_info){STATUS_DB_READONLY, .entity = s->path});
    if (s->depth > 0 && !sqlite3_get_autocommit(s->db)) {
        status_code r = exec_cached(s, "SAVEPOINT store_nested", err);
        if (r == STATUS_OK)
            s->depth++;
        return r;
    }
    status_code r = exec_cached(s, "BEGIN IMMEDIATE", err);
    s->depth = r == STATUS_OK ? 1 : 0;
    return r;
}

status_code store_commit(store *s, status_detail *err)
{
    if (s->depth > 1) {
        status_code r = exec_cached(s, "RELEASE store_nested", err);
        if (r == STATUS_OK)
            s->depth--;
        return r;
    }
    status_code r = exec_cached(s, "COMMIT", err);
    if (r == STATUS_OK || sqlite3_get_autocommit(s->db))
        s->depth = 0;
    return r;
}

void store_rollback(store *s)
{
    if (s->depth > 1 && !sqlite3_get_autocommit(s->db)) {
        sqlite3_exec(s->db, "ROLLBACK TO store_nested; RELEASE store_nested", NULL, NULL, NULL);
        s->depth--;
        return;
    }
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->depth = 0;
    s->snapshot = false;
}

void store_snapshot_begin(store *s)
{
    if (!s || s->snapshot || s->depth > 0 || !sqlite3_get_autocommit(s->db))
        return;
    /* Deferred: the read lock is taken by the first read, and nothing is locked for writing. */
    s->snapshot = exec_cached(s, "BEGIN DEFERRED", NULL) == STATUS_OK;
}

void store_snapshot_end(store *s)
{
    if (!s || !s->snapshot)
        return;
    s->snapshot = false;
    /* Nothing was written in it: only the read lock goes. Should COMMIT fail, ROLLBACK loses
     * nothing, and the next write must not find itself inside a transaction nobody commits. */
    if (!sqlite3_get_autocommit(s->db) && exec_cached(s, "COMMIT", NULL) != STATUS_OK &&
        !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

bool store_in_transaction(const store *s)
{
    return s->depth > 0 && !sqlite3_get_autocommit(s->db);
}

/* SQLite's header is "SQLite format 3\0"; an empty file is fine (SQLite initialises it). Only a
 * regular file is opened at all: a FIFO would block the open (and SQLite's) forever, a device
 * would be read without end. *wal: the header's read and write versions say WAL (2, 2), a mode
 * the file keeps, so an open need not set it again. */
static status_code check_header(const char *path, bool *wal, status_detail *err)
{
    *wal = false;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return STATUS_OK; /* missing or unreadable: let sqlite3_open_v2 report it */
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return status_fail(err, &(status_info){STATUS_DB_NOT_REGULAR, .entity = path});
    }
    unsigned char head[20];
    ssize_t n = read(fd, head, sizeof head);
    close(fd);
    if (n == 0)
        return STATUS_OK;
    if (n < (ssize_t)sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
        return status_fail(err, &(status_info){STATUS_DB_NOT_SQLITE, .entity = path});
    *wal = head[18] == 2 && head[19] == 2;
    return STATUS_OK;
}

static status_code create_file(const char *path, bool mkdirs, status_detail *err)
{
    char *dir = paths_dirname(path);
    if (!mkdirs && !paths_is_dir(dir)) {
        status_fail(err, &(status_info){STATUS_DB_DIR_MISSING, .entity = dir});
        free(dir);
        return STATUS_DB_DIR_MISSING;
    }
    if (paths_mkdirs(dir, 0700) != 0) {
        status_fail(err, &(status_info){STATUS_DIR_CANNOT_CREATE, .entity = dir, .extra = strerror(errno)});
        free(dir);
        return STATUS_DIR_CANNOT_CREATE;
    }
    free(dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        return status_fail(err, &(status_info){STATUS_DB_CANNOT_CREATE, .entity = path, .extra = strerror(errno)});
    if (fd >= 0)
        close(fd);
    return STATUS_OK;
}

/* The entries of sqlite_master, -1 when it cannot be read (not a database, a broken schema). */
static int count_objects(store *s)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) != SQLITE_OK)
        return -1;
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
}

static int user_version(store *s)
{
    sqlite3_stmt *st = store_prepare(s, "PRAGMA user_version");
    int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

/* objects: how many entries sqlite_master holds (counted by the first statement of the open). */
static status_code migrate(store *s, int objects, status_detail *err)
{
    int have = user_version(s);
    int want = store_schema_version();
    if (have < 0)
        return status_fail(err, &(status_info){STATUS_DB_NOT_SQLITE, .entity = s->path, .extra = sqlite3_errmsg(s->db)});
    if (have > want)
        return status_fail(err, &(status_info){STATUS_DB_NEWER, .entity = s->path, .num = have, .id = want});
    /* Another program's SQLite file (schema version 0 with tables, or a version of ours but no
     * catalog table): refused before anything is written, so it stays byte-identical. */
    /* The schema is parsed by now: looking a table up reads nothing (no scan of sqlite_master). */
    bool has_catalog = sqlite3_table_column_metadata(s->db, "main", "catalog", NULL, NULL, NULL, NULL, NULL, NULL) ==
                       SQLITE_OK;
    if ((have == 0 && objects > 0) || (have > 0 && !has_catalog))
        return status_fail(err, &(status_info){STATUS_DB_OTHER_PROGRAM, .entity = s->path});
    if (have == want)
        return STATUS_OK;
    if (s->readonly)
        return status_fail(err, &(status_info){STATUS_DB_UPGRADE_READONLY, .entity = s->path, .num = have, .id = want});
    status_code r = store_begin(s, err);
    if (r != STATUS_OK)
        return r;
    for (int v = have; v < want; v++) {
        char *sql = xasprintf("%s; PRAGMA user_version = %d;", schema_migrations[v], v + 1);
        status_detail e = {0};
        r = store_exec(s, sql, &e);
        free(sql);
        if (r != STATUS_OK) {
            store_rollback(s);
            status_fail(err, &(status_info){STATUS_DB_MIGRATION, .entity = s->path, .num = v + 1, .extra = e.extra});
            status_detail_free(&e);
            return STATUS_DB_MIGRATION;
        }
    }
    if ((r = store_commit(s, err)) != STATUS_OK) {
        store_rollback(s);
        return r;
    }
    return STATUS_OK;
}

/* Can this process change the database there? Writing needs the file and, for the journal or
 * the -wal and -shm files SQLite creates beside it, the directory. */
static bool writable_here(const char *path)
{
    if (access(path, W_OK) != 0)
        return false;
    char *dir = paths_dirname(path);
    bool ok = access(dir, W_OK | X_OK) == 0;
    free(dir);
    return ok;
}

static bool exists_with_suffix(const char *path, const char *suffix)
{
    char *p = xasprintf("%s%s", path, suffix);
    bool yes = access(p, F_OK) == 0;
    free(p);
    return yes;
}

/* A read-only open as an SQLite URI. Where this process may not write and no -wal or -journal
 * lies beside the file, it is opened immutable: SQLite then creates no -wal/-shm (a reader in
 * another user's directory left them behind, owned by the reader, blocking the owner's next
 * write; in a read-only directory it could not open at all). With one, someone is writing: read
 * through it normally. (Immutable also means no locks: a reader could see a checkpoint the owner
 * runs at that moment half done; it would be reading another user's file without their locks.) */
static char *readonly_uri(const char *path, bool may_write)
{
    strbuf sb = {0};
    sb_add(&sb, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("/._-~", *p))
            sb_addc(&sb, (char)*p);
        else
            sb_addf(&sb, "%%%02X", *p);
    }
    sb_add(&sb, "?mode=ro");
    if (!may_write && !exists_with_suffix(path, "-wal") && !exists_with_suffix(path, "-journal"))
        sb_add(&sb, "&immutable=1");
    return sb_take(&sb);
}

/* Process-wide, before SQLite initialises itself. No memory statistics, which anzen never reads
 * and which make every allocation take a global mutex (0.9 M of a first paint's 14.4 M
 * instructions). No bulk allocation of 20 pages for each page cache: pages are read through the
 * memory map (mmap_size below), so a cache holds only pages written and those of a temporary
 * table (a sort with LIMIT), and linking the bulk's slots touched every one of its pages - two
 * caches at a start, 50 of its ~380 page faults. SQLITE_MISUSE (SQLite already initialised)
 * keeps the defaults, which work the same. */
static void configure_sqlite(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
}

status_code store_open(const char *path, int flags, store **out, status_detail *err)
{
    *out = NULL;
    bool wal = false;
    status_code st = check_header(path, &wal, err);
    if (st != STATUS_OK)
        return st;

    bool exists = access(path, F_OK) == 0;
    bool readonly = (flags & STORE_OPEN_READONLY) || (exists && !writable_here(path));
    if (!exists) {
        if (flags & (STORE_OPEN_NO_CREATE | STORE_OPEN_READONLY))
            return status_fail(err, &(status_info){STATUS_DB_MISSING, .entity = path});
        if ((st = create_file(path, !(flags & STORE_OPEN_NO_MKDIR), err)) != STATUS_OK)
            return st;
    }

    configure_sqlite();
    store *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    s->readonly = readonly;
    int oflags = (readonly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
    char *uri = readonly ? readonly_uri(path, writable_here(path)) : NULL;
    int orc = sqlite3_open_v2(uri ? uri : path, &s->db, oflags, NULL);
    free(uri);
    if (orc != SQLITE_OK) {
        status_fail(err, &(status_info){STATUS_DB_CANNOT_OPEN, .entity = path,
                                        .extra = s->db ? sqlite3_errmsg(s->db) : "out of memory"});
        store_close(s);
        return STATUS_DB_CANNOT_OPEN;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, 5000);
    /* Check it really is a database before any pragma that writes (the first statement also
     * pays SQLite's one parse of the schema, which every later statement needs). */
    int objects = count_objects(s);
    if (objects < 0) {
        status_fail(err, &(status_info){STATUS_DB_NOT_SQLITE, .entity = path, .extra = sqlite3_errmsg(s->db)});
        store_close(s);
        return STATUS_DB_NOT_SQLITE;
    }
    /* Connection settings first (they write nothing), then the version check and migrations,
     * and only then WAL, which rewrites the header: a refused database stays byte-identical.
     * mmap_size: pages are read from a memory map, not one pread() each (330 of them in the
     * dashboard's first paint); writes still go through write() and the WAL. 16 MiB holds a
     * hospital's whole database; past it pages are read as before, so the mapped file pages that
     * count in the RSS stay bounded (history over 300,000 rows: 42 MB with 256 MiB). */
    if ((st = store_exec(s, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA mmap_size=16777216;", err)) != STATUS_OK) {
        store_close(s);
        return st;
    }
    if ((st = migrate(s, objects, err)) != STATUS_OK) {
        store_close(s);
        return st;
    }
    if (!readonly && !wal && (st = store_exec(s, "PRAGMA journal_mode=WAL;", err)) != STATUS_OK) {
        store_close(s);
        return st;
    }
    *out = s;
    return STATUS_OK;
}

void store_close(store *s)
{
    if (!s)
        return;
    store_snapshot_end(s);
    store_attach(s, NULL, NULL);
    stmt_cache_free(s);
    if (s->db)
        sqlite3_close_v2(s->db);
    free(s->path);
    free(s);
}
