/* Importing a bundle: where each of its assessments goes (plan), what differs before importing
 * (diff), and the import itself - ONE transaction: the bundle's answers become the answers of its
 * party (a vendor bundle: that vendor's answers; never the hospital's own or the agreed ones),
 * header fields are set where this assessment has none, the systems' inventory facts that differ
 * are stored as offers to review (offer.h), and the import is recorded (exchange_import, and a
 * history action "import" per assessment naming the digest and the signer). A bundle imported
 * before (same digest) changes nothing. */
#ifndef ANZEN_EXCHANGE_BUNDLE_IMPORT_H
#define ANZEN_EXCHANGE_BUNDLE_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bundle.h"

typedef struct {
    const int64_t *into; /* target assessments, one per bundle assessment in order; NULL = find them */
    size_t ninto;
    bool partial;        /* import what maps when the catalog version differs */
    bool create;         /* create a missing vendor, system (name, category) and assessment */
    int64_t vendor_id;   /* the vendor a vendor bundle answers for; 0 = by the party's name */
} bundle_import_opts;

/* Where one bundle assessment goes. */
typedef struct {
    size_t index;          /* in bundle.assessments */
    int64_t assessment_id; /* 0 = none here (created on import with create) */
    char *label;           /* "catalog@version, scope, FY" of the bundle's assessment */
    char *target_version;  /* the catalog version of the target (or of the one to create) */
    bool version_differs;  /* another catalog version: only what maps is imported, with partial */
    bool hash_differs;     /* same version, other catalog content (a warning) */
    strlist unmapped;      /* items of the bundle that do not map to the target's catalog */
} bundle_target;

typedef struct {
    bundle_target *targets;
    size_t ntargets;
    int64_t vendor_id;      /* a vendor bundle: the vendor here; 0 when it is to be created */
    bool signer_known;      /* is_signed: its key is trusted here */
    char *signer_name;      /* the trusted key's name here */
    int64_t imported_before; /* exchange_import row of the same digest, 0 = new */
    char *imported_at, *imported_by;
} bundle_plan;

void bundle_plan_free(bundle_plan *p);

/* Resolves the targets (no write). BUNDLE_CATALOG_UNKNOWN (catalog not installed),
 * BUNDLE_NO_TARGET (no matching assessment, without create), BUNDLE_TARGET_COUNT, VENDOR_NOT_FOUND
 * (field content.party.name, without create), BUNDLE_ITEM_UNKNOWN / BUNDLE_VALUE_UNKNOWN for an
 * item of the same catalog version that does not exist or an answer not in its set. A version
 * difference is not a failure here: see version_differs and unmapped. */
status_code bundle_plan_make(store *s, const bundle *b, const bundle_import_opts *opt, bundle_plan *out,
                             status_detail *err);

/* Per item of a target: the bundle's answer against this database's own side (a vendor bundle:
 * the hospital's answer) and against what is stored for the bundle's party now. */
typedef enum {
    BUNDLE_ITEM_EQUAL,       /* both sides answered the same */
    BUNDLE_ITEM_DIFFERENT,   /* both answered, differently */
    BUNDLE_ITEM_ONLY_BUNDLE, /* only the bundle answers it */
    BUNDLE_ITEM_ONLY_HERE,   /* only this database's side answers it */
    BUNDLE_ITEM_UNMAPPED,    /* the bundle's item does not map to this catalog */
} bundle_item_state;
const char *bundle_item_state_name(bundle_item_state s); /* "equal" "different" "only-bundle" "only-here" "unmapped" */

typedef struct {
    size_t target;       /* index in plan.targets */
    char *item, *ref;
    bundle_item_state state;
    char *bundle_value, *here_value; /* NULL = no answer */
    char *stored_value;  /* the bundle party's answer stored here now */
    bool would_change;   /* importing changes the stored answer of the bundle's party */
} bundle_diff_row;

status_code bundle_diff(store *s, const bundle *b, const bundle_plan *plan, bundle_diff_row **rows, size_t *n,
                        status_detail *err);
void bundle_diff_free(bundle_diff_row *rows, size_t n);

typedef struct {
    bool already;            /* imported before: nothing written */
    int64_t import_id;
    size_t answers_changed;  /* answers whose stored fields changed */
    size_t fields_set, fields_kept; /* header fields set / kept because this assessment has its own */
    size_t offers;           /* inventory facts offered for review */
    size_t created;          /* vendor, systems and assessments created (create) */
    size_t skipped;          /* answers that did not map (partial) */
} bundle_import_result;

/* Imports per plan (bundle_plan_make with the same opts). The signer must be trusted
 * (BUNDLE_SIGNER_UNKNOWN otherwise); another catalog version needs partial
 * (BUNDLE_VERSION_MISMATCH with the count). On any failure nothing is written. */
status_code bundle_import(store *s, const bundle *b, const bundle_plan *plan, const bundle_import_opts *opt,
                          const char *who, bundle_import_result *res, status_detail *err);

#endif
