/* export/ — documents handed over and their renderers: the document model (doc), the escaping
 * rules (escape), one renderer per format behind export_format (format; render_*.c), the atomic
 * writer (write); the documents (document: doc_checklist.c, doc_kakuninhyo.c, doc_gaps.c, …)
 * built from one assessment (doc_source); the inspection snapshot and its verification
 * (snapshot); the contract annex (annex: template, annex_html, annex_docx). Private: layout.h
 * (sizes shared by the renderers), annex_parse.h (the annex Markdown as a cmark-gfm tree).
 * See export/README.md.
 * May include every folder below session. */
#ifndef ANZEN_EXPORT_LIB_H
#define ANZEN_EXPORT_LIB_H

#include "annex.h"
#include "doc.h"
#include "doc_source.h"
#include "document.h"
#include "escape.h"
#include "format.h"
#include "template.h"
#include "snapshot.h"
#include "write.h"

#endif
