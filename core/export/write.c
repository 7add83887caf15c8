#include "write.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/lib.h"

/* The directory part of path ("." when there is none). Caller frees. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

static export_status io_fail(export_error *err, int e, const char *path)
{
    if (err)
        err->sys_errno = e;
    return export_fail(err, EXPORT_ERR_IO, "%s", path);
}

/* Moves tmp to path; without force, refuses an existing path atomically. */
static export_status put_in_place(const char *tmp, const char *path, bool force, export_error *err)
{
    if (force)
        return rename(tmp, path) == 0 ? EXPORT_OK : io_fail(err, errno, path);
    if (link(tmp, path) == 0) {
        unlink(tmp);
        return EXPORT_OK;
    }
    if (errno == EEXIST)
        return export_fail(err, EXPORT_ERR_EXISTS, "%s", path);
    if (errno != EPERM && errno != ENOTSUP && errno != ENOSYS && errno != EXDEV)
        return io_fail(err, errno, path);
    /* A file system without hard links: check, then rename (a small race we accept there). */
    struct stat st;
    if (lstat(path, &st) == 0)
        return export_fail(err, EXPORT_ERR_EXISTS, "%s", path);
    return rename(tmp, path) == 0 ? EXPORT_OK : io_fail(err, errno, path);
}

/* So the rename itself survives a crash. Best effort: some file systems refuse fsync on a directory. */
static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* The one implementation of the atomic write: every document, export_doc or not, goes through here. */
export_status export_write_with(export_render_fn render, void *ctx, const char *path, bool force,
                                export_error *err)
{
    struct stat st;
    if (!force && lstat(path, &st) == 0)
        return export_fail(err, EXPORT_ERR_EXISTS, "%s", path);

    char *dir = dir_of(path);
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    char *tmp = xasprintf("%s/.%s.tmp.XXXXXX", dir, base);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        export_status s = io_fail(err, errno, dir);
        free(tmp);
        free(dir);
        return s;
    }
    export_status s = EXPORT_OK;
    FILE *fp = NULL;
    if (fchmod(fd, 0600) != 0 || !(fp = fdopen(fd, "wb"))) {
        s = io_fail(err, errno, path);
        close(fd);
    } else {
        export_sink sink = {fp, tmp, err};
        s = render(ctx, &sink);
        if (s == EXPORT_OK && (fflush(fp) != 0 || ferror(fp)))
            s = io_fail(err, errno ? errno : EIO, path);
        if (s == EXPORT_OK && fsync(fileno(fp)) != 0)
            s = io_fail(err, errno, path);
        if (fclose(fp) != 0 && s == EXPORT_OK)
            s = io_fail(err, errno, path);
    }
    if (s == EXPORT_OK)
        s = put_in_place(tmp, path, force, err);
    if (s == EXPORT_OK)
        sync_dir(dir);
    else
        unlink(tmp);
    free(tmp);
    free(dir);
    return s;
}

typedef struct {
    const export_doc *doc;
    const export_format *fmt;
} doc_render;

static export_status render_doc(void *ctx, export_sink *out)
{
    const doc_render *d = ctx;
    return d->fmt->render(d->doc, out);
}

export_status export_write(const export_doc *doc, const export_format *fmt, const char *path, bool force,
                           export_error *err)
{
    if (!fmt)
        return export_fail(err, EXPORT_ERR_FORMAT, "%s", path ? path : "");
    doc_render d = {doc, fmt};
    return export_write_with(render_doc, &d, path, force, err);
}

typedef struct {
    const char *data;
    size_t len;
} bytes_render;

static export_status render_bytes(void *ctx, export_sink *out)
{
    const bytes_render *b = ctx;
    if (b->len && fwrite(b->data, 1, b->len, out->fp) != b->len)
        return io_fail(out->err, errno ? errno : EIO, out->path);
    return EXPORT_OK;
}

export_status export_write_bytes(const char *data, size_t len, const char *path, bool force, export_error *err)
{
    bytes_render b = {data, len};
    return export_write_with(render_bytes, &b, path, force, err);
}

export_status export_write_auto(const export_doc *doc, const char *path, bool force, export_error *err)
{
    const export_format *fmt = export_format_by_path(path);
    if (!fmt)
        return export_fail(err, EXPORT_ERR_FORMAT, "%s", path ? path : "");
    return export_write(doc, fmt, path, force, err);
}
