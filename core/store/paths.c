#include "paths.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef ANZEN_INSTALL_DATADIR
#define ANZEN_INSTALL_DATADIR "/usr/local/share/anzen"
#endif
#ifndef ANZEN_SOURCE_DIR
#define ANZEN_SOURCE_DIR "."
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

static char *exe_relative_share(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    char *bindir = paths_dirname(buf);
    char *prefix = paths_dirname(bindir);
    char *share = xasprintf("%s/share/anzen", prefix);
    free(bindir);
    free(prefix);
    char *cats = xasprintf("%s/catalogs", share);
    bool ok = paths_is_dir(cats);
    free(cats);
    if (!ok)
        xfree(&share);
    return share;
}

char *paths_data_dir(void)
{
    const char *env = getenv("ANZEN_DATA_DIR");
    if (!str_empty(env))
        return xstrdup(env);
    char *share = exe_relative_share();
    if (share)
        return share;
    char *src = xasprintf("%s/data", ANZEN_SOURCE_DIR);
    char *cats = xasprintf("%s/catalogs", src);
    bool ok = paths_is_dir(cats);
    free(cats);
    if (ok)
        return src;
    free(src);
    return xstrdup(ANZEN_INSTALL_DATADIR);
}

char *paths_templates_dir(void)
{
    const char *env = getenv("ANZEN_TEMPLATES_DIR");
    if (!str_empty(env))
        return xstrdup(env);
    char *data = paths_data_dir();
    char *installed = xasprintf("%s/templates", data);
    if (paths_is_dir(installed)) {
        free(data);
        return installed;
    }
    free(installed);
    free(data);
    return xasprintf("%s/templates", ANZEN_SOURCE_DIR);
}

void paths_catalog_dirs(strlist *out)
{
    char *data = paths_data_dir();
    sl_push_owned(out, xasprintf("%s/catalogs", data));
    free(data);
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
