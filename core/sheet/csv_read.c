#include "csv_read.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    char **fields;
    size_t n, cap;
    size_t line;
} csv_row;

struct csv_table {
    csv_row *rows;
    size_t n, cap;
    csv_encoding encoding;
    bool bom;
};

const char *csv_encoding_name(csv_encoding e)
{
    return e == CSV_ENCODING_UTF8 ? "UTF-8" : e == CSV_ENCODING_CP932 ? "CP932" : "auto";
}

/* ---- encodings ---- */

/* Length of the valid UTF-8 sequence at p (1-4), 0 when invalid (overlong, surrogate, > U+10FFFF,
 * truncated) or a NUL byte. */
static size_t utf8_len(const unsigned char *p, size_t left)
{
    unsigned char c = p[0];
    if (c == 0)
        return 0;
    if (c < 0x80)
        return 1;
    size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!n || n > left)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F) || (c == 0xF0 && p[1] < 0x90) ||
        (c == 0xF4 && p[1] > 0x8F))
        return 0;
    return n;
}

/* Offset of the first invalid byte, or len when all of it is UTF-8 text. */
static size_t utf8_invalid_at(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        size_t n = utf8_len(p + i, len - i);
        if (!n)
            return i;
        i += n;
    }
    return len;
}

static bool cp932_lead(unsigned char c)
{
    return (c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC);
}

/* Line (1-based) and column in characters (1-based) of byte offset `at` of the raw text. */
static void position_of(const char *s, size_t at, csv_encoding enc, int *line, int *col)
{
    const unsigned char *p = (const unsigned char *)s;
    int l = 1, c = 1;
    size_t i = 0;
    while (i < at) {
        if (p[i] == '\n') {
            l++, c = 1, i++;
            continue;
        }
        size_t n = 1;
        if (enc == CSV_ENCODING_CP932 && cp932_lead(p[i]))
            n = 2;
        else if (enc == CSV_ENCODING_UTF8)
            n = utf8_len(p + i, at - i) ? utf8_len(p + i, at - i) : 1;
        i += n, c++;
    }
    *line = l;
    *col = c;
}

static status_code not_text(const char *name, const char *raw, size_t at, csv_encoding enc, status_detail *err)
{
    int line, col;
    position_of(raw, at, enc, &line, &col);
    return status_fail(err, &(status_info){STATUS_CSV_NOT_TEXT, .entity = name, .line = line, .col = col,
                                           .extra = enc == CSV_ENCODING_UTF8 ? "UTF-8" : "Shift_JIS (CP932)"});
}

/* CP932 → UTF-8 with iconv; an invalid or truncated sequence (or a NUL) is CSV_NOT_TEXT. */
static status_code cp932_to_utf8(const char *name, const char *raw, size_t len, char **out, size_t *outlen,
                                 status_detail *err)
{
    const char *nul = memchr(raw, '\0', len);
    iconv_t cd = iconv_open("UTF-8", "CP932");
    if (cd == (iconv_t)-1)
        return status_fail(err, &(status_info){STATUS_INTERNAL, .extra = "iconv has no CP932"});
    size_t cap = len * 3 / 2 + 16, used = 0;
    char *buf = xmalloc(cap);
    size_t inleft = nul ? (size_t)(nul - raw) : len;
    char *copy = xmalloc(inleft + 1); /* iconv(3) takes a char ** */
    memcpy(copy, raw, inleft);
    char *in = copy;
    while (inleft) {
        char *o = buf + used;
        size_t oleft = cap - used - 1;
        size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
        used = (size_t)(o - buf);
        if (rc != (size_t)-1)
            break;
        if (errno == E2BIG) {
            cap *= 2;
            buf = xrealloc(buf, cap);
            continue;
        }
        size_t at = (size_t)(in - copy);
        iconv_close(cd);
        free(buf);
        free(copy);
        return not_text(name, raw, at, CSV_ENCODING_CP932, err);
    }
    iconv_close(cd);
    free(copy);
    if (nul) {
        free(buf);
        return not_text(name, raw, (size_t)(nul - raw), CSV_ENCODING_CP932, err);
    }
    buf[used] = '\0';
    *out = buf;
    *outlen = used;
    return STATUS_OK;
}

/* ---- records ---- */

static csv_row *row_new(csv_table *t, size_t line)
{
    GROW(t->rows, t->cap, t->n + 1);
    csv_row *r = &t->rows[t->n++];
    *r = (csv_row){.line = line};
    return r;
}

static void field_push(csv_row *r, strbuf *sb)
{
    GROW(r->fields, r->cap, r->n + 1);
    r->fields[r->n++] = sb->len ? sb_take(sb) : xstrdup("");
    sb_free(sb);
}

static status_code quote_fail(status_code code, const char *name, size_t line, size_t record, size_t field,
                              status_detail *err)
{
    return status_fail(err, &(status_info){code, .entity = name, .line = (int)line, .num = (int64_t)record,
                                           .col = (int)field});
}

static status_code parse(csv_table *t, const char *name, const char *s, size_t len, char delim, status_detail *err)
{
    size_t i = 0, line = 1;
    while (i < len) {
        csv_row *r = row_new(t, line);
        for (;;) { /* one field */
            strbuf sb = {0};
            if (i < len && s[i] == '"') {
                size_t start_line = line;
                i++;
                for (;;) {
                    if (i >= len) {
                        sb_free(&sb);
                        return quote_fail(STATUS_CSV_QUOTE_OPEN, name, start_line, t->n, r->n + 1, err);
                    }
                    if (s[i] == '"') {
                        if (i + 1 < len && s[i + 1] == '"') {
                            sb_addc(&sb, '"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (s[i] == '\n')
                        line++;
                    sb_addc(&sb, s[i++]);
                }
                if (i < len && s[i] != delim && s[i] != '\n' && s[i] != '\r') {
                    sb_free(&sb);
                    return quote_fail(STATUS_CSV_QUOTE_STRAY, name, line, t->n, r->n + 1, err);
                }
            } else {
                while (i < len && s[i] != delim && s[i] != '\n' && s[i] != '\r') {
                    if (s[i] == '"') {
                        sb_free(&sb);
                        return quote_fail(STATUS_CSV_QUOTE_STRAY, name, line, t->n, r->n + 1, err);
                    }
                    sb_addc(&sb, s[i++]);
                }
            }
            field_push(r, &sb);
            if (i < len && s[i] == delim) {
                i++;
                continue;
            }
            break;
        }
        /* end of record: CRLF, LF, a lone CR, or the end of the text */
        if (i < len && s[i] == '\r')
            i++;
        if (i < len && s[i] == '\n')
            i++;
        line++;
    }
    return STATUS_OK;
}

status_code csv_read_buffer(const char *name, const char *data, size_t len, const csv_options *opts, csv_table **out,
                            status_detail *err)
{
    *out = NULL;
    csv_encoding enc = opts ? opts->encoding : CSV_ENCODING_AUTO;
    char delim = opts && opts->delimiter ? opts->delimiter : ',';
    if (len > CSV_MAX_BYTES)
        return status_fail(err, &(status_info){STATUS_CSV_TOO_BIG, .entity = name, .num = CSV_MAX_BYTES});
    bool bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
    if (bom && enc != CSV_ENCODING_CP932) {
        data += 3;
        len -= 3;
        enc = CSV_ENCODING_UTF8;
    }
    size_t bad = utf8_invalid_at(data, len);
    if (enc == CSV_ENCODING_AUTO)
        enc = bad == len ? CSV_ENCODING_UTF8 : CSV_ENCODING_CP932;
    char *conv = NULL;
    size_t convlen = 0;
    if (enc == CSV_ENCODING_UTF8) {
        if (bad != len)
            return not_text(name, data, bad, CSV_ENCODING_UTF8, err);
    } else {
        status_code r = cp932_to_utf8(name, data, len, &conv, &convlen, err);
        if (r != STATUS_OK)
            return r;
        data = conv;
        len = convlen;
    }
    csv_table *t = xcalloc(1, sizeof *t);
    t->encoding = enc;
    t->bom = bom;
    status_code r = parse(t, name, data, len, delim, err);
    free(conv);
    if (r != STATUS_OK) {
        csv_free(t);
        return r;
    }
    *out = t;
    return STATUS_OK;
}

status_code csv_read_file(const char *path, const csv_options *opts, csv_table **out, status_detail *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    struct stat stt;
    if (!f || fstat(fileno(f), &stt) != 0 || !S_ISREG(stt.st_mode)) {
        status_code r = status_fail(err, &(status_info){STATUS_FILE_CANNOT_READ, .entity = path,
                                                        .extra = f ? "not a regular file" : strerror(errno)});
        if (f)
            fclose(f);
        return r;
    }
    if ((unsigned long long)stt.st_size > CSV_MAX_BYTES) {
        fclose(f);
        return status_fail(err, &(status_info){STATUS_CSV_TOO_BIG, .entity = path, .num = CSV_MAX_BYTES});
    }
    size_t len = (size_t)stt.st_size;
    char *data = xmalloc(len + 1);
    size_t got = fread(data, 1, len, f);
    bool failed = ferror(f) || got != len;
    fclose(f);
    if (failed) {
        free(data);
        return status_fail(err, &(status_info){STATUS_FILE_CANNOT_READ, .entity = path, .extra = "short read"});
    }
    status_code r = csv_read_buffer(path, data, len, opts, out, err);
    free(data);
    return r;
}

void csv_free(csv_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++) {
        for (size_t k = 0; k < t->rows[i].n; k++)
            free(t->rows[i].fields[k]);
        free(t->rows[i].fields);
    }
    free(t->rows);
    free(t);
}

csv_encoding csv_table_encoding(const csv_table *t)
{
    return t->encoding;
}

bool csv_table_had_bom(const csv_table *t)
{
    return t->bom;
}

size_t csv_row_count(const csv_table *t)
{
    return t->n;
}

size_t csv_field_count(const csv_table *t, size_t row)
{
    return row < t->n ? t->rows[row].n : 0;
}

const char *csv_field(const csv_table *t, size_t row, size_t col)
{
    return row < t->n && col < t->rows[row].n ? t->rows[row].fields[col] : "";
}

size_t csv_row_line(const csv_table *t, size_t row)
{
    return row < t->n ? t->rows[row].line : 0;
}
