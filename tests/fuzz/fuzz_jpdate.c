/* libFuzzer target: the date parser (ISO, 和暦, fiscal years) on arbitrary text. Besides crashes
 * it checks round trips: a date that parses is a real date, and its ISO and era forms parse back
 * to the same day. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/lib.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void same_day(jp_date a, const char *text, const char *form)
{
    jp_date b;
    status_detail err = {0};
    if (!jpdate_parse(text, &b, &err) || jpdate_cmp(a, b) != 0) {
        char *m = err.code ? status_format(&err, true) : xstrdup("other day");
        fprintf(stderr, "round trip through the %s form \"%s\" failed: %s\n", form, text, m);
        free(m);
        abort();
    }
    status_detail_free(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256)
        return 0;
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = 0;
    jp_date d;
    status_detail err = {0};
    if (jpdate_parse(s, &d, &err)) {
        if (!jpdate_valid(d.y, d.m, d.d)) {
            fprintf(stderr, "\"%s\" parsed to an impossible date %d-%d-%d\n", s, d.y, d.m, d.d);
            abort();
        }
        char iso[11];
        jpdate_format_iso(d, iso);
        if (!jpdate_is_iso(iso) && d.y >= 1 && d.y <= 9999)
            abort();
        if (d.y >= 1 && d.y <= 9999)
            same_day(d, iso, "ISO");
        char *w = jpdate_format_wareki(d, false);
        same_day(d, w, "era");
        free(w);
        w = jpdate_format_wareki(d, true);
        same_day(d, w, "short era");
        free(w);
        jpdate_fiscal_year(d);
    }
    status_detail_free(&err);
    int fy;
    if (jpdate_parse_fy(s, &fy, &err)) {
        free(jpdate_fy_label(fy, false));
        free(jpdate_fy_label_both(fy, true));
    }
    status_detail_free(&err);
    jpdate_is_iso(s);
    free(s);
    return 0;
}
