/* What an edit changed, printed from the history rows it wrote (so the CLI says exactly what was
 * recorded): "field: old → new", and for a list one "+ row" / "- row" line per added or dropped
 * row. */
#ifndef ANZEN_CLI_CHANGES_H
#define ANZEN_CLI_CHANGES_H

#include "cli_internal.h"

/* The newest history action that touched entity #id (0 when none): call before the edit. */
int64_t cli_changes_mark(cli_ctx *c, const char *entity, int64_t id);
/* Prints the rows of entity #id from actions after `mark`, or "nothing changed". */
void cli_changes_print(cli_ctx *c, const char *entity, int64_t id, int64_t mark);

#endif
