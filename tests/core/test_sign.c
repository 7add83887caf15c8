/* Ed25519 through libsodium, key files in the user's data directory (0600) and trusted keys. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exchange/lib.h"
#include "testutil.h"

static char *dir;
static void setup(void)
{
    dir = test_tmpdir();
    setenv("XDG_DATA_HOME", dir, 1);
}
static void teardown(void)
{
    unsetenv("XDG_DATA_HOME");
    test_rm_rf(dir);
    free(dir);
}
TestSuite(sign, .init = setup, .fini = teardown);

Test(sign, signatures_verify_and_any_change_fails)
{
    unsigned char pk[SIGN_PUBLIC_BYTES], sk[SIGN_SECRET_BYTES], pk2[SIGN_PUBLIC_BYTES], sk2[SIGN_SECRET_BYTES];
    cr_assert(sign_keypair(pk, sk));
    cr_assert(sign_keypair(pk2, sk2));
    const char *msg = "{\"a\":\"回答\"}";
    char *sig = sign_message(msg, strlen(msg), sk);
    cr_assert_not_null(sig);
    cr_expect(sign_verify(msg, strlen(msg), pk, sig));
    cr_expect_not(sign_verify("{\"a\":\"回答 \"}", strlen(msg) + 1, pk, sig), "another message");
    cr_expect_not(sign_verify(msg, strlen(msg), pk2, sig), "another key");
    char *bad = xstrdup(sig);
    bad[0] = bad[0] == 'A' ? 'B' : 'A';
    cr_expect_not(sign_verify(msg, strlen(msg), pk, bad), "a changed signature");
    cr_expect_not(sign_verify(msg, strlen(msg), pk, "not base64!"), "malformed");
    unsigned char back[SIGN_PUBLIC_BYTES];
    char *b64 = sign_base64(pk, sizeof pk);
    cr_expect(sign_unbase64(b64, back, sizeof back));
    cr_expect_eq(memcmp(back, pk, sizeof pk), 0);
    cr_expect_not(sign_unbase64(b64, back, sizeof back - 1), "wrong length");
    free(b64);
    free(bad);
    free(sig);
}

Test(sign, key_files_are_private_and_read_back)
{
    key_public k;
    status_detail err = {0};
    cr_assert_eq(key_generate("A社", "vendor", false, &k, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_eq(strlen(k.fingerprint), 40);
    char *sp = key_secret_path(), *pp = key_public_path();
    struct stat s;
    cr_assert_eq(stat(sp, &s), 0);
    cr_expect_eq(s.st_mode & 0777, 0600);
    char *kd = xasprintf("%s/anzen/keys", dir);
    cr_assert_eq(stat(kd, &s), 0);
    cr_expect_eq(s.st_mode & 0777, 0700);
    cr_expect_eq(key_generate(NULL, NULL, false, NULL, &err), STATUS_FILE_EXISTS, "no overwrite without force");
    unsigned char sk[SIGN_SECRET_BYTES];
    key_public again;
    cr_assert_eq(key_load_secret(NULL, sk, &again, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_str_eq(again.fingerprint, k.fingerprint);
    cr_expect_str_eq(again.name, "A社");
    key_public pub;
    cr_assert_eq(key_read_public(pp, &pub, &err), STATUS_OK);
    cr_expect_eq(memcmp(pub.pk, k.pk, SIGN_PUBLIC_BYTES), 0);
    key_public_free(&pub);
    cr_expect_eq(key_read_public(sp, &pub, &err), STATUS_KEY_INVALID, "a secret file is not a public key");
    cr_expect_str_eq(err.field, "format");
    char *bad = test_write(dir, "bad.pub", "{\"format\":\"anzen-public-key/1\",\"public_key\":\"AAAA\"}");
    cr_expect_eq(key_read_public(bad, &pub, &err), STATUS_KEY_INVALID);
    cr_expect_str_eq(err.field, "public_key");
    status_detail_free(&err);
    unlink(sp);
    cr_expect_eq(key_load_secret(NULL, sk, NULL, &err), STATUS_KEY_MISSING);
    status_detail_free(&err);
    key_public_free(&k);
    key_public_free(&again);
    key_public_free(&pub);
    free(bad);
    free(kd);
    free(sp);
    free(pp);
}

Test(sign, trusting_a_key_once_with_history)
{
    store *st = test_store_open(dir);
    key_public k;
    status_detail err = {0};
    cr_assert_eq(key_generate("病院", "hospital", false, &k, &err), STATUS_OK);
    bool added = false;
    cr_assert_eq(key_trust(st, &k, "山田", &added, &err), STATUS_OK);
    cr_expect(added);
    cr_assert_eq(key_trust(st, &k, "山田", &added, &err), STATUS_OK);
    cr_expect_not(added, "trusted already: nothing written");
    key_trusted t;
    bool found = false;
    cr_assert_eq(key_trusted_find(st, k.fingerprint, &t, &found, &err), STATUS_OK);
    cr_expect(found);
    cr_expect_str_eq(t.trusted_by, "山田");
    sqlite3_stmt *q = store_prepare(st, "SELECT count(*) FROM history WHERE entity = 'key' AND field = 'trusted'");
    sqlite3_step(q);
    cr_expect_eq(sqlite3_column_int(q, 0), 1);
    sqlite3_finalize(q);
    key_trusted_free(&t);
    key_public_free(&k);
    store_close(st);
}
