#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void out_of_memory(size_t n)
{
    fprintf(stderr, "anzen: out of memory (%zu bytes)\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        n = 0;
    char *p = xmalloc((size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = xvasprintf(fmt, ap);
    va_end(ap);
    return p;
}

void util_grow_array(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return;
    size_t n = *cap ? *cap * 2 : 8;
    while (n < need)
        n *= 2;
    *items = xrealloc(*items, n * elem);
    memset((char *)*items + *cap * elem, 0, (n - *cap) * elem);
    *cap = n;
}

void xfree(void *pp)
{
    void **p = pp;
    free(*p);
    *p = NULL;
}

void sb_addn(strbuf *sb, const char *s, size_t n)
{
    GROW(sb->data, sb->cap, sb->len + n + 1);
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

void sb_add(strbuf *sb, const char *s)
{
    sb_addn(sb, s, strlen(s));
}

void sb_addc(strbuf *sb, char c)
{
    sb_addn(sb, &c, 1);
}

void sb_addf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    sb_add(sb, s);
    free(s);
}

const char *sb_str(const strbuf *sb)
{
    return sb->data ? sb->data : "";
}

char *sb_take(strbuf *sb)
{
    char *s = sb->data ? sb->data : xstrdup("");
    *sb = (strbuf){0};
    return s;
}

void sb_reset(strbuf *sb)
{
    sb->len = 0;
    if (sb->data)
        sb->data[0] = '\0';
}

void sb_free(strbuf *sb)
{
    free(sb->data);
    *sb = (strbuf){0};
}

bool str_empty(const char *s)
{
    return !s || !*s;
}

str_num str_to_int64(const char *s, int64_t min, int64_t max, int64_t *out)
{
    if (!s || !*s)
        return STR_NUM_BAD;
    const char *p = s[0] == '-' ? s + 1 : s;
    if (!*p)
        return STR_NUM_BAD;
    for (const char *q = p; *q; q++)
        if (*q < '0' || *q > '9')
            return STR_NUM_BAD;
    errno = 0;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (errno == ERANGE || v < min || v > max)
        return STR_NUM_RANGE;
    *out = (int64_t)v;
    return STR_NUM_OK;
}

bool str_starts(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

void sl_push_owned(strlist *sl, char *s)
{
    GROW(sl->items, sl->cap, sl->len + 1);
    sl->items[sl->len++] = s;
}

void sl_push(strlist *sl, const char *s)
{
    sl_push_owned(sl, xstrdup(s));
}

bool sl_contains(const strlist *sl, const char *s)
{
    for (size_t i = 0; i < sl->len; i++)
        if (str_eq(sl->items[i], s))
            return true;
    return false;
}

void sl_free(strlist *sl)
{
    for (size_t i = 0; i < sl->len; i++)
        free(sl->items[i]);
    free(sl->items);
    *sl = (strlist){0};
}

int util_write_file_atomic(const char *path, const char *data, size_t len, int mode)
{
    char *tmp = xasprintf("%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return -1;
    }
    int saved = 0;
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            saved = errno;
            break;
        }
        off += (size_t)w;
    }
    if (!saved && fchmod(fd, (mode_t)mode) != 0)
        saved = errno;
    if (!saved && fsync(fd) != 0)
        saved = errno;
    if (close(fd) != 0 && !saved)
        saved = errno;
    if (!saved && rename(tmp, path) != 0)
        saved = errno;
    if (saved) {
        unlink(tmp);
        free(tmp);
        errno = saved;
        return -1;
    }
    free(tmp);
    return 0;
}

char *util_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    strbuf sb = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_addn(&sb, buf, n);
    int err = ferror(f);
    fclose(f);
    if (err) {
        sb_free(&sb);
        errno = EIO;
        return NULL;
    }
    if (len)
        *len = sb.len;
    return sb_take(&sb);
}

char *util_read_regular_file(const char *path, size_t max, size_t *len)
{
    /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    int saved = 0;
    if (fstat(fd, &st) != 0)
        saved = errno;
    else if (!S_ISREG(st.st_mode))
        saved = EINVAL;
    else if ((unsigned long long)st.st_size > max)
        saved = EFBIG;
    strbuf sb = {0};
    char buf[65536];
    while (!saved) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            saved = errno;
        else if (n == 0)
            break;
        else if (sb.len + (size_t)n > max) /* grew while being read */
            saved = EFBIG;
        else
            sb_addn(&sb, buf, (size_t)n);
    }
    close(fd);
    if (saved) {
        sb_free(&sb);
        errno = saved;
        return NULL;
    }
    if (len)
        *len = sb.len;
    return sb_take(&sb);
}
