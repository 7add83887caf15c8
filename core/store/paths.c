#include "paths.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* The shipped data directory relative to the executable's directory: the same in the build tree
 * (build/bin, build/share/anzen) and in any install prefix, so neither reads the source tree. */
#ifndef ANZEN_DATADIR_FROM_BINDIR
#define ANZEN_DATADIR_FROM_BINDIR "../share/anzen"
#endif

char *paths_user_dir(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    if (!str_empty(xdg) && xdg[0] == '/')
        return xasprintf("%s/anzen", xdg);
    const char *home = getenv("HOME");
    if (str_empty(home))
        return NULL;
    return xasprintf("%s/.local/share/anzen", home);
}

char *paths_db(const char *explicit_path)
{
    if (!str_empty(explicit_path))
        return xstrdup(explicit_path);
    const char *env = getenv("ANZEN_DB");
    if (!str_empty(env))
        return xstrdup(env);
    char *dir = paths_user_dir();
    if (!dir)
        return NULL;
    char *p = xasprintf("%s/anzen.db", dir);
    free(dir);
    return p;
}

bool paths_db_explicit(const char *explicit_path)
{
    return !str_empty(explicit_path) || !str_empty(getenv("ANZEN_DB"));
}

bool paths_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *paths_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

char *paths_data_dir(void)
{
    const char *env = getenv("ANZEN_DATA_DIR");
    if (!str_empty(env))
        return xstrdup(env);
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    char *dir = paths_dirname(buf);
    const char *rel = ANZEN_DATADIR_FROM_BINDIR;
    while (strncmp(rel, "../", 3) == 0) { /* <prefix>/share/anzen reads better than bin/../share */
        char *up = paths_dirname(dir);
        free(dir);
        dir = up;
        rel += 3;
    }
    char *data = xasprintf("%s/%s", str_eq(dir, "/") ? "" : dir, rel);
    free(dir);
    return data;
}

char *paths_templates_dir(void)
{
    const char *env = getenv("ANZEN_TEMPLATES_DIR");
    if (!str_empty(env))
        return xstrdup(env);
    char *data = paths_data_dir();
    if (!data)
        return NULL;
    char *t = xasprintf("%s/templates", data);
    free(data);
    return t;
}

status_code paths_catalog_dirs(strlist *out, status_detail *err)
{
    char *data = paths_data_dir();
    if (!data) /* /proc/self/exe unreadable */
        return status_fail(err, &(status_info){STATUS_DATA_MISSING, .entity = "/proc/self/exe"});
    char *shipped = xasprintf("%s/catalogs", data);
    free(data);
    if (!paths_is_dir(shipped)) {
        status_fail(err, &(status_info){STATUS_DATA_MISSING, .entity = shipped});
        free(shipped);
        return STATUS_DATA_MISSING;
    }
    sl_push_owned(out, shipped);
    char *user = paths_user_dir();
    if (user) {
        sl_push_owned(out, xasprintf("%s/catalogs", user));
        free(user);
    }
    const char *extra = getenv("ANZEN_CATALOG_PATH");
    if (!str_empty(extra)) {
        const char *p = extra;
        while (*p) {
            const char *colon = strchr(p, ':');
            size_t n = colon ? (size_t)(colon - p) : strlen(p);
            if (n > 0)
                sl_push_owned(out, xstrndup(p, n));
            p += n + (colon ? 1 : 0);
        }
    }
    return STATUS_OK;
}

int paths_mkdirs(const char *dir, int mode)
{
    if (paths_is_dir(dir))
        return 0;
    char *parent = paths_dirname(dir);
    int r = 0;
    if (!str_eq(parent, dir) && !paths_is_dir(parent))
        r = paths_mkdirs(parent, mode);
    free(parent);
    if (r != 0)
        return r;
    if (mkdir(dir, (mode_t)mode) != 0 && errno != EEXIST)
        return -1;
    return 0;
}
