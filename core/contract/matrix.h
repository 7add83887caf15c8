/* The 責任分界表 (responsibility matrix) of a contract: components (server OS, middleware,
 * application, client PCs, network / VPN devices, cloud layers, lines, medical devices) ×
 * phases (通常時 / 非常時 / 契約終了時); each cell names a party — 医療機関, 事業者 (which vendor),
 * 共同 or 対象外 — with an optional note.
 *
 * A cell the user has not set is pre-filled: first from the responsible party recorded on an
 * answer in a linked assessment (an item the cell's clause cites), else by our rule for the
 * component and phase from the included clauses and the systems' facts (matrix.c, `rules`; a
 * proposal to negotiate, not an official split). Each cell says where it came from (basis). */
#ifndef ANZEN_CONTRACT_MATRIX_H
#define ANZEN_CONTRACT_MATRIX_H

#include <stdbool.h>

#include "clause.h"
#include "open_items.h"

typedef enum {
    COMP_SERVER_OS,
    COMP_MIDDLEWARE,
    COMP_APPLICATION,
    COMP_CLIENT,
    COMP_NETWORK,
    COMP_CLOUD,
    COMP_LINE,
    COMP_MEDICAL_DEVICE,
    COMP__COUNT
} contract_component;

typedef enum { PHASE_NORMAL, PHASE_EMERGENCY, PHASE_EXIT, PHASE__COUNT } contract_phase;

typedef struct {
    const char *code; /* "server-os", "normal" */
    const char *ja, *en;
} contract_label_def;

extern const contract_label_def contract_components[COMP__COUNT];
extern const contract_label_def contract_phases[PHASE__COUNT];
/* Code, Japanese or English name (case-insensitive); false when unknown. */
bool contract_component_parse(const char *s, contract_component *out);
bool contract_phase_parse(const char *s, contract_phase *out);
/* hospital / vendor / joint / na, or 医療機関 / 事業者 / 共同 / 対象外. */
bool contract_party_parse(const char *s, responsibility *out);
/* 医療機関 / 事業者 / 共同 / 対象外 (hospital / vendor / joint / n/a). */
const char *contract_party_label(responsibility r, bool english);

typedef enum { CELL_RULE, CELL_ANSWER, CELL_SET } contract_cell_origin;

typedef struct {
    responsibility party;  /* never RESP_NONE */
    int64_t vendor_id;     /* RESP_VENDOR / RESP_JOINT: the vendor; 0 none */
    char *vendor_name;     /* read-only */
    char *note;            /* NULL when none */
    contract_cell_origin origin;
    char *basis;           /* "C23, C05" or "チェックリスト 2-⑥" (the answer); NULL for CELL_SET */
} contract_cell;

typedef struct {
    contract_cell cells[COMP__COUNT][PHASE__COUNT];
} contract_matrix;

/* The matrix of a contract: stored cells, the rest pre-filled (see above). `linked` are the
 * answers of the linked assessments (open_items.h). */
status_code contract_matrix_get(store *s, const contract *c, const contract_clause_list *clauses,
                              const contract_links *linked, contract_matrix *out, status_detail *err);
void contract_matrix_free(contract_matrix *m);

/* "事業者（A社）", "共同（A社）", "医療機関". Caller frees. */
char *contract_cell_text(const contract_cell *cell, bool english);

/* Sets one cell. vendor_id 0 = the contract's vendor (for 事業者 / 共同). note NULL = keep the
 * stored note, "" = clear. */
status_code contract_matrix_set(store *s, int64_t contract_id, contract_component comp, contract_phase phase,
                              responsibility party, int64_t vendor_id, const char *note, const char *who,
                              status_detail *err);
/* Forgets a stored cell, so it is pre-filled again. */
status_code contract_matrix_reset(store *s, int64_t contract_id, contract_component comp, contract_phase phase,
                                const char *who, status_detail *err);

#endif
