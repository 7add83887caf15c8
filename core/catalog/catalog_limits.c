#include "catalog_limits.h"

#include <yaml.h>
#include <stdlib.h>

static void refuse(diag_list *diags, const char *name, const yaml_mark_t *m, const char *what)
{
    diag_add(diags, name, (int)m->line + 1, (int)m->column + 1, "%s", what);
}

bool catalog_limits_check(const char *name, const char *data, size_t len, diag_list *diags)
{
    if (len > CATALOG_MAX_BYTES) {
        diag_add(diags, name, 1, 1, "the file is %zu bytes; a catalog file may be at most %zu MiB (%zu bytes)", len,
                 CATALOG_MAX_BYTES >> 20, CATALOG_MAX_BYTES);
        return false;
    }
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        diag_add(diags, name, 0, 0, "cannot start the YAML parser (out of memory)");
        return false;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
    bool ok = true, done = false;
    int depth = 0, documents = 0;
    while (ok && !done) {
        yaml_event_t e;
        if (!yaml_parser_parse(&p, &e))
            break; /* a syntax error: the loader reports it */
        switch (e.type) {
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1) {
                refuse(diags, name, &e.start_mark, "a catalog file holds one YAML document; another starts here");
                ok = false;
            }
            break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (++depth > CATALOG_MAX_DEPTH) {
                char *m = xasprintf("lists and mappings are nested more than %d deep here", CATALOG_MAX_DEPTH);
                refuse(diags, name, &e.start_mark, m);
                free(m);
                ok = false;
            }
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: depth--; break;
        case YAML_ALIAS_EVENT: {
            char *m = xasprintf("YAML aliases (*%s) are not allowed in a catalog; write the value out",
                                (const char *)e.data.alias.anchor);
            refuse(diags, name, &e.start_mark, m);
            free(m);
            ok = false;
            break;
        }
        case YAML_STREAM_END_EVENT: done = true; break;
        default: break;
        }
        yaml_event_delete(&e);
    }
    yaml_parser_delete(&p);
    return ok;
}
