/* What is still open before an assessment is signed off: its unanswered items and its overdue
 * ones (progress.h: 目標日 before today, no 完了日, value not positive or not applicable), in
 * catalog order with their printed reference and title, so both front ends can name them and ask
 * (TUI) or want --force (CLI) before assess_signoff. */
#ifndef ANZEN_ASSESS_SIGNOFF_CHECK_H
#define ANZEN_ASSESS_SIGNOFF_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/lib.h"
#include "store/lib.h"

typedef struct {
    char *id;    /* catalog item id */
    char *ref;   /* printed reference (1-②), NULL when the item has none */
    char *title; /* in the language asked for (else the other one) */
} signoff_open_item;

typedef struct {
    signoff_open_item *unanswered, *overdue;
    size_t nunanswered, noverdue;
} signoff_open;

/* The open items of assessment `aid` as of today_iso (YYYY-MM-DD) into *out (free with
 * signoff_open_free). ASSESSMENT_NOT_FOUND / CATALOG_GONE / the database's failure with *err. */
status_code signoff_open_items(store *s, int64_t aid, const char *today_iso, bool english, signoff_open *out,
                               status_detail *err);
/* STATUS_OK when nothing is open, else SIGNOFF_OPEN_ITEMS with the counts (num = unanswered,
 * value = overdue as text; each left empty when 0) and the assessment: what the CLI reports
 * without --force. */
status_code signoff_open_status(const signoff_open *o, int64_t aid, status_detail *err);
void signoff_open_free(signoff_open *o);

#endif
