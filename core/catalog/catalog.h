/* The catalog model: one instrument (guideline volume, checklist form, 確認表, MDS/SDS form,
 * clause library or crosswalk) in one version. The YAML format is documented in data/README.md. */
#ifndef ANZEN_CATALOG_H
#define ANZEN_CATALOG_H

#include <stdbool.h>

#include "base/lib.h"

/* A text in Japanese (always present where required) and optionally English. */
typedef struct {
    char *ja;
    char *en;
} i18n_text;

/* The text in the UI language, falling back to Japanese. Never NULL (may be ""). */
const char *i18n_get(const i18n_text *t, bool english);

typedef enum { MEANING_POSITIVE, MEANING_PARTIAL, MEANING_NEGATIVE, MEANING_NA, MEANING__COUNT } answer_meaning;
const char *answer_meaning_name(answer_meaning m);
bool answer_meaning_parse(const char *s, answer_meaning *out);

typedef struct {
    char *value; /* stored in the database, e.g. "yes" */
    i18n_text label;
    answer_meaning meaning;
    char key; /* TUI key, 0 when none */
    bool needs_reason; /* answering it asks for a one-line reason (対象外, いいえ) */
} answer_def;

typedef enum { DATE_CHECKED = 1, DATE_DUE = 2, DATE_DONE = 4 } date_field;

typedef enum { NODE_HEADING, NODE_ITEM } node_kind;

typedef enum { RESP_NONE, RESP_HOSPITAL, RESP_VENDOR, RESP_JOINT, RESP_NA } responsibility;
const char *responsibility_name(responsibility r); /* "hospital", … ; "" for NONE */
bool responsibility_parse(const char *s, responsibility *out);

typedef enum { PARAM_INTEGER, PARAM_TEXT, PARAM_BOOLEAN, PARAM_DATE, PARAM_ENUM } param_type;
const char *param_type_name(param_type t);

typedef struct {
    char *name;
    param_type type;
    char *default_value; /* as text */
    i18n_text unit, label;
    strlist choices;
} clause_param;

typedef struct {
    char *to_catalog;
    char *to_version; /* NULL = any version */
    char *to_node;
    char *rel;
    int line, col; /* where the reference was written */
} node_map;

typedef struct {
    char *id;
    char *parent; /* NULL for top level */
    char *ref;    /* printed reference, may be NULL for headings */
    node_kind kind;
    i18n_text title, text, guidance;
    char *actor;
    responsibility resp;
    strlist tags;
    int target_fy; /* 0 when not set */
    char *source;
    bool verified;
    node_map *maps;
    size_t nmaps, capmaps;
    clause_param *params;
    size_t nparams, capparams;
    i18n_text annex;
    strlist triggers;
    int depth; /* 0 for top level, computed */
    int line, col;
} catalog_node;

typedef struct {
    char *from_catalog, *from_version, *from_node;
    char *to_catalog, *to_version, *to_node;
    char *rel;
    i18n_text note;
    char *source;
    bool verified;
    int from_line, from_col, to_line, to_col;
} catalog_mapping;

typedef struct {
    char *id;
    i18n_text label;
} tag_def;

/* A typed header field of the form, filled once per assessment (not per item): the product name,
 * version, date of issue … of an MDS/SDS sheet. Values are stored per assessment with history
 * (assess/assess_field.h). */
typedef enum { CATALOG_FIELD_TEXT, CATALOG_FIELD_DATE, CATALOG_FIELD_CHOICE } catalog_field_type;
const char *catalog_field_type_name(catalog_field_type t); /* "text" "date" "choice" */
bool catalog_field_type_parse(const char *s, catalog_field_type *out);

typedef struct {
    char *key; /* [a-z0-9_]+, unique in the catalog */
    i18n_text label;
    catalog_field_type type;
    strlist choices; /* CATALOG_FIELD_CHOICE: the allowed values, in order */
} catalog_field;

typedef struct {
    char *path; /* file it came from */
    char *id, *version;
    int revision;
    char *kind; /* guideline | checklist | kakuninhyo | disclosure | clauses | crosswalk */
    i18n_text title, short_title;
    char *publisher, *published;
    char *source_title, *source_url;
    char *completeness; /* complete | partial | skeleton */
    i18n_text completeness_note;
    answer_def *answers;
    size_t nanswers, capanswers;
    unsigned dates; /* date_field bits */
    tag_def *tags;
    size_t ntags, captags;
    catalog_field *fields; /* header fields, in form order */
    size_t nfields, capfields;
    catalog_node *nodes;
    size_t nnodes, capnodes;
    catalog_mapping *mappings;
    size_t nmappings, capmappings;
    /* catalog_find_node's index: node id -> position, for nodes[0 .. nodes_indexed). */
    strindex node_index;
    size_t nodes_indexed;
    /* catalog_node_parent's index: the position of each indexed node's parent, -1 at the top. */
    long *parent_pos;
} catalog;

void catalog_free(catalog *c);
/* Constant time for the nodes indexed by catalog_index, a scan for those added since. */
const catalog_node *catalog_find_node(const catalog *c, const char *id);
/* A node named as a user types it: its id, else its printed reference ("1-②", "2-(7) サーバ"),
 * items before headings. NULL when neither matches. */
const catalog_node *catalog_find_node_or_ref(const catalog *c, const char *key);
/* Indexes the nodes added since the last call (loaders call it after adding nodes): by id, and
 * each node's parent (an earlier node, as the format requires). */
void catalog_index(catalog *c);
/* The position of node i's parent in c->nodes, -1 for a top-level node or an unknown parent.
 * Constant time for indexed nodes (the parent walk of progress and counts). */
long catalog_node_parent(const catalog *c, size_t i);
const answer_def *catalog_find_answer(const catalog *c, const char *value);
const catalog_field *catalog_find_field(const catalog *c, const char *key);
size_t catalog_item_count(const catalog *c);
/* "id@version" for messages. Caller frees. */
char *catalog_label(const catalog *c);

/* Parses a reference "catalog:node" or "catalog@version:node". false when malformed. */
bool catalog_parse_ref(const char *s, char **cat, char **ver, char **node);

#endif
