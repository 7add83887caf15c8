/* libFuzzer target: the catalog loader on arbitrary bytes. Any crash, leak, undefined behaviour
 * or hang (libFuzzer's -timeout) is a finding; a clean refusal with diagnostics is the expected
 * outcome for nearly every input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "catalog/lib.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list d = {0};
    catalog *c = catalog_load_buffer("fuzz.yaml", (const char *)data, size, &d);
    if (c) {
        catalog_item_count(c);
        catalog_free(c);
    }
    for (size_t i = 0; i < d.len; i++) /* every diagnostic must format */
        free(diag_format(&d.items[i]));
    diag_free(&d);
    return 0;
}
