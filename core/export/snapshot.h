/* The inspection snapshot (立入検査用): one self-contained HTML page holding every answer of some
 * assessments - all parties, dates, notes, evidence, sign-offs, header fields - and a summary of
 * their history, readable offline in a browser, plus a SHA-256 manifest to show it was not
 * changed afterwards.
 *
 * The facts are one canonical JSON document ("anzen-snapshot/1"): a list of entries, each with a
 * stable id ("assessment/3", "answer/3/c7-2-01/hospital", "history/3"), printed by cJSON without
 * whitespace in a fixed key order. The manifest holds the SHA-256 (nettle) of every entry's
 * canonical text and of the whole document ("overall"). Both are embedded in the page as
 * <script type="application/json"> data blocks (never executed; "<", ">" and "&" written as
 * \u escapes so the text cannot end the element), and the readable part of the page is rendered
 * from that JSON alone through the export model and the HTML renderer.
 *
 * So verifying is: read the data block, recompute the manifest and the whole page from it, and
 * compare with the file. Any change of a byte anywhere shows: in the data (the entries whose hash
 * no longer matches the stored manifest are named), in the manifest (those entries again), or in
 * the readable part (the page differs from what its data gives; the first differing byte is
 * named). A forger who rewrites data and manifest together is caught only by the overall hash
 * recorded elsewhere (the CLI prints it; note it in the inspection record). */
#ifndef ANZEN_EXPORT_SNAPSHOT_H
#define ANZEN_EXPORT_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/lib.h"
#include "store/lib.h"

#define SNAPSHOT_HASH_HEX 65 /* 64 hex digits and the NUL */

/* Builds the page for assessments ids[0..n) (date ISO, NULL = today). *page (caller frees) gets
 * the bytes, *overall the hex SHA-256 of the canonical JSON. ASSESSMENT_NOT_FOUND names a
 * missing assessment, DATE_NOT_ISO (field "date") a bad date; a failed read is its status. */
status_code snapshot_build(store *st, const int64_t *ids, size_t n, const char *date, char **page, size_t *len,
                           char overall[SNAPSHOT_HASH_HEX], status_detail *err);

typedef enum {
    SNAPSHOT_ENTRY_CHANGED, /* its hash differs from the manifest's */
    SNAPSHOT_ENTRY_ADDED,   /* in the data, not in the manifest */
    SNAPSHOT_ENTRY_REMOVED, /* in the manifest, not in the data */
} snapshot_change;

typedef struct {
    char *id;
    snapshot_change change;
} snapshot_diff;

typedef enum {
    SNAPSHOT_READABLE = 0,
    SNAPSHOT_NO_DATA,      /* no data block: not an anzen snapshot, or cut */
    SNAPSHOT_BAD_DATA,     /* the data block is not JSON of this format */
    SNAPSHOT_NO_MANIFEST,
    SNAPSHOT_BAD_MANIFEST,
} snapshot_problem;

typedef struct {
    bool ok;               /* nothing changed */
    snapshot_problem problem; /* the blocks could not be read: nothing else is filled */
    size_t entries;        /* entries in the data */
    snapshot_diff *diffs;  /* entries that changed */
    size_t ndiffs;
    bool overall_changed;  /* the overall hash differs from the manifest's */
    bool page_changed;     /* the readable part differs from what the data gives */
    size_t page_offset;    /* page_changed: the first differing byte */
    char overall[SNAPSHOT_HASH_HEX]; /* recomputed from the data */
} snapshot_check;

/* Checks a snapshot's bytes. Always fills *out (release with snapshot_check_free). */
void snapshot_verify(const char *data, size_t len, snapshot_check *out);
void snapshot_check_free(snapshot_check *c);

#endif
