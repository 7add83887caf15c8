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

session_status session_open(const session_opts *o, store **out, diag_list *warnings, char **err)
{
    *out = NULL;
    char *path = paths_db(o->db_path);
    if (!path)
        return SESSION_NO_PLACE;
    store *st = NULL;
    store_status s = store_open(path, 0, &st, err);
    free(path);
    if (s != STORE_OK)
        return SESSION_STORE;
    strlist dirs = {0};
    if (!paths_catalog_dirs(&dirs, err)) {
        sl_free(&dirs);
        store_close(st);
        return SESSION_NO_DATA;
    }
    int r = catalog_sync(st, &dirs, warnings, NULL, err);
    sl_free(&dirs);
    if (r != 0) {
        store_close(st);
        return SESSION_CATALOGS;
    }
    *out = st;
    return SESSION_OK;
}
