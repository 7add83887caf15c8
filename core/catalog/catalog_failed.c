#include "catalog_failed.h"

#include <stdlib.h>

static sqlite3_int64 mtime_ns(const struct stat *st)
{
    return (sqlite3_int64)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

bool catalog_failed_remind(catalog_failures *f, const char *path, const struct stat *st, diag_list *diags)
{
    const catalog_failed_row *k = NULL;
    for (size_t i = 0; !k && i < f->nknown; i++) {
        const catalog_failed_row *r = &f->known[i];
        if (str_eq(r->path, path) && r->size == (sqlite3_int64)st->st_size && r->mtime == mtime_ns(st) &&
            r->importer == f->importer)
            k = r;
    }
    if (!k)
        return false;
    sqlite3_int64 n = k->errors;
    diag_add(diags, path, 0, 0, "still not loaded: %lld error%s, reported when it changed (first: %s); "
             "anzen catalog validate shows them all", (long long)n, n == 1 ? "" : "s", k->first ? k->first : "?");
    sl_push(&f->failing, path);
    return true;
}

void catalog_failed_add(catalog_failures *f, const char *path, const struct stat *st, const diag_list *diags,
                        size_t from)
{
    GROW(f->items, f->cap, f->len + 1);
    catalog_failure *x = &f->items[f->len++];
    x->path = xstrdup(path);
    x->st = *st;
    x->errors = diags->len > from ? diags->len - from : 1;
    const diag *d = diags->len > from ? &diags->items[from] : NULL;
    if (!d)
        x->first = xstrdup("unknown error");
    else if (d->line > 0) /* the path is said once, by the reminder itself */
        x->first = xasprintf("line %d:%d: %s", d->line, d->col, d->message);
    else
        x->first = xstrdup(d->message);
    sl_push(&f->failing, path);
}

bool catalog_failed_dirty(const catalog_failures *f)
{
    if (f->len)
        return true;
    for (size_t i = 0; i < f->nknown; i++)
        if (!sl_contains(&f->failing, f->known[i].path))
            return true;
    return false;
}

int catalog_failed_write(store *s, const catalog_failures *f, status_detail *err)
{
    int rc = 0;
    sqlite3_stmt *ins = store_prepare(s, "INSERT OR REPLACE INTO catalog_failed(file_path, file_size, file_mtime, "
                                         "importer, errors, first_error) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (size_t i = 0; rc == 0 && i < f->len; i++) {
        const catalog_failure *x = &f->items[i];
        sqlite3_reset(ins);
        store_bind_text(ins, 1, x->path);
        sqlite3_bind_int64(ins, 2, (sqlite3_int64)x->st.st_size);
        sqlite3_bind_int64(ins, 3, mtime_ns(&x->st));
        sqlite3_bind_int(ins, 4, f->importer);
        sqlite3_bind_int64(ins, 5, (sqlite3_int64)x->errors);
        store_bind_text(ins, 6, x->first);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            store_fail(s, err, "catalog_failed");
            rc = -1;
        }
    }
    sqlite3_finalize(ins);
    /* Files that load now, or are gone, are forgotten. */
    strlist gone = {0};
    sqlite3_stmt *all = store_prepare(s, "SELECT file_path FROM catalog_failed");
    while (rc == 0 && sqlite3_step(all) == SQLITE_ROW)
        if (!sl_contains(&f->failing, (const char *)sqlite3_column_text(all, 0)))
            sl_push(&gone, (const char *)sqlite3_column_text(all, 0));
    sqlite3_finalize(all);
    sqlite3_stmt *del = store_prepare(s, "DELETE FROM catalog_failed WHERE file_path=?1");
    for (size_t i = 0; rc == 0 && i < gone.len; i++) {
        sqlite3_reset(del);
        store_bind_text(del, 1, gone.items[i]);
        if (sqlite3_step(del) != SQLITE_DONE) {
            store_fail(s, err, "catalog_failed");
            rc = -1;
        }
    }
    sqlite3_finalize(del);
    sl_free(&gone);
    return rc;
}

void catalog_failures_free(catalog_failures *f)
{
    for (size_t i = 0; i < f->len; i++) {
        free(f->items[i].path);
        free(f->items[i].first);
    }
    free(f->items);
    for (size_t i = 0; i < f->nknown; i++) {
        free(f->known[i].path);
        free(f->known[i].first);
    }
    free(f->known);
    sl_free(&f->failing);
    *f = (catalog_failures){0};
}
