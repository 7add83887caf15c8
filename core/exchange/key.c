#include "key.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "export/lib.h"
#include "history/lib.h"

#define SECRET_FORMAT "anzen-secret-key/1"
#define PUBLIC_FORMAT "anzen-public-key/1"

void key_public_free(key_public *k)
{
    if (!k)
        return;
    free(k->name);
    free(k->role);
    memset(k, 0, sizeof *k);
}

void key_fingerprint(const unsigned char pk[SIGN_PUBLIC_BYTES], char out[KEY_FINGERPRINT_HEX])
{
    char hex[DIGEST_HEX];
    digest_sha256_hex(pk, SIGN_PUBLIC_BYTES, hex);
    memcpy(out, hex, KEY_FINGERPRINT_HEX - 1);
    out[KEY_FINGERPRINT_HEX - 1] = '\0';
}

static char *key_path(const char *ext)
{
    char *dir = paths_user_dir();
    if (!dir)
        return NULL;
    char *p = xasprintf("%s/keys/anzen-signing.%s", dir, ext);
    free(dir);
    return p;
}

char *key_secret_path(void)
{
    return key_path("key");
}

char *key_public_path(void)
{
    return key_path("pub");
}

static void add_opt(cJSON *o, const char *k, const char *v)
{
    if (!str_empty(v))
        cJSON_AddStringToObject(o, k, v);
}

static char *print_json(cJSON *j)
{
    char *t = cJSON_Print(j);
    char *r = xasprintf("%s\n", t ? t : "{}");
    cJSON_free(t);
    return r;
}

static status_code write_key_file(const char *path, const char *text, bool force, status_detail *err)
{
    export_error e = {0};
    status_code r = STATUS_OK;
    if (export_write_bytes(text, strlen(text), path, force, &e) != EXPORT_OK)
        r = export_error_status(&e, path, err);
    export_error_clear(&e);
    return r;
}

status_code key_generate(const char *name, const char *role, bool force, key_public *out, status_detail *err)
{
    unsigned char pk[SIGN_PUBLIC_BYTES], sk[SIGN_SECRET_BYTES];
    if (!sign_keypair(pk, sk))
        return status_fail(err, &(status_info){STATUS_INTERNAL, .extra = "libsodium could not start"});
    char *spath = key_secret_path(), *ppath = key_public_path();
    status_code r = STATUS_OK;
    if (!spath || !ppath) {
        r = status_fail(err, &(status_info){STATUS_DB_NO_PLACE, .entity = "HOME"});
        goto out;
    }
    char *dir = paths_dirname(spath);
    if (paths_mkdirs(dir, 0700) != 0) {
        r = status_fail(err, &(status_info){STATUS_DIR_CANNOT_CREATE, .entity = dir, .extra = strerror(errno)});
        free(dir);
        goto out;
    }
    free(dir);
    char fp[KEY_FINGERPRINT_HEX];
    key_fingerprint(pk, fp);
    char *pk64 = sign_base64(pk, sizeof pk), *sk64 = sign_base64(sk, sizeof sk);
    cJSON *pub = cJSON_CreateObject();
    cJSON_AddStringToObject(pub, "format", PUBLIC_FORMAT);
    add_opt(pub, "name", name);
    add_opt(pub, "role", role);
    cJSON_AddStringToObject(pub, "public_key", pk64);
    cJSON_AddStringToObject(pub, "fingerprint", fp);
    cJSON *sec = cJSON_Duplicate(pub, true);
    cJSON_ReplaceItemInObject(sec, "format", cJSON_CreateString(SECRET_FORMAT));
    cJSON_AddStringToObject(sec, "secret_key", sk64);
    char *stext = print_json(sec), *ptext = print_json(pub);
    /* the secret first: a public file without its secret would be a key nobody can sign with */
    r = write_key_file(spath, stext, force, err);
    if (r == STATUS_OK)
        r = write_key_file(ppath, ptext, force, err);
    sign_wipe_text(stext);
    free(stext);
    free(ptext);
    cJSON_Delete(pub);
    cJSON_Delete(sec);
    sign_wipe_text(sk64);
    free(sk64);
    free(pk64);
    if (r == STATUS_OK && out) {
        memset(out, 0, sizeof *out);
        memcpy(out->pk, pk, sizeof pk);
        memcpy(out->fingerprint, fp, sizeof fp);
        out->name = str_empty(name) ? NULL : xstrdup(name);
        out->role = str_empty(role) ? NULL : xstrdup(role);
    }
out:
    sign_wipe(sk, sizeof sk);
    free(spath);
    free(ppath);
    return r;
}

/* Reads a key file's JSON: format must be `format`, public_key 32 bytes of base64 whose
 * fingerprint matches the one written (when written). */
static status_code read_key(const char *path, const char *format, cJSON **json, key_public *out, status_detail *err)
{
    memset(out, 0, sizeof *out);
    *json = NULL;
    size_t len = 0;
    char *text = util_read_regular_file(path, KEY_FILE_MAX, &len);
    if (!text)
        return status_fail(err, &(status_info){errno == ENOENT && str_eq(format, SECRET_FORMAT) ? STATUS_KEY_MISSING
                                                                                               : STATUS_FILE_CANNOT_READ,
                                                .entity = path, .extra = strerror(errno)});
    cJSON *j = cJSON_ParseWithLength(text, len);
    sign_wipe(text, len);
    free(text);
    const char *bad = NULL;
    if (!cJSON_IsObject(j))
        bad = "JSON";
    else if (!str_eq(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "format")), format))
        bad = "format";
    else if (!sign_unbase64(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "public_key")), out->pk,
                            SIGN_PUBLIC_BYTES))
        bad = "public_key";
    if (!bad) {
        key_fingerprint(out->pk, out->fingerprint);
        const char *fp = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "fingerprint"));
        if (fp && !str_eq(fp, out->fingerprint))
            bad = "fingerprint";
    }
    if (bad) {
        cJSON_Delete(j);
        memset(out, 0, sizeof *out);
        return status_fail(err, &(status_info){STATUS_KEY_INVALID, .entity = path, .field = bad});
    }
    const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "name"));
    const char *role = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "role"));
    out->name = str_empty(name) ? NULL : xstrdup(name);
    out->role = str_empty(role) ? NULL : xstrdup(role);
    *json = j;
    return STATUS_OK;
}

status_code key_load_secret(const char *path, unsigned char sk[SIGN_SECRET_BYTES], key_public *pub,
                            status_detail *err)
{
    char *own = path ? NULL : key_secret_path();
    const char *p = path ? path : own;
    if (!p)
        return status_fail(err, &(status_info){STATUS_DB_NO_PLACE, .entity = "HOME"});
    cJSON *j = NULL;
    key_public k;
    status_code r = read_key(p, SECRET_FORMAT, &j, &k, err);
    if (r == STATUS_OK) {
        const char *s64 = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "secret_key"));
        unsigned char pk_of_sk[SIGN_PUBLIC_BYTES];
        /* the secret key holds its public half in its last 32 bytes: they must agree */
        if (!sign_unbase64(s64, sk, SIGN_SECRET_BYTES) ||
            (memcpy(pk_of_sk, sk + SIGN_SECRET_BYTES - SIGN_PUBLIC_BYTES, SIGN_PUBLIC_BYTES),
             memcmp(pk_of_sk, k.pk, SIGN_PUBLIC_BYTES) != 0)) {
            sign_wipe(sk, SIGN_SECRET_BYTES);
            key_public_free(&k);
            r = status_fail(err, &(status_info){STATUS_KEY_INVALID, .entity = p, .field = "secret_key"});
        }
        cJSON *sv = cJSON_GetObjectItemCaseSensitive(j, "secret_key");
        if (cJSON_IsString(sv))
            sign_wipe_text(sv->valuestring);
    }
    cJSON_Delete(j);
    if (r == STATUS_OK) {
        if (pub)
            *pub = k;
        else
            key_public_free(&k);
    }
    free(own);
    return r;
}

status_code key_read_public(const char *path, key_public *out, status_detail *err)
{
    cJSON *j = NULL;
    /* a secret file is refused here: trusting someone means being handed their .pub */
    status_code r = read_key(path, PUBLIC_FORMAT, &j, out, err);
    cJSON_Delete(j);
    return r;
}

/* ---- trusted keys ---- */

void key_trusted_free(key_trusted *k)
{
    if (!k)
        return;
    free(k->public_key);
    free(k->name);
    free(k->role);
    free(k->trusted_at);
    free(k->trusted_by);
    memset(k, 0, sizeof *k);
}

void key_trusted_list_free(key_trusted *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        key_trusted_free(&list[i]);
    free(list);
}

#define KEY_SELECT "SELECT pk, fingerprint, public_key, name, role, trusted_at, trusted_by FROM exchange_key"

static void key_row(sqlite3_stmt *st, key_trusted *k)
{
    memset(k, 0, sizeof *k);
    k->id = sqlite3_column_int64(st, 0);
    const char *fp = (const char *)sqlite3_column_text(st, 1);
    snprintf(k->fingerprint, sizeof k->fingerprint, "%s", fp ? fp : "");
    k->public_key = store_col_dup(st, 2);
    k->name = store_col_dup(st, 3);
    k->role = store_col_dup(st, 4);
    k->trusted_at = store_col_dup(st, 5);
    k->trusted_by = store_col_dup(st, 6);
}

status_code key_trusted_find(store *s, const char *fingerprint, key_trusted *out, bool *found, status_detail *err)
{
    *found = false;
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = store_stmt(s, KEY_SELECT " WHERE fingerprint = ?");
    store_bind_text(st, 1, fingerprint);
    int rc = sqlite3_step(st);
    status_code r = STATUS_OK;
    if (rc == SQLITE_ROW) {
        key_row(st, out);
        *found = true;
    } else if (rc != SQLITE_DONE) {
        r = store_fail(s, err, "exchange_key");
    }
    store_done(s, st);
    return r;
}

status_code key_trusted_list(store *s, key_trusted **out, size_t *nout, status_detail *err)
{
    *out = NULL;
    *nout = 0;
    sqlite3_stmt *st = store_stmt(s, KEY_SELECT " ORDER BY name, fingerprint");
    key_trusted *list = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(list, cap, n + 1);
        key_row(st, &list[n++]);
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "exchange_key");
    store_done(s, st);
    if (r != STATUS_OK) {
        key_trusted_list_free(list, n);
        return r;
    }
    *out = list;
    *nout = n;
    return STATUS_OK;
}

status_code key_trust(store *s, const key_public *k, const char *who, bool *added, status_detail *err)
{
    if (added)
        *added = false;
    key_trusted old;
    bool found = false;
    status_code r = key_trusted_find(s, k->fingerprint, &old, &found, err);
    key_trusted_free(&old);
    if (r != STATUS_OK || found)
        return r;
    if (store_begin(s, err) != STATUS_OK)
        return status_failed(err);
    char now[32];
    clock_now(now);
    char *pk64 = sign_base64(k->pk, SIGN_PUBLIC_BYTES);
    sqlite3_stmt *st = store_stmt(s, "INSERT INTO exchange_key(fingerprint, public_key, name, role, trusted_at,"
                                     " trusted_by) VALUES(?,?,?,?,?,?)");
    store_bind_text(st, 1, k->fingerprint);
    store_bind_text(st, 2, pk64);
    store_bind_text(st, 3, k->name);
    store_bind_text(st, 4, k->role);
    store_bind_text(st, 5, now);
    store_bind_text(st, 6, who);
    int rc = sqlite3_step(st);
    store_done(s, st);
    free(pk64);
    if (rc != SQLITE_DONE) {
        r = store_fail(s, err, "exchange_key");
        store_rollback(s);
        return r;
    }
    int64_t id = sqlite3_last_insert_rowid(store_db(s));
    int64_t action = history_action(s, who, "trust", 0, 0, err);
    char *desc = xasprintf("%s%s%s%s%s", k->fingerprint, k->name ? " " : "", k->name ? k->name : "",
                           k->role ? " / " : "", k->role ? k->role : "");
    history_target t = {.entity = "key", .entity_id = id};
    int h = action ? history_add(s, action, &t, "trusted", NULL, desc, err) : -1;
    free(desc);
    if (h < 0) {
        store_rollback(s);
        return status_failed(err);
    }
    if (store_commit(s, err) != STATUS_OK)
        return status_failed(err);
    if (added)
        *added = true;
    return STATUS_OK;
}
