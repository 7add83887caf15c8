/* The documents anzen hands over, one builder file each (doc_checklist.c, doc_kakuninhyo.c,
 * doc_gaps.c, doc_disclosure.c), listed once in document.c: a new document is one file plus one
 * line there. Each builder fills an export_doc from a doc_source; export_write renders it in any
 * format.
 *
 * A document fits some catalog kinds only (the 確認表 layout makes no sense for a checklist); the
 * front ends refuse the others with document_fits before building. */
#ifndef ANZEN_EXPORT_DOCUMENT_H
#define ANZEN_EXPORT_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "doc_source.h"

typedef struct {
    const char *name;       /* the CLI word: "checklist" */
    const char *label_ja, *label_en; /* "チェックリスト" */
    const char *file_stem;  /* start of the default file name: "チェックリスト" */
    const char *const *kinds; /* catalog kinds it fits, NULL-terminated; NULL = any with items */
    export_doc *(*build)(const doc_source *src);
} document;

extern const document document_checklist, document_kakuninhyo, document_gaps, document_disclosure;

size_t document_count(void);
const document *document_at(size_t i);
const document *document_find(const char *name);
/* Does the document fit a catalog of this kind? */
bool document_fits(const document *d, const char *catalog_kind);
/* The catalog kinds it fits, "checklist" or "checklist, kakuninhyo" (static storage; "any"). */
const char *document_kinds_text(const document *d);

/* Builds the document for assessment id (date NULL = today): DOCUMENT_NOT_FIT when it does not
 * fit the assessment's catalog (the detail names the document, the kinds it fits, the catalog and
 * its kind), or doc_source_open's status. Caller frees *out. */
status_code document_build(const document *d, store *st, int64_t id, const char *date, bool english,
                           export_doc **out, status_detail *err);

/* A default file name such as "MDS-SDS_PACS_A社_2025-04-01.xlsx" or "チェックリスト_R7_2025-04-01.xlsx":
 * the stem, the system (or the catalog version for an organisation-wide assessment), the vendor
 * when there is one, the date and the extension; characters a file name cannot hold become "_".
 * Caller frees. */
char *document_default_name(const document *d, const doc_source *src, const char *extension);

#endif
