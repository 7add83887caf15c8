/* Signing keys: an Ed25519 key pair per person or organisation (anzen key new), kept in the
 * user's data directory (<data dir>/keys/, the secret file 0600 in a 0700 directory, never in the
 * database), and the public keys this database trusts (anzen key trust FILE: table exchange_key,
 * with a history row). A key is named by its fingerprint: the first 20 bytes of the SHA-256 of
 * the public key, in hex. */
#ifndef ANZEN_EXCHANGE_KEY_H
#define ANZEN_EXCHANGE_KEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/lib.h"
#include "sign.h"
#include "store/lib.h"

#define KEY_FINGERPRINT_HEX 41 /* 40 hex digits and the NUL */
#define KEY_FILE_MAX (64u * 1024u)

typedef struct {
    unsigned char pk[SIGN_PUBLIC_BYTES];
    char fingerprint[KEY_FINGERPRINT_HEX];
    char *name; /* who the key is for: "A社", "テスト総合病院" (may be NULL) */
    char *role; /* "vendor" | "hospital" | NULL */
} key_public;

void key_public_free(key_public *k);
void key_fingerprint(const unsigned char pk[SIGN_PUBLIC_BYTES], char out[KEY_FINGERPRINT_HEX]);

/* <user data dir>/keys/anzen-signing.key and .pub. Caller frees; NULL when HOME is unknown. */
char *key_secret_path(void);
char *key_public_path(void);

/* Makes a new key pair and writes both files (atomic, 0600; FILE_EXISTS without force). *out
 * (may be NULL) gets the public key. */
status_code key_generate(const char *name, const char *role, bool force, key_public *out, status_detail *err);
/* Reads a secret key file (path NULL = key_secret_path()): KEY_MISSING when absent, KEY_INVALID
 * naming the field when it is not one. */
status_code key_load_secret(const char *path, unsigned char sk[SIGN_SECRET_BYTES], key_public *pub,
                            status_detail *err);
/* Reads a public key file (anzen key new's .pub): FILE_CANNOT_READ, KEY_INVALID naming the field. */
status_code key_read_public(const char *path, key_public *out, status_detail *err);

/* ---- trusted keys (the database) ---- */

typedef struct {
    int64_t id;
    char fingerprint[KEY_FINGERPRINT_HEX];
    char *public_key; /* base64 */
    char *name, *role, *trusted_at, *trusted_by;
} key_trusted;

void key_trusted_free(key_trusted *k);
void key_trusted_list_free(key_trusted *list, size_t n);

/* Trusts a public key: one transaction with its history row (entity "key", field "trusted").
 * A key trusted already changes nothing (*added false). */
status_code key_trust(store *s, const key_public *k, const char *who, bool *added, status_detail *err);
/* The trusted key with that fingerprint: *found false when none. */
status_code key_trusted_find(store *s, const char *fingerprint, key_trusted *out, bool *found, status_detail *err);
status_code key_trusted_list(store *s, key_trusted **out, size_t *n, status_detail *err);

#endif
