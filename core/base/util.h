/* Allocation that never returns NULL, growable strings, small string helpers. */
#ifndef ANZEN_UTIL_H
#define ANZEN_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define AZ_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define AZ_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Out of memory is not recoverable for an interactive tool: these abort with a message. */
void *xmalloc(size_t n) __attribute__((malloc, returns_nonnull));
void *xcalloc(size_t count, size_t size) __attribute__((malloc, returns_nonnull));
void *xrealloc(void *p, size_t n) __attribute__((returns_nonnull));
char *xstrdup(const char *s) __attribute__((malloc, returns_nonnull));
char *xstrndup(const char *s, size_t n) __attribute__((malloc, returns_nonnull));
char *xasprintf(const char *fmt, ...) AZ_PRINTF(1, 2) __attribute__((malloc, returns_nonnull));
char *xvasprintf(const char *fmt, va_list ap) AZ_PRINTF(1, 0) __attribute__((malloc, returns_nonnull));

/* Grows *items (of *cap slots of elem bytes) so that index `need - 1` is valid. */
void util_grow_array(void **items, size_t *cap, size_t need, size_t elem);
#define GROW(arr, cap, need) util_grow_array((void **)&(arr), &(cap), (need), sizeof(*(arr)))

/* Frees *p and sets it to NULL. */
void xfree(void *pp);

/* A growable NUL-terminated byte string. Zero-initialise; release with sb_free. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
} strbuf;

void sb_add(strbuf *sb, const char *s);
void sb_addn(strbuf *sb, const char *s, size_t n);
void sb_addc(strbuf *sb, char c);
void sb_addf(strbuf *sb, const char *fmt, ...) AZ_PRINTF(2, 3);
const char *sb_str(const strbuf *sb); /* never NULL */
char *sb_take(strbuf *sb);            /* caller owns the result; sb is reset */
void sb_reset(strbuf *sb);
void sb_free(strbuf *sb);

static inline bool str_eq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}
bool str_empty(const char *s);
bool str_starts(const char *s, const char *prefix);
/* s as a decimal integer (optional leading '-', nothing else): STR_NUM_OK with *out set,
 * STR_NUM_BAD (not a number) or STR_NUM_RANGE (a number outside min..max, overflow included). */
typedef enum { STR_NUM_OK, STR_NUM_BAD, STR_NUM_RANGE } str_num;
str_num str_to_int64(const char *s, int64_t min, int64_t max, int64_t *out);

/* A list of owned strings. */
typedef struct {
    char **items;
    size_t len;
    size_t cap;
} strlist;

void sl_push(strlist *sl, const char *s);
void sl_push_owned(strlist *sl, char *s);
bool sl_contains(const strlist *sl, const char *s);
void sl_free(strlist *sl);

/* Writes `len` bytes to `path` via a temporary file in the same directory and rename(2),
 * so readers see the old file or the new one, never half of it. Returns 0 or -1 (errno set). */
int util_write_file_atomic(const char *path, const char *data, size_t len, int mode);

/* Reads a whole file; NULL with errno set on failure. *len receives the size. */
char *util_read_file(const char *path, size_t *len);
/* The same for input that may be hostile: only a regular file (a FIFO, device or directory is
 * refused at once with EINVAL, without blocking or reading), and at most `max` bytes (EFBIG). */
char *util_read_regular_file(const char *path, size_t max, size_t *len);

#endif
