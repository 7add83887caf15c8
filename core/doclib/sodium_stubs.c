/* libsodium (Ed25519 signatures of bundles, key files): every function of it anzen calls, loaded on first use (doclib.h).
 * sign.c still calls sodium_init before any other: it is forwarded like the rest. */
#include <sodium.h>

#include "stub.h"

DOCLIB_FN(doclib_sodium, int, sodium_init, (void), ())
DOCLIB_VOID(doclib_sodium, sodium_memzero, (void *const pnt, const size_t len), (pnt, len))
DOCLIB_FN(doclib_sodium, char *, sodium_bin2base64, (char *const b64, const size_t b64_maxlen, const unsigned char *const bin, const size_t bin_len, const int variant), (b64, b64_maxlen, bin, bin_len, variant))
DOCLIB_FN(doclib_sodium, int, sodium_base642bin, (unsigned char *const bin, const size_t bin_maxlen, const char *const b64, const size_t b64_len, const char *const ignore, size_t *const bin_len, const char **const b64_end, const int variant), (bin, bin_maxlen, b64, b64_len, ignore, bin_len, b64_end, variant))
DOCLIB_FN(doclib_sodium, int, crypto_sign_keypair, (unsigned char *pk, unsigned char *sk), (pk, sk))
DOCLIB_FN(doclib_sodium, int, crypto_sign_detached, (unsigned char *sig, unsigned long long *siglen_p, const unsigned char *m, unsigned long long mlen, const unsigned char *sk), (sig, siglen_p, m, mlen, sk))
DOCLIB_FN(doclib_sodium, int, crypto_sign_verify_detached, (const unsigned char *sig, const unsigned char *m, unsigned long long mlen, const unsigned char *pk), (sig, m, mlen, pk))
