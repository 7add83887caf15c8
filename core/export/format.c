#include "format.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/lib.h"

static const export_format *const formats[] = {
    &export_format_csv, &export_format_html, &export_format_md, &export_format_json, &export_format_xlsx,
};

size_t export_format_count(void)
{
    return AZ_ARRAY_LEN(formats);
}

const export_format *export_format_at(size_t i)
{
    return i < AZ_ARRAY_LEN(formats) ? formats[i] : NULL;
}

const export_format *export_format_by_name(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < AZ_ARRAY_LEN(formats); i++)
        if (strcasecmp(formats[i]->name, name) == 0)
            return formats[i];
    if (strcasecmp(name, "markdown") == 0)
        return &export_format_md;
    return NULL;
}

const export_format *export_format_by_path(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    const char *dot = path ? strrchr(slash ? slash : path, '.') : NULL;
    if (!dot)
        return NULL;
    for (size_t i = 0; i < AZ_ARRAY_LEN(formats); i++)
        if (strcasecmp(formats[i]->extension, dot) == 0)
            return formats[i];
    if (strcasecmp(dot, ".markdown") == 0)
        return &export_format_md;
    if (strcasecmp(dot, ".htm") == 0)
        return &export_format_html;
    return NULL;
}

void export_error_clear(export_error *err)
{
    if (!err)
        return;
    free(err->where);
    *err = (export_error){0};
}

export_status export_fail(export_error *err, export_status status, const char *where_fmt, ...)
{
    if (!err)
        return status;
    int saved = errno;
    free(err->where);
    err->where = NULL;
    err->status = status;
    if (where_fmt) {
        va_list ap;
        va_start(ap, where_fmt);
        err->where = xvasprintf(where_fmt, ap);
        va_end(ap);
    }
    if (status == EXPORT_ERR_IO && !err->sys_errno)
        err->sys_errno = saved;
    return status;
}

status_code export_error_status(const export_error *e, const char *path, status_detail *err)
{
    const char *where = e->where ? e->where : path;
    switch (e->status) {
    case EXPORT_OK:
        return STATUS_OK;
    case EXPORT_ERR_EXISTS:
        return status_fail(err, &(status_info){STATUS_FILE_EXISTS, .entity = where});
    case EXPORT_ERR_IO:
        return status_fail(err, &(status_info){STATUS_FILE_CANNOT_WRITE, .entity = where,
                                                .extra = e->sys_errno ? strerror(e->sys_errno) : NULL});
    case EXPORT_ERR_FORMAT:
        return status_fail(err, &(status_info){STATUS_FORMAT_FROM_PATH, .entity = where});
    case EXPORT_ERR_TOO_LONG:
        return status_fail(err, &(status_info){STATUS_EXPORT_TOO_LONG, .entity = where});
    case EXPORT_ERR_RENDER:
        return status_fail(err, &(status_info){STATUS_EXPORT_RENDER, .entity = where, .num = e->lib_code});
    }
    return status_fail(err, &(status_info){STATUS_INTERNAL, .extra = export_status_name(e->status)});
}

const char *export_status_name(export_status s)
{
    switch (s) {
    case EXPORT_OK:
        return "ok";
    case EXPORT_ERR_EXISTS:
        return "exists";
    case EXPORT_ERR_IO:
        return "io";
    case EXPORT_ERR_FORMAT:
        return "format";
    case EXPORT_ERR_TOO_LONG:
        return "too-long";
    case EXPORT_ERR_RENDER:
        return "render";
    }
    return "unknown";
}

export_status export_sink_finish(export_sink *out)
{
    if (fflush(out->fp) != 0 || ferror(out->fp)) {
        if (out->err)
            out->err->sys_errno = errno ? errno : EIO;
        return export_fail(out->err, EXPORT_ERR_IO, "%s", out->path ? out->path : "");
    }
    return EXPORT_OK;
}
