/* libFuzzer target: the CSV reader (sheet/csv_read.c) on arbitrary bytes, in each encoding
 * (auto, UTF-8, CP932) and with comma or tab. The first byte picks the options; the rest is the
 * file. Every field is read back and every failure's message formatted in both languages. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sheet/lib.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    csv_options opt = {.encoding = (csv_encoding)(data[0] % 3), .delimiter = (data[0] & 4) ? '\t' : 0};
    csv_table *t = NULL;
    status_detail err = {0};
    status_code st = csv_read_buffer("fuzz.csv", (const char *)data + 1, size - 1, &opt, &t, &err);
    if (st == STATUS_OK) {
        size_t sum = 0;
        for (size_t r = 0; r < csv_row_count(t); r++) {
            sum += csv_row_line(t, r);
            for (size_t c = 0; c <= csv_field_count(t, r); c++) /* one past the end reads "" */
                sum += strlen(csv_field(t, r, c));
        }
        (void)csv_encoding_name(csv_table_encoding(t));
        (void)csv_table_had_bom(t);
        (void)sum;
        csv_free(t);
    } else {
        free(status_format(&err, true));
        free(status_format(&err, false));
    }
    status_detail_free(&err);
    return 0;
}
