/* One status model for all of core: a table of status codes (X-macro: code, process exit code,
 * message id) and a detail naming the field and the value that caused a failure. core returns
 * codes with their detail and never builds sentences; the front ends render them in the UI
 * language with status_format (messages in Japanese and English, status.c).
 *
 * Exit codes (README "Exit codes"): 0 ok, 1 failed (not found, conflict, I/O), 2 usage,
 * 3 invalid data, 4 database refused (newer schema, not SQLite, read-only, locked, SQL failure). */
#ifndef ANZEN_STATUS_H
#define ANZEN_STATUS_H

#include <stdbool.h>
#include <stdint.h>

/* X(CODE, EXIT, "message id"). The message id is stable (scripts may read it); the text is not. */
#define STATUS_CODES(X)                                                                                          \
    X(OK, 0, "ok")                                                                                               \
    X(INTERNAL, 1, "internal")                                                                                   \
    /* the database and opening the workbench (store, session) */                                              \
    X(DB_NO_PLACE, 4, "db-no-place")                                                                             \
    X(DATA_MISSING, 1, "shipped-data-missing")                                                                   \
    X(DB_MISSING, 1, "db-missing")                                                                               \
    X(DIR_CANNOT_CREATE, 1, "dir-cannot-create")                                                                 \
    X(DB_DIR_MISSING, 1, "db-directory-missing")                                                                 \
    X(DB_CANNOT_CREATE, 1, "db-cannot-create")                                                                   \
    X(DB_CANNOT_OPEN, 4, "db-cannot-open")                                                                       \
    X(DB_NOT_SQLITE, 4, "db-not-sqlite")                                                                         \
    X(DB_NOT_REGULAR, 4, "db-not-a-regular-file")                                                                \
    X(DB_OTHER_PROGRAM, 4, "db-of-another-program")                                                              \
    X(DB_NEWER, 4, "db-newer-schema")                                                                            \
    X(DB_UPGRADE_READONLY, 4, "db-upgrade-read-only")                                                            \
    X(DB_MIGRATION, 4, "db-migration-failed")                                                                    \
    X(DB_READONLY, 4, "db-read-only")                                                                            \
    X(DB_BUSY, 4, "db-locked")                                                                                   \
    X(SQL, 4, "sql-failed")                                                                                      \
    X(DISK_FULL, 1, "disk-full")                                                                                 \
    X(IO_ERROR, 1, "io-error")                                                                                      \
    /* dates and fiscal years (text/jpdate) */                                                                  \
    X(DATE_EMPTY, 3, "date-empty")                                                                               \
    X(DATE_MALFORMED, 3, "date-malformed")                                                                       \
    X(DATE_ERA_YEAR, 3, "date-era-year")                                                                         \
    X(DATE_NO_SUCH, 3, "date-no-such-day")                                                                       \
    X(DATE_OUTSIDE_ERA, 3, "date-outside-era")                                                                   \
    X(DATE_NOT_ISO, 3, "date-not-iso")                                                                           \
    X(FY_EMPTY, 3, "fy-empty")                                                                                   \
    X(FY_MALFORMED, 3, "fy-malformed")                                                                           \
    X(FY_OUT_OF_RANGE, 3, "fy-out-of-range")                                                                     \
    /* values of the workspace (organisation, vendors, systems) */                                              \
    X(FIELD_REQUIRED, 3, "field-required")                                                                       \
    X(NOT_A_NUMBER, 3, "not-a-number")                                                                           \
    X(NEGATIVE, 3, "negative")                                                                                   \
    X(NOT_YES_NO, 3, "not-yes-no")                                                                               \
    X(CATEGORY_UNKNOWN, 3, "category-unknown")                                                                   \
    X(HOSTING_UNKNOWN, 3, "hosting-unknown")                                                                     \
    X(UPDATES_BY_UNKNOWN, 3, "security-updates-by-unknown")                                                      \
    X(PORT_MALFORMED, 3, "port-malformed")                                                                       \
    X(PORT_OUT_OF_RANGE, 3, "port-out-of-range")                                                                 \
    X(LIST_ROW_TOO_MANY, 3, "list-row-too-many-fields")                                                          \
    X(LIST_ROW_INCOMPLETE, 3, "list-row-incomplete")                                                             \
    X(ORG_MISSING, 1, "org-missing")                                                                             \
    X(ORG_EXISTS, 1, "org-exists")                                                                               \
    X(NAME_EMPTY, 1, "name-empty")                                                                               \
    X(NAME_TAKEN, 1, "name-taken")                                                                               \
    X(VENDOR_NOT_FOUND, 1, "vendor-not-found")                                                                   \
    X(SYSTEM_NOT_FOUND, 1, "system-not-found")                                                                   \
    X(IN_USE, 1, "record-in-use")                                                                                \
    X(INVENTORY_NOTHING_TO_UNDO, 1, "inventory-nothing-to-undo")                                                 \
    /* catalogs, assessments, answers, proposals (catalog, assess) */                                           \
    X(CATALOG_NOT_FOUND, 1, "catalog-not-found")                                                                 \
    X(CATALOG_NO_ITEMS, 3, "catalog-no-items")                                                                   \
    X(CATALOG_GONE, 1, "catalog-gone")                                                                           \
    X(ASSESSMENT_KEY, 1, "assessment-key-malformed")                                                             \
    X(ASSESSMENT_NOT_FOUND, 1, "assessment-not-found")                                                           \
    X(ASSESSMENT_EXISTS, 1, "assessment-exists")                                                                 \
    X(ITEM_NOT_FOUND, 3, "item-not-found")                                                                       \
    X(ITEM_IS_HEADING, 3, "item-is-heading")                                                                     \
    X(ANSWER_VALUE_UNKNOWN, 3, "answer-value-unknown")                                                           \
    X(DATE_NOT_OFFERED, 3, "date-not-offered")                                                                   \
    X(VENDOR_ANSWER_NO_VENDOR, 3, "vendor-answer-no-vendor")                                                     \
    X(OWNER_VENDOR_REQUIRED, 3, "owner-vendor-required")                                                         \
    X(EVIDENCE_MALFORMED, 3, "evidence-malformed")                                                               \
    X(REASON_REQUIRED, 3, "reason-required")                                                                     \
    X(REASON_MALFORMED, 3, "reason-malformed")                                                                   \
    X(NOTHING_TO_UNDO, 1, "nothing-to-undo")                                                                     \
    X(UNDO_BLOCKED, 1, "undo-blocked-by-later-change")                                                           \
    X(SIGNOFF_NAME_REQUIRED, 3, "signoff-name-required")                                                         \
    X(SIGNOFF_ROLE_REQUIRED, 3, "signoff-role-required")                                                         \
    X(SIGNOFF_OPEN_ITEMS, 1, "signoff-open-items")                                                               \
    X(PROPOSAL_NOT_FOUND, 1, "proposal-not-found")                                                               \
    X(PROPOSAL_NOT_OPEN, 3, "proposal-not-open")                                                                 \
    X(PROPOSAL_VALUE_GONE, 3, "proposal-value-gone")                                                             \
    /* maintenance contracts and their annex (contract, export) */                                          \
    X(CONTRACT_NOT_FOUND, 1, "contract-not-found")                                                               \
    X(CONTRACT_NO_SYSTEM, 3, "contract-no-system")                                                               \
    X(CONTRACT_SYSTEM_TWICE, 3, "contract-system-twice")                                                         \
    X(TERM_ENDS_BEFORE_START, 3, "term-ends-before-start")                                                       \
    X(CATALOG_NOT_CLAUSES, 3, "catalog-not-clauses")                                                             \
    X(CLAUSES_GONE, 1, "clause-library-gone")                                                                    \
    X(CLAUSE_NOT_FOUND, 3, "clause-not-found")                                                                   \
    X(CLAUSE_REASON_REQUIRED, 3, "clause-reason-required")                                                       \
    X(PARAM_NOT_FOUND, 3, "param-not-found")                                                                     \
    X(PARAM_EMPTY, 3, "param-empty")                                                                             \
    X(PARAM_NOT_INTEGER, 3, "param-not-integer")                                                                 \
    X(PARAM_NOT_BOOLEAN, 3, "param-not-boolean")                                                                 \
    X(PARAM_NOT_UTF8, 3, "param-not-utf8")                                                                       \
    X(PARAM_CONTROL_CHAR, 3, "param-control-character")                                                          \
    X(PARAM_TOO_LONG, 3, "param-too-long")                                                                       \
    X(PARAM_NOT_A_CHOICE, 3, "param-not-a-choice")                                                               \
    X(COMPONENT_UNKNOWN, 3, "matrix-component-unknown")                                                          \
    X(PHASE_UNKNOWN, 3, "matrix-phase-unknown")                                                                  \
    X(PARTY_UNKNOWN, 3, "matrix-party-unknown")                                                                  \
    X(TEMPLATE_UNREADABLE, 1, "template-unreadable")                                                             \
    X(TEMPLATE_INVALID, 3, "template-invalid")                                                                   \
    /* the evidence register (assess/evidence) */                                                               \
    X(EVIDENCE_NOT_FOUND, 1, "evidence-not-found")                                                               \
    X(EVIDENCE_AMBIGUOUS, 3, "evidence-ambiguous")                                                               \
    X(EVIDENCE_KIND_UNKNOWN, 3, "evidence-kind-unknown")                                                         \
    X(EVIDENCE_REVIEW_BEFORE_EFFECTIVE, 3, "evidence-review-before-effective")                                   \
    /* header fields of an assessment (assess_field) */                                                         \
    X(FIELD_UNKNOWN, 3, "field-unknown")                                                                         \
    X(FIELD_NONE, 3, "catalog-has-no-fields")                                                                    \
    X(FIELD_CHOICE, 3, "field-not-a-choice")                                                                     \
    /* spreadsheets read as tables (sheet) and imported as catalogs (catimport) */                               \
    X(CSV_NOT_TEXT, 3, "csv-not-text")                                                                           \
    X(CSV_QUOTE_OPEN, 3, "csv-quote-not-closed")                                                                 \
    X(CSV_QUOTE_STRAY, 3, "csv-stray-quote")                                                                     \
    X(CSV_TOO_BIG, 3, "csv-too-big")                                                                             \
    X(SHEET_UNREADABLE, 1, "sheet-unreadable")                                                                   \
    X(SHEET_DAMAGED, 3, "sheet-part-damaged")                                                                    \
    X(SHEET_CELL_MALFORMED, 3, "sheet-cell-malformed")                                                           \
    X(SHEET_NOT_FOUND, 3, "sheet-not-found")                                                                     \
    X(SHEET_FORMAT_UNKNOWN, 2, "sheet-format-unknown")                                                           \
    X(SHEET_EMPTY_NUMBER, 3, "sheet-empty-item-number")                                                          \
    X(SHEET_EMPTY_TEXT, 3, "sheet-empty-item-text")                                                              \
    X(SHEET_NUMBER_TWICE, 3, "sheet-item-number-repeated")                                                       \
    X(SHEET_HEADER_MISSING, 3, "sheet-header-missing")                                                           \
    X(SHEET_NO_ITEMS, 3, "sheet-no-items")                                                                       \
    X(LAYOUT_NOT_YAML, 3, "layout-not-yaml")                                                                     \
    X(LAYOUT_FIELD_UNKNOWN, 3, "layout-field-unknown")                                                           \
    X(LAYOUT_FIELD_REQUIRED, 3, "layout-field-required")                                                         \
    X(LAYOUT_INVALID, 3, "layout-value-invalid")                                                                 \
    X(CATALOG_ID_TAKEN, 3, "catalog-id-taken")                                                                   \
    /* documents, snapshots and the files they are written to (export) */                                       \
    X(DOCUMENT_NOT_FIT, 3, "document-does-not-fit-catalog")                                                      \
    X(FORMAT_UNKNOWN, 2, "format-unknown")                                                                       \
    X(FORMAT_FROM_PATH, 2, "format-not-from-extension")                                                          \
    X(FILE_EXISTS, 1, "file-exists")                                                                             \
    X(FILE_CANNOT_WRITE, 1, "file-cannot-write")                                                                 \
    X(FILE_CANNOT_READ, 1, "file-cannot-read")                                                                   \
    X(EXPORT_TOO_LONG, 3, "export-text-too-long")                                                                \
    X(EXPORT_RENDER, 1, "export-writer-failed")                                                                  \
    X(SNAPSHOT_NO_DATA, 3, "snapshot-no-data")                                                                   \
    X(SNAPSHOT_BAD_DATA, 3, "snapshot-data-damaged")                                                             \
    X(SNAPSHOT_NO_MANIFEST, 3, "snapshot-no-manifest")                                                           \
    X(SNAPSHOT_BAD_MANIFEST, 3, "snapshot-manifest-damaged")                                                     \
    /* the command line */                                                                                       \
    X(ARG_NOT_UTF8, 2, "argument-not-utf8")                                                                      \
    X(NUMBER_OUT_OF_RANGE, 2, "number-out-of-range")                                                             \
    /* hospital <-> vendor exchange: bundles, keys, sheets handed back, reconciliation (exchange) */             \
    X(BUNDLE_TOO_BIG, 3, "bundle-too-big")                                                                       \
    X(BUNDLE_NOT_UTF8, 3, "bundle-not-utf8")                                                                     \
    X(BUNDLE_NOT_JSON, 3, "bundle-not-json")                                                                     \
    X(BUNDLE_DUPLICATE_KEY, 3, "bundle-duplicate-key")                                                           \
    X(BUNDLE_UNKNOWN_KEY, 3, "bundle-unknown-key")                                                               \
    X(BUNDLE_STRING_TOO_LONG, 3, "bundle-string-too-long")                                                       \
    X(BUNDLE_MISSING, 3, "bundle-field-missing")                                                                 \
    X(BUNDLE_TYPE, 3, "bundle-field-wrong-type")                                                                 \
    X(BUNDLE_BAD_VALUE, 3, "bundle-field-bad-value")                                                             \
    X(BUNDLE_FORMAT, 3, "bundle-format-unknown")                                                                 \
    X(BUNDLE_DIGEST, 3, "bundle-digest-mismatch")                                                                \
    X(BUNDLE_SIGNATURE, 3, "bundle-signature-bad")                                                               \
    X(BUNDLE_SIGNER_UNKNOWN, 3, "bundle-signer-unknown")                                                         \
    X(BUNDLE_CATALOG_UNKNOWN, 3, "bundle-catalog-unknown")                                                       \
    X(BUNDLE_ITEM_UNKNOWN, 3, "bundle-item-unknown")                                                             \
    X(BUNDLE_VALUE_UNKNOWN, 3, "bundle-answer-value-unknown")                                                    \
    X(BUNDLE_VERSION_MISMATCH, 3, "bundle-catalog-version-mismatch")                                             \
    X(BUNDLE_NO_TARGET, 1, "bundle-no-assessment")                                                               \
    X(BUNDLE_TARGET_COUNT, 2, "bundle-into-count")                                                               \
    X(KEY_MISSING, 1, "key-missing")                                                                             \
    X(KEY_INVALID, 3, "key-invalid")                                                                             \
    X(SHEET_NOT_OURS, 3, "sheet-not-for-vendor")                                                                 \
    X(SHEET_UNEXPECTED, 3, "sheet-unexpected")                                                                   \
    X(SHEET_FORMULA, 3, "sheet-formula")                                                                         \
    X(SHEET_VALUE, 3, "sheet-value-unknown")                                                                     \
    X(SHEET_DATE, 3, "sheet-date-malformed")                                                                     \
    X(SHEET_ITEM, 3, "sheet-item-unknown")                                                                       \
    X(AGREE_WITH_REQUIRED, 3, "agree-counterpart-required")                                                      \
    X(AGREE_NOTHING, 3, "agree-side-has-no-answer")                                                              \
    X(OFFER_NOT_FOUND, 1, "offer-not-found")                                                                     \
    X(OFFER_NOT_OPEN, 3, "offer-not-open")

typedef enum {
#define STATUS_ENUM(code, exit, id) STATUS_##code,
    STATUS_CODES(STATUS_ENUM)
#undef STATUS_ENUM
        STATUS__COUNT
} status_code;

/* What went wrong, for the message. Every member is optional; strings are owned. `field` and
 * `entity` are identifiers ("due", "isms_expiry", "vendor") shown through status_label, so they
 * read in the UI language; anything else (an option name, a catalog "id@version", a path) is shown
 * as it is. value, item and extra are shown verbatim. Zero-initialise; release with
 * status_detail_free. */
typedef struct {
    status_code code;
    char *field;  /* the field, column or option at fault */
    char *value;  /* the value that caused it, as given */
    char *entity; /* what it concerns: a catalog "id@version", a database path, an era, a kind of record */
    char *item;   /* a catalog item id */
    char *extra;  /* supporting text: the accepted values, SQLite's message, a date range, a form */
    int64_t id;   /* an assessment, proposal, vendor or system number; 0 = none */
    int64_t num;  /* another number (a schema version, a count, a fiscal year); 0 = none */
    int line, col; /* position in a file (with entity = the file); 0 when unknown */
} status_detail;

/* The same members as borrowed values, for status_fail with a compound literal:
 *   return status_fail(err, &(status_info){STATUS_ITEM_NOT_FOUND, .item = id, .entity = label}); */
typedef struct {
    status_code code;
    const char *field, *value, *entity, *item, *extra;
    int64_t id, num;
    int line, col;
} status_info;

/* Replaces *d (which may be NULL: then only the code is returned) by copies of `in`; returns in->code. */
status_code status_fail(status_detail *d, const status_info *in);
/* Sets d->field when the failure named none (a front end naming the option or label it asked for). */
void status_set_field(status_detail *d, const char *field);
/* The code of a failure a callee reported in d; STATUS_INTERNAL when it reported none. */
status_code status_failed(const status_detail *d);
void status_detail_free(status_detail *d);

const char *status_name(status_code c);  /* the message id, "item-not-found"; "?" when out of range */
int status_exit_code(status_code c);     /* 0..4 */

/* The message template of a code (NULL when the table lacks one; tests check none does). */
const char *status_template(status_code c, bool english);

/* A field or entity identifier in the UI language ("due" → 目標日 / "due (目標日)"); an unknown
 * identifier is returned as it is. */
const char *status_label(const char *id, bool english);

/* The message of d in Japanese or English: the code's template with {field} {value} {entity}
 * {item} {extra} {id} {num} {line} {col} filled in, where a [bracketed part] is left out unless
 * every placeholder in it has a value. Caller frees. Never NULL. */
char *status_format(const status_detail *d, bool english);

#endif
