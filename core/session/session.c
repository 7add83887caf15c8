#include "session.h"

#include <stdlib.h>

#include "catalog/lib.h"

bool session_env_english(void)
{
    const char *env_lang = getenv("ANZEN_LANG");
    if (str_eq(env_lang, "en") || str_eq(env_lang, "ja"))
        return str_eq(env_lang, "en");
    const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(vars); i++) {
        const char *v = getenv(vars[i]);
        if (!str_empty(v))
            return !str_starts(v, "ja");
    }
    return true;
}

status_code session_open(const session_opts *o, store **out, diag_list *warnings, status_detail *err)
{
    *out = NULL;
    char *path = paths_db(o->db_path);
    if (!path)
        return status_fail(err, &(status_info){.code = STATUS_DB_NO_PLACE});
    store *st = NULL;
    status_code r = store_open(path, 0, &st, err);
    free(path);
    if (r != STATUS_OK)
        return r;
    strlist dirs = {0};
    paths_catalog_dirs(&dirs);
    r = catalog_sync(st, &dirs, warnings, NULL, err);
    sl_free(&dirs);
    if (r != STATUS_OK) {
        store_close(st);
        return r;
    }
    *out = st;
    return STATUS_OK;
}
