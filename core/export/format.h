/* The renderer interface: one export_format per file format, each in its own render_*.c, all
 * listed in format.c. A new format is one file plus one line in that list.
 *
 * Errors are a status plus where it happened (a path, or a cell such as "シート!B12"); core builds
 * no sentences, the CLI and TUI word them. */
#ifndef ANZEN_EXPORT_FORMAT_H
#define ANZEN_EXPORT_FORMAT_H

#include <stdio.h>

#include "base/lib.h"
#include "doc.h"

typedef enum {
    EXPORT_OK = 0,
    EXPORT_ERR_EXISTS,     /* the target exists and force was not given; where = path */
    EXPORT_ERR_IO,         /* a system call failed; sys_errno set, where = path */
    EXPORT_ERR_FORMAT,     /* no format of that name or extension; where = the name or path */
    EXPORT_ERR_TOO_LONG,   /* a cell exceeds what the format can hold; where = the cell */
    EXPORT_ERR_RENDER,     /* the format's library failed; lib_code = its error, where = what */
} export_status;

typedef struct {
    export_status status;
    int sys_errno; /* EXPORT_ERR_IO */
    int lib_code;  /* EXPORT_ERR_RENDER: the library's own error number */
    char *where;   /* owned; NULL when nothing more precise is known */
} export_error;

void export_error_clear(export_error *err);
/* Records the status (and where, printf-style) in err when err is not NULL; returns status. */
export_status export_fail(export_error *err, export_status status, const char *where_fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The status's symbolic name ("exists", "io", …), for logs and tests. */
const char *export_status_name(export_status s);
/* The failure in the status model (base/status.h), for the front ends' messages in the UI
 * language: FILE_EXISTS, FILE_CANNOT_WRITE (with strerror), FORMAT_FROM_PATH, EXPORT_TOO_LONG or
 * EXPORT_RENDER, naming e->where, else path. Returns the code (STATUS_OK for EXPORT_OK). A front
 * end may put how to replace an existing file (its option or setting) in the extra of FILE_EXISTS. */
status_code export_error_status(const export_error *e, const char *path, status_detail *err);

/* Where a renderer writes: an open temporary file and its path. Stream formats write to fp;
 * formats whose library opens the file itself (XLSX) write to path. */
typedef struct {
    FILE *fp;
    const char *path;
    export_error *err; /* may be NULL */
} export_sink;

typedef struct {
    const char *name;       /* the --format value: "csv" */
    const char *extension;  /* ".csv" */
    const char *media_type; /* "text/csv" */
    export_status (*render)(const export_doc *doc, export_sink *out);
} export_format;

extern const export_format export_format_csv;
extern const export_format export_format_html;
extern const export_format export_format_md;
extern const export_format export_format_json;
extern const export_format export_format_xlsx;

size_t export_format_count(void);
const export_format *export_format_at(size_t i);
const export_format *export_format_by_name(const char *name);
/* From the path's extension (case-insensitive; ".markdown" and ".htm" too). */
const export_format *export_format_by_path(const char *path);

/* Stream renderers finish with this: flushes fp and turns a write error into EXPORT_ERR_IO. */
export_status export_sink_finish(export_sink *out);

#endif
