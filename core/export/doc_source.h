/* What a document builder reads: one assessment with everything around it, loaded once.
 *
 * doc_source_open gathers the assessment, its catalog, every stored answer (all parties), the
 * organisation, the system and vendor of a system-scoped assessment and the document date, so a
 * builder (doc_checklist.c, doc_gaps.c, …) only walks memory and describes rows. Builders show
 * the effective answer of an item (answers.h: agreed, else hospital, else vendor); the snapshot
 * shows every party.
 *
 * The helpers below turn stored values into the words a document prints (answer labels, the
 * responsible party with its vendor, evidence lines); they are shared so every document says the
 * same thing the same way. */
#ifndef ANZEN_EXPORT_DOC_SOURCE_H
#define ANZEN_EXPORT_DOC_SOURCE_H

#include <stdbool.h>
#include <stdint.h>

#include "assess/lib.h"
#include "catalog/lib.h"
#include "store/lib.h"
#include "text/lib.h"
#include "workspace/lib.h"
#include "doc.h"

typedef struct {
    store *st;           /* borrowed */
    assessment as;
    catalog *cat;        /* owned */
    answer_set answers;
    bool have_org, have_system, have_vendor;
    ws_org org;
    ws_system sys;       /* SCOPE_SYSTEM only */
    ws_vendor vendor;    /* the assessment's vendor, when it has one */
    assess_field_list fields; /* the catalog's header fields as entered for this assessment */
    char date[11];       /* the document date, ISO */
    jp_date today;       /* the same date: "overdue" is judged against it */
    bool english;        /* labels of answers and headings in English (document chrome stays Japanese) */
} doc_source;

/* Loads assessment `id`. date is ISO "YYYY-MM-DD" or NULL for today (jpdate_today, which honours
 * ANZEN_NOW). ASSESSMENT_NOT_FOUND, CATALOG_GONE, DATE_NOT_ISO (field "date") for a bad date, or
 * the status of a failed read (a missing organisation, system or vendor is no failure: the
 * document leaves those rows empty). */
status_code doc_source_open(store *st, int64_t id, const char *date, bool english, doc_source *out,
                            status_detail *err);
void doc_source_close(doc_source *src);

/* The effective answer of an item, NULL when unanswered. */
const answer *doc_source_answer(const doc_source *src, const char *item_id);
/* The catalog's label of an answer value ("はい"); "" for NULL, the value itself when unknown. */
const char *doc_source_value_label(const doc_source *src, const char *value);
/* The meaning of an answer's value, false when unanswered or unknown. */
bool doc_source_meaning(const doc_source *src, const answer *x, answer_meaning *out);
/* "医療機関" / "事業者（A社）" / "共同（A社）" / "対象外", from the answer's owner, else the item's
 * default responsibility; "" when neither is set. Caller frees. */
char *doc_source_owner_text(const doc_source *src, const catalog_node *n, const answer *x);
/* The responsible party the way the gap report groups it (answer's, else the item default). */
responsibility doc_source_owner(const catalog_node *n, const answer *x);
/* The linked register entries one per line: title, the reference in （）when it is not the
 * title, 見直し期限 with 期限切れ / 見直し時期 as of the document date; "" when none. Caller frees. */
char *doc_source_evidence_text(const doc_source *src, const answer *x);
/* One entry's line as above. Caller frees. */
char *doc_source_evidence_line(const doc_source *src, const answer_evidence *e);
/* The note column: "理由: …" (the answer's reason) on the first line, then the note; "" when
 * neither. Caller frees. */
char *doc_source_note_text(const answer *x);
/* The heading or item title in the document language, falling back to its text. */
const char *doc_source_node_title(const doc_source *src, const catalog_node *n);
/* The scope line: "PACS（A社）" or "医療機関全体". Caller frees. */
char *doc_source_scope_text(const doc_source *src);
/* Title-block rows every document starts with: 施設名, 対象システム, 事業者, 年度, 様式, the
 * catalog's header fields (doc_source_field_meta), 承認 when signed off, 作成日. */
void doc_source_meta(const doc_source *src, export_doc *doc);
/* One title-block row per header field of the catalog, in catalog order (label: value; "" when
 * not entered, so the block shows what is missing). */
void doc_source_field_meta(const doc_source *src, export_doc *doc);
/* The value of header field key, "" when not entered. */
const char *doc_source_field(const doc_source *src, const char *key);

/* Japanese names of the responsible parties ("医療機関", …; "" for RESP_NONE). */
const char *doc_resp_label(responsibility r);

#endif
