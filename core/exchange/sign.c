#include "sign.h"

#include <sodium.h>
#include <string.h>

#include "base/lib.h"

bool sign_ready(void)
{
    return sodium_init() >= 0; /* 1 when already initialised */
}

bool sign_keypair(unsigned char pk[SIGN_PUBLIC_BYTES], unsigned char sk[SIGN_SECRET_BYTES])
{
    return sign_ready() && crypto_sign_keypair(pk, sk) == 0;
}

void sign_wipe(void *p, size_t n)
{
    if (p && n)
        sodium_memzero(p, n);
}

void sign_wipe_text(char *s)
{
    if (s)
        sodium_memzero(s, strlen(s));
}

char *sign_base64(const unsigned char *data, size_t n)
{
    size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
    char *out = xmalloc(len);
    sodium_bin2base64(out, len, data, n, sodium_base64_VARIANT_ORIGINAL);
    return out;
}

bool sign_unbase64(const char *text, unsigned char *out, size_t want)
{
    if (!text || !sign_ready())
        return false;
    size_t got = 0;
    const char *end = NULL;
    unsigned char buf[128];
    if (want > sizeof buf)
        return false;
    if (sodium_base642bin(buf, sizeof buf, text, strlen(text), NULL, &got, &end, sodium_base64_VARIANT_ORIGINAL) != 0)
        return false;
    if (got != want || !end || *end)
        return false;
    memcpy(out, buf, want);
    return true;
}

char *sign_message(const char *msg, size_t n, const unsigned char sk[SIGN_SECRET_BYTES])
{
    unsigned char sig[crypto_sign_BYTES];
    if (!sign_ready())
        return NULL;
    crypto_sign_detached(sig, NULL, (const unsigned char *)msg, n, sk);
    return sign_base64(sig, sizeof sig);
}

bool sign_verify(const char *msg, size_t n, const unsigned char pk[SIGN_PUBLIC_BYTES], const char *sig_b64)
{
    unsigned char sig[crypto_sign_BYTES];
    if (!sign_unbase64(sig_b64, sig, sizeof sig))
        return false;
    return crypto_sign_verify_detached(sig, (const unsigned char *)msg, n, pk) == 0;
}
