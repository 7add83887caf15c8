/* libFuzzer target: the XLSX reader (sheet/xlsx_read.c: libzip + libxml2) from memory.
 *
 * Mutating a zip's bytes mostly breaks its checksums, so the fuzzer reaches the XML parsing
 * through a text form of a package: parts introduced by a line "%% NAME" (make-seed.sh turns an
 * XLSX into one), zipped here with libzip before reading. Input that starts with "PK" is read as
 * a zip as it is, so the package parsing itself is fuzzed too. Every sheet is loaded and every
 * cell and merged range read. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "sheet/lib.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The text form as a zip (stored, no compression: quick). NULL when libzip fails. */
static char *zip_parts(const char *text, size_t size, size_t *len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    zip_error_fini(&ze);
    if (!z) {
        zip_source_free(src);
        return NULL;
    }
    zip_source_keep(src);
    const char *end = text + size, *p = text;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        if (line_end - p > 3 && memcmp(p, "%% ", 3) == 0) {
            char name[256];
            size_t nlen = (size_t)(line_end - p - 3);
            if (nlen >= sizeof name)
                nlen = sizeof name - 1;
            memcpy(name, p + 3, nlen);
            name[nlen] = 0;
            const char *body = nl ? nl + 1 : end, *q = body;
            while (q < end && !(q + 3 <= end && memcmp(q, "%% ", 3) == 0 && (q == body || q[-1] == '\n'))) {
                const char *n2 = memchr(q, '\n', (size_t)(end - q));
                q = n2 ? n2 + 1 : end;
            }
            zip_source_t *ps = zip_source_buffer(z, body, (size_t)(q - body), 0);
            zip_int64_t idx = ps ? zip_file_add(z, name, ps, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
            if (idx < 0)
                zip_source_free(ps);
            else
                zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
            p = q;
        } else {
            p = nl ? nl + 1 : end;
        }
    }
    char *out = NULL;
    if (zip_close(z) != 0) {
        zip_discard(z);
    } else if (zip_source_open(src) == 0) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
            out = malloc(st.size ? st.size : 1);
            zip_int64_t got = zip_source_read(src, out, st.size);
            *len = got < 0 ? 0 : (size_t)got;
        }
        zip_source_close(src);
    }
    zip_source_free(src);
    return out;
}

static void read_book(const void *bytes, size_t len)
{
    xlsx_book *book = NULL;
    xlsx_error err = {0};
    if (xlsx_open_buffer("fuzz.xlsx", bytes, len, &book, &err) == XLSX_OK) {
        for (size_t i = 0; i < xlsx_sheet_count(book) && i < 4; i++) {
            (void)xlsx_sheet_name(book, i);
            (void)xlsx_sheet_part(book, i);
            xlsx_sheet *sh = NULL;
            if (xlsx_sheet_load(book, i, &sh, &err) != XLSX_OK) {
                xlsx_error_clear(&err);
                continue;
            }
            size_t sum = 0;
            for (size_t k = 0; k < xlsx_cell_count(sh); k++) {
                const xlsx_cell *c = xlsx_cell_index(sh, k);
                char ref[16];
                xlsx_ref_format(c->row, c->col, ref);
                sum += xlsx_cell_ref(sh, ref) == c;
                sum += strlen(xlsx_merged_text_at(sh, c->row, c->col));
            }
            for (size_t k = 0; k < xlsx_merge_count(sh); k++) {
                const xlsx_range *m = xlsx_merge_at(sh, k);
                sum += xlsx_merge_find(sh, m->first_row, m->first_col) != NULL;
            }
            sum += xlsx_sheet_rows(sh) + xlsx_sheet_cols(sh);
            (void)sum;
            xlsx_sheet_free(sh);
        }
        size_t n = 0;
        free(xlsx_part_read(book, "[Content_Types].xml", &n, &err));
        xlsx_close(book);
    }
    xlsx_error_clear(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
        read_book(data, size);
        return 0;
    }
    size_t len = 0;
    char *zip = zip_parts((const char *)data, size, &len);
    if (zip)
        read_book(zip, len);
    free(zip);
    return 0;
}
