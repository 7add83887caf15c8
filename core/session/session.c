#include "session.h"

#include <pwd.h>
#include <stdlib.h>
#include <strings.h>
#include <unistd.h>

#include "catalog/lib.h"

bool session_login_shared(const char *login, unsigned uid)
{
    static const char *const roles[] = {"root", "admin", "administrator", "user", "guest",  "anzen",
                                        "pi",   "ubuntu", "debian",       "kiosk", "staff", "shared"};
    if (uid == 0 || str_empty(login))
        return true;
    for (size_t i = 0; i < AZ_ARRAY_LEN(roles); i++)
        if (strcasecmp(login, roles[i]) == 0)
            return true;
    return false;
}

const char *session_actor(const session_opts *o, bool *shared)
{
    if (shared)
        *shared = false;
    if (o && !str_empty(o->user))
        return o->user;
    const char *named = getenv("ANZEN_USER");
    if (!str_empty(named))
        return named;
    const char *login = NULL;
    const char *vars[] = {"USER", "LOGNAME"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(vars) && str_empty(login); i++)
        login = getenv(vars[i]);
    if (str_empty(login)) {
        /* Over SSH or in a service, USER may be unset: the account name still says who it was. */
        const struct passwd *pw = getpwuid(geteuid());
        login = pw && !str_empty(pw->pw_name) ? pw->pw_name : NULL;
    }
    if (shared)
        *shared = session_login_shared(login, (unsigned)geteuid());
    return str_empty(login) ? "unknown" : login;
}

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
    /* Only the default place is created with its directories; a path typed by the user must name
     * an existing directory, so a typo does not create a fresh empty database somewhere. */
    int flags = paths_db_explicit(o->db_path) ? STORE_OPEN_NO_MKDIR : 0;
    status_code r = store_open(path, flags, &st, err);
    free(path);
    if (r != STATUS_OK)
        return r;
    /* The start reads in one snapshot (a catalog import ends it, and so does any write): the
     * front end ends it before it waits for input. */
    store_snapshot_begin(st);
    strlist dirs = {0};
    r = paths_catalog_dirs(&dirs, err);
    if (r != STATUS_OK) {
        sl_free(&dirs);
        store_close(st);
        return r;
    }
    r = catalog_sync(st, &dirs, warnings, NULL, err);
    sl_free(&dirs);
    if (r != STATUS_OK) {
        store_close(st);
        return r;
    }
    *out = st;
    return STATUS_OK;
}
