/* The export document model: what a document is, independent of its file format.
 *
 * A document builder (checklist, MDS/SDS sheet, gap report, contract annex, …) fills one
 * export_doc; every renderer (core/export/render_*.c) reads it. The model holds UTF-8 text only,
 * each string an owned copy made when it is added, so a builder may pass temporaries; one
 * export_doc_free releases everything. Text is stored as given: escaping, control-character
 * removal and formula neutralisation happen in the renderers (escape.h), so every format sees
 * the same facts.
 *
 * Layout: a title block (title, subtitle, key/value rows such as 施設名 / 作成日), then sections in
 * order. A section has a heading and blocks in order: paragraphs, tables, numbered note lists
 * (備考 1, 2, …) and progress-bar blocks. A table's columns are described once (id, header text,
 * width hint in terminal columns, kind, wrap); its rows are either cell rows (one cell per
 * column) or group rows whose label spans the table. */
#ifndef ANZEN_EXPORT_DOC_H
#define ANZEN_EXPORT_DOC_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    EXPORT_COL_TEXT,   /* free text */
    EXPORT_COL_MARK,   /* a short mark (○, ✓, はい) centred in its column */
    EXPORT_COL_DATE,   /* ISO YYYY-MM-DD; a real date cell in XLSX when it is one */
    EXPORT_COL_NUMBER, /* a decimal number; a number cell in XLSX when it parses as one */
} export_col_kind;

/* How a builder describes a column, usually in a static const array. */
typedef struct {
    const char *id;     /* stable key (JSON, CSS class): ASCII, e.g. "ref" */
    const char *header; /* header text shown to people, e.g. "項番" */
    int width;          /* width hint in terminal columns (全角 = 2); 0 = fit the content */
    export_col_kind kind;
    bool wrap;          /* long text wraps inside the cell instead of widening the column */
} export_column_def;

typedef struct {
    char *id, *header;
    int width;
    export_col_kind kind;
    bool wrap;
} export_column;

typedef enum {
    EXPORT_ROW_CELLS, /* one cell per column */
    EXPORT_ROW_GROUP, /* a label spanning the whole table (a chapter, a responsible party) */
} export_row_kind;

typedef struct {
    export_row_kind kind;
    char **cells; /* CELLS: ncols strings, "" for an empty cell; GROUP: cells[0] is the label */
} export_row;

typedef struct {
    char *id;      /* stable key, e.g. "items" */
    char *caption; /* may be NULL */
    export_column *cols;
    size_t ncols;
    export_row *rows;
    size_t nrows, rows_cap;
    bool repeat_header; /* header row repeated on every printed page (default true) */
} export_table;

typedef struct {
    char *title; /* e.g. "備考"; may be NULL */
    char **items; /* numbered 1.. in order */
    size_t len, cap;
} export_notes;

typedef struct {
    char *label;
    long done, total;
} export_bar;

typedef struct {
    char *caption; /* may be NULL */
    export_bar *bars;
    size_t len, cap;
} export_progress;

typedef enum {
    EXPORT_BLOCK_PARAGRAPH,
    EXPORT_BLOCK_TABLE,
    EXPORT_BLOCK_NOTES,
    EXPORT_BLOCK_PROGRESS,
} export_block_kind;

typedef struct {
    export_block_kind kind;
    union {
        char *paragraph;
        export_table *table;
        export_notes *notes;
        export_progress *progress;
    } u;
} export_block;

typedef struct {
    char *heading;
    char *sheet; /* short name for the section's XLSX worksheet; NULL = derived from the heading */
    bool page_break; /* start on a new printed page (HTML); XLSX sections are sheets anyway */
    export_block *blocks;
    size_t len, cap;
} export_section;

typedef struct {
    char *key, *value;
} export_meta;

typedef struct {
    char *id;       /* document kind, e.g. "checklist"; used as the JSON "document" field */
    char *title, *subtitle;
    char *date;     /* ISO YYYY-MM-DD: the document date; the only date any renderer writes */
    char *author;   /* document property (XLSX), meta author (HTML); may be NULL */
    char *lang;     /* BCP 47, default "ja" */
    export_meta *meta; /* title-block rows in order */
    size_t meta_len, meta_cap;
    export_section **sections; /* pointers, so a section stays put while more are added */
    size_t len, cap;
} export_doc;

/* A new document; id and title are required (NULL is taken as ""). */
export_doc *export_doc_new(const char *id, const char *title);
void export_doc_free(export_doc *doc);

void export_doc_set_subtitle(export_doc *doc, const char *subtitle);
void export_doc_set_date(export_doc *doc, const char *iso_date);
void export_doc_set_author(export_doc *doc, const char *author);
void export_doc_set_lang(export_doc *doc, const char *lang);
/* A title-block row, e.g. ("施設名", "テスト総合病院"). */
void export_doc_meta(export_doc *doc, const char *key, const char *value);

/* A new section at the end; the pointer stays valid until the document is freed. */
export_section *export_section_add(export_doc *doc, const char *heading);
void export_section_set_sheet(export_section *sec, const char *sheet_name);

void export_paragraph_add(export_section *sec, const char *text);

/* A table with ncols columns copied from defs. The pointer stays valid until the document is freed. */
export_table *export_table_add(export_section *sec, const char *id, const char *caption,
                               const export_column_def *defs, size_t ncols);
/* One cell row: exactly t->ncols cells; a NULL cell is empty. */
void export_table_row(export_table *t, const char *const *cells);
/* A group row: a label spanning the table. */
void export_table_group(export_table *t, const char *label);

export_notes *export_notes_add(export_section *sec, const char *title);
/* Appends a note and returns its number (1-based), for the 備考 column of a table row. */
size_t export_note_add(export_notes *notes, const char *text);

export_progress *export_progress_add(export_section *sec, const char *caption);
/* One bar; done is clamped to 0..total and total to ≥ 0. */
void export_bar_add(export_progress *p, const char *label, long done, long total);

/* Widest column count of any table (at least 2, for key/value rows): CSV pads every record to
 * it, XLSX spans titles and paragraphs across it. */
size_t export_doc_width(const export_doc *doc);

const char *export_col_kind_name(export_col_kind k);

#endif
