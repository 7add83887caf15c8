/* The document libraries (libxlsxwriter, libzip, libxml2, cmark-gfm) loaded on first use.
 *
 * Every process of anzen opens the database and draws or prints; few of them write or read a
 * document. Linked as NEEDED, these four libraries and what they pull in (libcrypto through libzip
 * and libxlsxwriter, ICU and libstdc++ through libxml2: 13 more shared objects, ~9,000 symbol
 * relocations) were two thirds of every start. Here each is dlopen()ed by its soname the first
 * time one of its functions is called: the *_stubs.c files define those functions with the
 * libraries' own prototypes (their headers are included, so a wrong signature does not compile)
 * and forward to the real one. The libraries stay Debian's shared ones, updated by apt. */
#ifndef ANZEN_DOCLIB_DOCLIB_H
#define ANZEN_DOCLIB_DOCLIB_H

#include <stdbool.h>

typedef struct doclib {
    const char *soname;  /* "libzip.so.4": found by CMake in the library it built against */
    const char *package; /* the Debian package that ships it, named when it cannot be loaded */
    void *handle;        /* NULL until the first call */
} doclib;

extern doclib doclib_xlsxwriter, doclib_zip, doclib_xml2, doclib_cmark, doclib_cmark_extensions;

/* Loads lib if needed; false with a message (malloc'd, the soname and dlerror) when it cannot. */
bool doclib_open(doclib *lib, char **why);

/* The address of name in lib, loading lib first. A library that cannot be loaded or lacks the
 * symbol is a broken installation, as a missing NEEDED library was before: the message names the
 * library and its package, and the process exits 1 (no answer is written by a document call). */
void *doclib_symbol(doclib *lib, const char *name);

#endif
