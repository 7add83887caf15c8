/* Constructors of the screens (one file per screen in tui/screens/). Each returns a screen
 * owned by the caller until pushed with app_push. */
#ifndef ANZEN_TUI_SCREENS_H
#define ANZEN_TUI_SCREENS_H

#include <stdint.h>

#include "app.h"
#include "assess/lib.h"

/* Every catalog in the database: kind, id@version, title, items, completeness. */
screen *catalogs_screen_new(app *a);
/* The catalogs as a picker for a new assessment: Enter asks the fiscal year (and the system when
 * there are systems), creates the assessment and opens it. */
screen *catalogs_picker_new(app *a);
/* One catalog as a tree with the selected node's detail (read-only browsing). NULL if absent. */
screen *browse_screen_new(app *a, const char *catalog_id, const char *version);
/* An assessment in the navigator: answers, dates, party, vendor, note, undo, filters. */
screen *navigator_screen_new(app *a, int64_t assessment_id);
/* The start screen: organisation, assessments with progress; create, open, carry. */
screen *dashboard_screen_new(app *a);
/* The inventory: organisation form, vendors and systems lists with their forms. */
screen *inventory_screen_new(app *a);

/* A multi-line note editor (wide-character input, so IME text arrives whole). On ^S it calls
 * save(ctx, a, text); when that returns true the editor closes. ctx is released with free_ctx. */
typedef bool (*note_save_fn)(void *ctx, app *a, const char *text);
screen *note_screen_new(app *a, const char *title, const char *text, note_save_fn save, void *ctx,
                        void (*free_ctx)(void *));
/* The editor of a form's field: its ^S keeps the text for the form's own save, and its hint says
 * so (^S:確定, not ^S:保存). */
void note_screen_keeps(screen *s);
/* Hands the note to $EDITOR right away (the E key), then comes back to the editor. */
void note_screen_external(screen *s, app *a);

/* Forms (inventory): a list of labelled fields, Enter edits one (text in a prompt, several lines in
 * the note editor; yes/no and choices cycle), ^S saves through the caller's callback (one transaction; on failure the form
 * stays open with the message on the status line), Esc cancels. */
/* FF_LINES: several lines (procedures, documents): Enter opens the note editor, whose ^S keeps
 * the text in the form (the form's ^S saves it with the rest). */
typedef enum { FF_TEXT, FF_LINES, FF_INT, FF_DATE, FF_TRI, FF_CHOICE } form_kind;
typedef struct {
    const char *label; /* from the message table */
    form_kind kind;
    bool required;
    char *value;     /* owned; "" when empty; FF_TRI: "" / "yes" / "no"; FF_CHOICE: one of choices */
    strlist choices; /* FF_CHOICE: stored values (owned) */
    strlist labels;  /* FF_CHOICE: what is shown for each (owned) */
} form_field;
typedef bool (*form_save_fn)(void *ctx, app *a, form_field *fields, size_t n);
/* Takes ownership of fields (an array of n) and ctx. */
screen *form_screen_new(app *a, const char *title, form_field *fields, size_t n, form_save_fn save, void *ctx,
                        void (*free_ctx)(void *));

/* The keys of screen `below` (its keymap and help_extra) and the global keys, generated from the
 * tables. */
screen *help_screen_new(app *a, screen *below);

/* Sign-off (signoff.c): asks name and role on the status line, then assess_signoff (one
 * transaction). Reports on the status line; true when signed. */
bool signoff_run(app *a, int64_t assessment_id);
/* "signed" / "changed since sign-off" (shortform: "changed") with its role, NULL when not signed. */
const char *signoff_state_label(const assessment *as, bool shortform, role *r);

/* The open crosswalk proposals of an assessment (proposals.c): a accepts, r rejects. NULL if the
 * assessment is gone. */
screen *proposals_screen_new(app *a, int64_t assessment_id);
/* The history of an assessment (history.c), newest first, read in windows as the cursor moves.
 * NULL if the assessment is gone. */
screen *history_screen_new(app *a, int64_t assessment_id);
/* "テスト用チェックリスト 2-① = はい" (with_title: the source item's title too). Caller frees. */
char *proposal_source_text(app *a, const proposal *p, bool with_title);
/* The relation of a mapping in the UI language ("equal" → 同等). */
const char *proposal_rel_label(const char *rel);

/* A system's lists - ports, storage, connections, controls (syslists.c): add / edit / delete, each
 * save one ws_system_save. */
screen *syslists_screen_new(app *a, int64_t system_id);

/* The header fields of an assessment as a form (fields.c); false (with the reason on the status
 * line) when its catalog has none. */
bool fields_form_open(app *a, int64_t assessment_id);

/* The export dialog (export.c): document (those that fit the assessment's catalog), format, file
 * (a default name in the current directory) and overwrite; w writes it and shows the path written
 * or the error. NULL (reason on the status line) when the assessment is gone. */
screen *export_screen_new(app *a, int64_t assessment_id);

/* The evidence register (evidence.c): entries with review dates and state, the selected one's
 * details and uses; n adds, Enter edits, a archives. With an item (assessment_id, item_id, its
 * label for the title, the party answering) l links the selected entry to it or unlinks it;
 * item_id NULL opens the register alone. */
screen *evidence_screen_new(app *a, int64_t assessment_id, const char *item_id, const char *item_label,
                            answer_party party);
/* The workshop (workshop.c): an assessment's hospital / vendor / agreed answers side by side, with
 * keys to agree on each item (reconcile_agree). item_id (may be NULL) is selected first. NULL
 * (reason on the status line) when the assessment cannot be read. */
screen *workshop_screen_new(app *a, int64_t assessment_id, const char *item_id);
/* The dashboard's line for an assessment: "打合せ: 合意 3・相違 1・片側のみ 2"; NULL (nothing to
 * show) when no vendor answered and nothing was agreed. Caller frees. */
char *workshop_count_line(app *a, int64_t assessment_id);

/* Display name of a catalog kind ("guideline" → ガイドライン). */
const char *kind_label(const char *kind);

#endif
