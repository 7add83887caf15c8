/* Which item of the new catalog takes over each answered item of the old one, for a carry
 * (assess_carry): the same node id, or the item a loaded catalog declares with
 * `rel: supersedes` (from = the new item, to = the old one it replaces, e.g. the
 * xw-checklist-r6-r7 crosswalk). A declared mapping wins over a same id. Where several old items
 * map onto one new item, it is carried only when what would be copied is identical for every
 * party; otherwise none of them is, and each is listed. What does not map is listed too; the old
 * assessment keeps it, readable as before. */
#ifndef ANZEN_ASSESS_CARRY_MAP_H
#define ANZEN_ASSESS_CARRY_MAP_H

#include "answers.h"

enum {
    CARRY_KEEP_VALUES = 1, /* also copy the answer values */
    CARRY_KEEP_DATES = 2,  /* also copy 確認日 目標日 完了日 */
};

typedef enum {
    CARRY_SKIP_UNMAPPED,      /* no item of the new catalog takes this one over */
    CARRY_SKIP_MERGE_DIFFERS, /* merged into `into` with other items whose answers differ */
} carry_skip_reason;

typedef struct {
    char *from_item, *to_item;
    bool crosswalk; /* through a declared mapping, not the same id */
} carry_pair;

typedef struct {
    char *item_id, *ref; /* of the old catalog; ref may be NULL */
    i18n_text title;     /* the old item's title (or text when it has none) */
    carry_skip_reason why;
    char *into, *into_ref; /* CARRY_SKIP_MERGE_DIFFERS: the new item */
} carry_skip;

typedef struct {
    carry_pair *pairs; /* in the old catalog's order; one old item may have several new ones */
    size_t npairs;
    carry_skip *skipped; /* in the old catalog's order */
    size_t nskipped;
} carry_plan;

/* What of `answers` (an assessment of `from`) goes where in `to`; `fields` are the CARRY_* flags
 * (assess.h) deciding which fields a merge compares. A failed read of the mappings is its status. */
status_code carry_plan_build(store *s, const catalog *from, const catalog *to, const answer_set *answers,
                             unsigned flags, carry_plan *out, status_detail *err);
void carry_plan_free(carry_plan *p);

/* Where an assessment of catalog_id@version can be carried to, for a front end to offer: the
 * other versions of the same catalog that have items, then catalogs that declare `supersedes`
 * mappings onto it (a successor with another id; version NULL = its newest). */
typedef struct {
    char *catalog_id, *version;
    bool crosswalk; /* a declared mapping exists from it onto catalog_id@version */
} carry_target;

status_code carry_targets(store *s, const char *catalog_id, const char *version, carry_target **out, size_t *n,
                          status_detail *err);
void carry_target_list_free(carry_target *list, size_t n);

#endif
