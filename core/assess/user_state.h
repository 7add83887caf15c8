/* Per-user state of the workbench, keyed by the actor's name (session_actor: --user, $ANZEN_USER
 * or the login): the item each user last visited in each assessment, so opening it again returns
 * there, the party they answer as in it (hospital / vendor / agreed), and the settings a user
 * chose (auto-advance in the tree). This is where a person was and
 * how they like to work, not part of any record: it is kept apart from the assessments and their
 * history (no history row, not in exports or snapshots) and each call is one statement. */
#ifndef ANZEN_ASSESS_USER_STATE_H
#define ANZEN_ASSESS_USER_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/lib.h"
#include "store/lib.h"

/* The item `actor` last visited in the assessment into *item_id (caller frees), NULL when none. */
status_code user_state_last_item(store *s, const char *actor, int64_t assessment_id, char **item_id,
                                 status_detail *err);
/* Remembers item_id as the item `actor` last visited in the assessment (ASSESSMENT_NOT_FOUND when
 * there is no such assessment). Writes nothing when it is the one remembered already. */
status_code user_state_set_last_item(store *s, const char *actor, int64_t assessment_id, const char *item_id,
                                     status_detail *err);

/* The party `actor` last answered as in the assessment, by its stored name ("hospital", "vendor",
 * "agreed"; answer_party_parse) into *party (caller frees), NULL when never chosen. */
status_code user_state_party(store *s, const char *actor, int64_t assessment_id, char **party, status_detail *err);
/* Remembers the party (its name as above) `actor` answers as in the assessment; writes nothing
 * when it is the one remembered already. ASSESSMENT_NOT_FOUND when there is no such assessment. */
status_code user_state_set_party(store *s, const char *actor, int64_t assessment_id, const char *party,
                                 status_detail *err);

/* The settings, each a yes/no with its default (the table in user_state.c). */
typedef enum {
    USER_PREF_AUTO_ADVANCE, /* in the tree: after an answer, move to the next open item (default no) */
    USER_PREF__COUNT
} user_pref;
/* The stored name of a setting ("auto_advance"). */
const char *user_state_pref_name(user_pref p);
/* The setting of `actor` into *on: what they chose, else the default. */
status_code user_state_pref_get(store *s, const char *actor, user_pref p, bool *on, status_detail *err);
status_code user_state_pref_set(store *s, const char *actor, user_pref p, bool on, status_detail *err);

#endif
