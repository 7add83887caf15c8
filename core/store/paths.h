/* Where anzen keeps its database and finds its catalogs and templates (XDG base directories). */
#ifndef ANZEN_PATHS_H
#define ANZEN_PATHS_H

#include "base/lib.h"

/* $XDG_DATA_HOME/anzen, else ~/.local/share/anzen. Caller frees. NULL when HOME is unknown. */
char *paths_user_dir(void);
/* The database: `explicit` if given, else $ANZEN_DB, else <user dir>/anzen.db. Caller frees. */
char *paths_db(const char *explicit_path);
/* Was the database path given (--db or ANZEN_DB) rather than the default place? */
bool paths_db_explicit(const char *explicit_path);
/* The shipped data directory (holding catalogs/ and templates/): $ANZEN_DATA_DIR, else
 * <executable's dir>/../share/anzen — the install prefix's share/anzen, or the build tree's mirror
 * of it; never the source tree. NULL only when /proc/self/exe is unreadable. Caller frees. */
char *paths_data_dir(void);
/* $ANZEN_TEMPLATES_DIR, else <data dir>/templates. NULL as paths_data_dir. Caller frees. */
char *paths_templates_dir(void);
/* Catalog directories in load order: shipped, user, then $ANZEN_CATALOG_PATH entries.
 * STATUS_DATA_MISSING (entity = the path looked at) when the shipped catalogs are missing. */
status_code paths_catalog_dirs(strlist *out, status_detail *err);
/* mkdir -p with `mode` for every directory it creates. 0 or -1 (errno set). */
int paths_mkdirs(const char *dir, int mode);
/* The directory part of path. Caller frees. */
char *paths_dirname(const char *path);
bool paths_is_dir(const char *path);

#endif
