/* Parameters of a contract's clauses (report deadlines, connection method, …): typed as the
 * clause library declares them (integer, text, boolean, date, enum), defaulting to the catalog's
 * default, set per contract and clause. Values are validated here, so both front ends refuse the
 * same input with the same reason. */
#ifndef ANZEN_CONTRACT_PARAM_H
#define ANZEN_CONTRACT_PARAM_H

#include <stdbool.h>

#include "clause.h"

/* Longest text value, in characters (a clause parameter is a phrase, not a document). */
#define CONTRACT_PARAM_MAX_CHARS 2000

/* Checks a value against the parameter's type and returns it normalised in *out (caller frees):
 * integer: optional sign and digits (full-width digits accepted), within ±1,000,000,000;
 * boolean: true/false/yes/no/はい/いいえ → "true"/"false"; date: any jpdate form → ISO;
 * enum: one of the choices (exactly); text: cleaned of control characters, not empty, at most
 * CONTRACT_PARAM_MAX_CHARS characters. Otherwise PARAM_EMPTY, PARAM_NOT_INTEGER, PARAM_NOT_BOOLEAN,
 * PARAM_NOT_UTF8, PARAM_CONTROL_CHAR, PARAM_TOO_LONG, PARAM_NOT_A_CHOICE or jpdate's status, with
 * the parameter's name as the field. */
status_code contract_param_check(const clause_param *p, const char *value, char **out, status_detail *err);

typedef struct {
    const contract_clause *clause;
    const clause_param *def;
    char *value;     /* the value in force: the contract's, else the default */
    bool is_default; /* no value set for this contract */
} contract_param_value;

typedef struct {
    contract_param_value *items; /* clause order, then parameter order */
    size_t len;
} contract_param_list;

/* The parameters of every clause of the list (included or not). */
status_code contract_params(store *s, int64_t contract_id, const contract_clause_list *clauses,
                          contract_param_list *out, status_detail *err);
void contract_param_list_free(contract_param_list *l);
/* The value in force of one parameter, or NULL. */
const contract_param_value *contract_param_find(const contract_param_list *l, const char *clause_id,
                                                const char *name);

/* Sets a value (validated as above); NULL or "" returns the parameter to its default.
 * CLAUSE_NOT_FOUND / PARAM_NOT_FOUND for an unknown clause or parameter, a PARAM_* code (see
 * contract_param_check) for a value that does not fit. */
status_code contract_param_set(store *s, int64_t contract_id, const char *clause, const char *name, const char *value,
                             const char *who, status_detail *err);

/* The clause's annex text (Japanese, or English when asked and present) with each {{name}}
 * replaced by its value in force; placeholders are replaced once, so a value containing "{{"
 * stays as it is. Caller frees. */
char *contract_clause_text(const contract_clause *cl, const contract_param_list *params, bool english);

#endif
