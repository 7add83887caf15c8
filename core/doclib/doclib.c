#include "doclib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/util.h"

/* ANZEN_SONAME_* come from CMake (the sonames of the libraries this build was linked against). */
doclib doclib_xlsxwriter = {ANZEN_SONAME_XLSXWRITER, "libxlsxwriter4", NULL};
doclib doclib_zip = {ANZEN_SONAME_ZIP, "libzip4", NULL};
doclib doclib_xml2 = {ANZEN_SONAME_XML2, "libxml2", NULL};
doclib doclib_cmark = {ANZEN_SONAME_CMARK, "libcmark-gfm0.29.0.gfm.6", NULL};
doclib doclib_cmark_extensions = {ANZEN_SONAME_CMARK_EXTENSIONS, "libcmark-gfm-extensions0.29.0.gfm.6", NULL};
doclib doclib_sodium = {ANZEN_SONAME_SODIUM, "libsodium23", NULL};
doclib doclib_yaml = {ANZEN_SONAME_YAML, "libyaml-0-2", NULL};
doclib doclib_nettle = {ANZEN_SONAME_NETTLE, "libnettle8", NULL};

bool doclib_open(doclib *lib, char **why)
{
    if (lib->handle)
        return true;
    /* RTLD_LOCAL: the library's symbols do not join the global scope our stubs are in. */
    lib->handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
    if (lib->handle)
        return true;
    const char *e = dlerror();
    if (why)
        *why = xasprintf("%s", e ? e : lib->soname);
    return false;
}

void *doclib_symbol(doclib *lib, const char *name)
{
    char *why = NULL;
    if (!doclib_open(lib, &why)) {
        /* Both languages: core has no UI language here, and this is an installation fault. */
        fprintf(stderr, "anzen: ライブラリを読み込めません / cannot load a library: %s "
                        "(Debian: apt-get install %s)\n", why, lib->package);
        free(why);
        exit(1);
    }
    dlerror();
    void *sym = dlsym(lib->handle, name);
    if (!sym) {
        const char *e = dlerror();
        fprintf(stderr, "anzen: %s: %s\n", lib->soname, e ? e : name);
        exit(1);
    }
    return sym;
}
