/* libnettle (SHA-256: catalog files, snapshots, bundles, the annex): every function of it anzen calls, loaded on
 * first use (doclib.h). <nettle/sha2.h> makes sha256_init a macro for nettle_sha256_init: the real names are
 * defined here, so the callers' macros land on these. */
#include <nettle/sha2.h>

#include "stub.h"

DOCLIB_VOID(doclib_nettle, nettle_sha256_init, (struct sha256_ctx *ctx), (ctx))
DOCLIB_VOID(doclib_nettle, nettle_sha256_update, (struct sha256_ctx *ctx, size_t length, const uint8_t *data), (ctx, length, data))
DOCLIB_VOID(doclib_nettle, nettle_sha256_digest, (struct sha256_ctx *ctx, size_t length, uint8_t *digest), (ctx, length, digest))
