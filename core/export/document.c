#include "document.h"

#include <stdlib.h>
#include <string.h>

static const document *const documents[] = {&document_checklist, &document_kakuninhyo, &document_gaps,
                                            &document_disclosure};

size_t document_count(void)
{
    return AZ_ARRAY_LEN(documents);
}

const document *document_at(size_t i)
{
    return i < AZ_ARRAY_LEN(documents) ? documents[i] : NULL;
}

const document *document_find(const char *name)
{
    for (size_t i = 0; name && i < AZ_ARRAY_LEN(documents); i++)
        if (str_eq(documents[i]->name, name))
            return documents[i];
    return NULL;
}

bool document_fits(const document *d, const char *catalog_kind)
{
    if (!d->kinds)
        return !str_eq(catalog_kind, "crosswalk");
    for (const char *const *k = d->kinds; *k; k++)
        if (str_eq(*k, catalog_kind))
            return true;
    return false;
}

const char *document_kinds_text(const document *d)
{
    static char buf[128];
    if (!d->kinds)
        return "any";
    buf[0] = 0;
    for (const char *const *k = d->kinds; *k; k++) {
        if (k != d->kinds)
            strncat(buf, ", ", sizeof buf - strlen(buf) - 1);
        strncat(buf, *k, sizeof buf - strlen(buf) - 1);
    }
    return buf;
}

status_code document_build(const document *d, store *st, int64_t id, const char *date, bool english,
                           export_doc **out, status_detail *err)
{
    *out = NULL;
    doc_source src;
    status_code r = doc_source_open(st, id, date, english, &src, err);
    if (r != STATUS_OK)
        return r;
    if (!document_fits(d, src.cat->kind)) {
        char *label = catalog_label(src.cat);
        r = status_fail(err, &(status_info){STATUS_DOCUMENT_NOT_FIT, .value = d->name, .extra = document_kinds_text(d),
                                            .id = id, .entity = label, .field = src.cat->kind});
        free(label);
        doc_source_close(&src);
        return r;
    }
    *out = d->build(&src);
    doc_source_close(&src);
    return STATUS_OK;
}

/* Appends s with the characters a file name should not hold (path separators, spaces, control
 * and shell-special characters) as "_". */
static void add_name_part(strbuf *sb, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        bool bad = *p < 0x20 || *p == 0x7f || strchr("/\\:*?\"<>| \t'`$&;", *p);
        sb_addc(sb, bad ? '_' : (char)*p);
    }
}

char *document_default_name(const document *d, const doc_source *src, const char *extension)
{
    strbuf sb = {0};
    add_name_part(&sb, d->file_stem);
    sb_addc(&sb, '_');
    if (src->as.scope == SCOPE_SYSTEM && src->as.system_name)
        add_name_part(&sb, src->as.system_name);
    else
        add_name_part(&sb, src->cat->version);
    if (src->as.vendor_name) {
        sb_addc(&sb, '_');
        add_name_part(&sb, src->as.vendor_name);
    }
    sb_addc(&sb, '_');
    sb_add(&sb, src->date);
    sb_add(&sb, extension ? extension : "");
    return sb_take(&sb);
}
