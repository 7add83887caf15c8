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

bool catalog_file_cached(store *s, const char *path, const struct stat *st, char out[CATALOG_FILE_SHA_HEX])
{
    sqlite3_stmt *q = store_prepare(s, "SELECT sha256 FROM catalog_file WHERE path=?1 AND size=?2 AND mtime=?3");
    store_bind_text(q, 1, path);
    sqlite3_bind_int64(q, 2, (sqlite3_int64)st->st_size);
    sqlite3_bind_int64(q, 3, mtime_ns(st));
    const char *sha = sqlite3_step(q) == SQLITE_ROW ? (const char *)sqlite3_column_text(q, 0) : NULL;
    bool known = sha && strlen(sha) == CATALOG_FILE_SHA_HEX - 1;
    if (known)
        memcpy(out, sha, CATALOG_FILE_SHA_HEX);
    sqlite3_finalize(q);
    return known;
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

void catalog_file_stale(store *s, const strlist *dirs, const strlist *present, strlist *stale)
{
    sqlite3_stmt *q = store_prepare(s, "SELECT path FROM catalog_file");
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *path = (const char *)sqlite3_column_text(q, 0);
        if (!path || sl_contains(present, path))
            continue;
        char *dir = paths_dirname(path);
        if (sl_contains(dirs, dir)) /* another binary's directory is not ours to judge */
            sl_push(stale, path);
        free(dir);
    }
    sqlite3_finalize(q);
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
