/* Ed25519 signatures (libsodium) over a bundle's canonical content, in base64. */
#ifndef ANZEN_EXCHANGE_SIGN_H
#define ANZEN_EXCHANGE_SIGN_H

#include <stdbool.h>
#include <stddef.h>

#define SIGN_PUBLIC_BYTES 32
#define SIGN_SECRET_BYTES 64

/* false only when libsodium cannot start (no entropy source). Called by everything below. */
bool sign_ready(void);
/* A new key pair. false when libsodium cannot start. */
bool sign_keypair(unsigned char pk[SIGN_PUBLIC_BYTES], unsigned char sk[SIGN_SECRET_BYTES]);
/* The detached signature of msg in base64. Caller frees. */
char *sign_message(const char *msg, size_t n, const unsigned char sk[SIGN_SECRET_BYTES]);
/* Whether sig_b64 is pk's signature of msg (false for malformed base64 or length). */
bool sign_verify(const char *msg, size_t n, const unsigned char pk[SIGN_PUBLIC_BYTES], const char *sig_b64);

/* Clears secret bytes so they do not linger in freed memory (sodium_memzero). NULL is ignored. */
void sign_wipe(void *p, size_t n);
void sign_wipe_text(char *s);

/* base64 (the original alphabet, padded) of n bytes. Caller frees. */
char *sign_base64(const unsigned char *data, size_t n);
/* Decodes exactly `want` bytes; false when the text is not base64 of that length. */
bool sign_unbase64(const char *text, unsigned char *out, size_t want);

#endif
