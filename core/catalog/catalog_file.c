#include "catalog_file.h"

#include <nettle/sha2.h>
#include <stdlib.h>

static sqlite3_int64 mtime_ns(const struct stat *st)
{
    return (sqlite3_int64)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

void catalog_file_sha256(const void *data, size_t len, char out[CATALOG_FILE_SHA_HEX])
{
    uint8_t d[SHA256_DIGEST_SIZE];
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof d, d);
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < sizeof d; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[2 * sizeof d] = '\0';
}

/* One statement, three tables (column 0 says which), so that an unchanged start prepares one. */
static const char state_sql[] =
    "SELECT 0, f.path, f.size, f.mtime, f.sha256, c.id, c.version, NULL, NULL FROM catalog_file f "
    "LEFT JOIN catalog c ON c.pk = (SELECT max(pk) FROM catalog WHERE file_sha256 = f.sha256 AND importer = ?1) "
    "UNION ALL SELECT 1, file_path, NULL, NULL, file_sha256, NULL, NULL, pk, NULL FROM catalog "
    "WHERE file_path IS NOT NULL "
    "UNION ALL SELECT 2, file_path, file_size, file_mtime, first_error, NULL, NULL, errors, importer "
    "FROM catalog_failed"; /* no ORDER BY: three sorts in SQLite cost more than one qsort of the paths */

static int row_cmp(const void *a, const void *b)
{
    return strcmp(((const catalog_file_row *)a)->path, ((const catalog_file_row *)b)->path);
}

void catalog_file_state_read(store *s, int importer, catalog_file_state *out, catalog_failures *failures)
{
    *out = (catalog_file_state){0};
    sqlite3_stmt *q = store_stmt(s, state_sql);
    sqlite3_bind_int(q, 1, importer);
    while (sqlite3_step(q) == SQLITE_ROW) {
        int table = sqlite3_column_int(q, 0);
        if (sqlite3_column_type(q, 1) == SQLITE_NULL)
            continue;
        if (table == 0) {
            const char *sha = (const char *)sqlite3_column_text(q, 4);
            GROW(out->files, out->capfiles, out->nfiles + 1);
            catalog_file_row *r = &out->files[out->nfiles++];
            *r = (catalog_file_row){store_col_dup(q, 1), sqlite3_column_int64(q, 2), sqlite3_column_int64(q, 3),
                                    "", store_col_dup(q, 5), store_col_dup(q, 6)};
            if (sha && strlen(sha) == CATALOG_FILE_SHA_HEX - 1) /* else "": as if not remembered, read again */
                memcpy(r->sha, sha, CATALOG_FILE_SHA_HEX);
        } else if (table == 1) {
            GROW(out->sources, out->capsources, out->nsources + 1);
            out->sources[out->nsources++] =
                (catalog_file_source){sqlite3_column_int64(q, 7), store_col_dup(q, 1), store_col_dup(q, 4)};
        } else {
            GROW(failures->known, failures->capknown, failures->nknown + 1);
            failures->known[failures->nknown++] =
                (catalog_failed_row){store_col_dup(q, 1), sqlite3_column_int64(q, 2), sqlite3_column_int64(q, 3),
                                     sqlite3_column_int(q, 8), sqlite3_column_int64(q, 7), store_col_dup(q, 4)};
        }
    }
    store_done(s, q);
    if (out->nfiles > 1)
        qsort(out->files, out->nfiles, sizeof *out->files, row_cmp);
}

void catalog_file_state_free(catalog_file_state *k)
{
    for (size_t i = 0; i < k->nfiles; i++) {
        free(k->files[i].path);
        free(k->files[i].id);
        free(k->files[i].version);
    }
    free(k->files);
    for (size_t i = 0; i < k->nsources; i++) {
        free(k->sources[i].path);
        free(k->sources[i].sha);
    }
    free(k->sources);
    *k = (catalog_file_state){0};
}

const catalog_file_row *catalog_file_cached(const catalog_file_state *k, const char *path, const struct stat *st)
{
    size_t lo = 0, hi = k->nfiles;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(k->files[mid].path, path);
        if (c == 0) {
            const catalog_file_row *r = &k->files[mid];
            return r->sha[0] && r->size == (sqlite3_int64)st->st_size && r->mtime == mtime_ns(st) ? r : NULL;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int catalog_file_remember(store *s, const char *path, const struct stat *st, const char *sha, status_detail *err)
{
    sqlite3_stmt *q = store_prepare(s, "INSERT OR REPLACE INTO catalog_file(path, size, mtime, sha256) "
                                       "VALUES (?1, ?2, ?3, ?4)");
    store_bind_text(q, 1, path);
    sqlite3_bind_int64(q, 2, (sqlite3_int64)st->st_size);
    sqlite3_bind_int64(q, 3, mtime_ns(st));
    store_bind_text(q, 4, sha);
    int rc = sqlite3_step(q) == SQLITE_DONE ? 0 : -1;
    if (rc != 0)
        store_fail(s, err, "catalog_file");
    sqlite3_finalize(q);
    return rc;
}

void catalog_file_stale(const catalog_file_state *k, const strlist *dirs, const strlist *present, strlist *stale)
{
    for (size_t i = 0; i < k->nfiles; i++) {
        const char *path = k->files[i].path;
        if (sl_contains(present, path))
            continue;
        char *dir = paths_dirname(path);
        if (sl_contains(dirs, dir)) /* another binary's directory is not ours to judge */
            sl_push(stale, path);
        free(dir);
    }
}

int catalog_file_forget(store *s, const strlist *stale, status_detail *err)
{
    sqlite3_stmt *q = store_prepare(s, "DELETE FROM catalog_file WHERE path=?1");
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < stale->len; i++) {
        sqlite3_reset(q);
        store_bind_text(q, 1, stale->items[i]);
        if (sqlite3_step(q) != SQLITE_DONE) {
            store_fail(s, err, "catalog_file");
            rc = -1;
        }
    }
    sqlite3_finalize(q);
    return rc;
}
