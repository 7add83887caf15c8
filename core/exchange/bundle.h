/* Answer bundles (anzen-bundle/1, JSON; schema in data/schema/anzen-bundle-1.schema.json): what
 * one party answered in some assessments, for the other party to import.
 *
 *   {"format": "anzen-bundle/1",
 *    "content": {anzen_version, created_at, organisation, party {role, name}, systems [...],
 *                assessments [{catalog {id, version, hash}, scope, system, vendor, fy, title,
 *                              fields {key: value}, answers [{item, ref, value, checked, due, done,
 *                              owner, owner_vendor, note, evidence [..], answered_by, updated_at}]}]},
 *    "digest": {"algorithm": "sha256", "value": HEX},
 *    "signature": {"algorithm": "ed25519", "public_key": B64, "fingerprint": HEX, "value": B64}}
 *
 * The digest is the SHA-256 of the canonical text of "content" (digest.h: sorted keys, no
 * whitespace) and the signature signs that same text, so re-indenting the file changes nothing
 * and changing any value is caught. The answers are those of one party: the vendor's answers of
 * the assessment's vendor, or the hospital's own (bundle_options.role). */
#ifndef ANZEN_EXCHANGE_BUNDLE_H
#define ANZEN_EXCHANGE_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/lib.h"
#include "digest.h"
#include "key.h"
#include "store/lib.h"
#include "workspace/lib.h"

#define BUNDLE_FORMAT "anzen-bundle/1"
#define BUNDLE_FILE_MAX (32u * 1024u * 1024u)
#define BUNDLE_STRING_MAX (1024u * 1024u) /* one text: 1 MiB */

typedef enum { BUNDLE_ROLE_AUTO, BUNDLE_ROLE_VENDOR, BUNDLE_ROLE_HOSPITAL } bundle_role;
const char *bundle_role_name(bundle_role r); /* "vendor" "hospital" ("" for auto) */
bool bundle_role_parse(const char *s, bundle_role *out);

typedef struct {
    bundle_role role;          /* AUTO: vendor when an assessment holds vendor answers, else hospital */
    const char *name;          /* the party's name; NULL = the assessment's vendor / the organisation */
    const char *created_at;    /* ISO time; NULL = clock_now */
    const char *anzen_version; /* written as is */
} bundle_options;

/* ---- the model, as read from a file (bundle_json.c) ---- */

typedef struct {
    char *item, *ref, *value, *checked, *due, *done, *owner, *owner_vendor, *note;
    char *reason;     /* one line: why 対象外 / いいえ (catalogs say which answers need one) */
    strlist evidence; /* each linked register entry as its reference (else its title) */
    char *answered_by, *updated_at;
} bundle_answer;

typedef struct {
    char *catalog_id, *catalog_version, *catalog_hash;
    bool system_scope;
    char *system, *vendor, *title;
    int fy;
    strlist field_keys, field_values; /* header fields, in the file's order */
    bundle_answer *answers;
    size_t nanswers;
} bundle_assessment;

typedef struct {
    char *source; /* the file, for messages */
    char *anzen_version, *created_at, *organisation;
    bundle_role role;
    char *party_name;
    ws_system *systems; /* ids 0; vendor_name holds the vendor's name */
    size_t nsystems;
    bundle_assessment *assessments;
    size_t nassessments;
    char digest[DIGEST_HEX];
    bool is_signed;
    key_public signer; /* is_signed: the key that signed (its name and role as the signature says) */
} bundle;

void bundle_free(bundle *b);

/* Writes a bundle of assessments ids[0..n) to path (atomic, 0600, FILE_EXISTS without force);
 * signed with sk when not NULL (signer = its public half). *digest (may be NULL) gets the digest.
 * ASSESSMENT_NOT_FOUND, VENDOR_ANSWER_NO_VENDOR (role vendor and an assessment without vendor). */
status_code bundle_write(store *s, const int64_t *ids, size_t n, const bundle_options *opt,
                         const unsigned char *sk, const key_public *signer, const char *path, bool force,
                         char digest[DIGEST_HEX], size_t *answers, status_detail *err);

/* Reads and checks an untrusted bundle: size, UTF-8, JSON syntax, duplicate keys, text sizes,
 * the schema, the digest and the signature (not whether the signer is trusted: bundle_plan).
 * Every failure names the file (entity), the field path ("content.assessments[0].answers[3].value")
 * or line:col; *out is zeroed then. */
status_code bundle_parse(const char *data, size_t len, const char *source, bundle *out, status_detail *err);
status_code bundle_read_file(const char *path, bundle *out, status_detail *err);

#endif
