/* Writing an export to disk, atomically: the renderer writes a temporary file in the target's
 * directory (mode 0600), which is flushed, fsync'ed and then moved into place, so the target is
 * either absent, the old file (force) or the whole new one — never part of one. Without force an
 * existing target is refused, and the refusal is atomic (link(2) fails on an existing name).
 * On any failure the temporary file is removed. */
#ifndef ANZEN_EXPORT_WRITE_H
#define ANZEN_EXPORT_WRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "format.h"

export_status export_write(const export_doc *doc, const export_format *fmt, const char *path, bool force,
                           export_error *err);

/* Same, the format taken from the path's extension (EXPORT_ERR_FORMAT when there is none). */
export_status export_write_auto(const export_doc *doc, const char *path, bool force, export_error *err);

/* The same writing for a document that is not an export_doc (the contract annex): render(ctx, sink)
 * writes the temporary file through sink->fp. */
typedef export_status (*export_render_fn)(void *ctx, export_sink *out);
export_status export_write_with(export_render_fn render, void *ctx, const char *path, bool force,
                                export_error *err);

/* The same for bytes made elsewhere (the inspection snapshot): written atomically, 0600, no
 * overwrite without force. */
export_status export_write_bytes(const char *data, size_t len, const char *path, bool force, export_error *err);

#endif
