/* The libraries loaded on first use: the document libraries (libxlsxwriter, libzip, libxml2,
 * cmark-gfm) and those only some commands need (libsodium: signatures; libyaml: a catalog file
 * that changed, or one written; libnettle: SHA-256 of a changed catalog file, a snapshot, a bundle).
 *
 * Every process of anzen opens the database and draws or prints; few of them write or read a
 * document, sign a bundle or parse a catalog (an unchanged catalog file is recognised by path, size
 * and mtime). Linked as NEEDED, these libraries and what they pull in (libcrypto through libzip
 * and libxlsxwriter, ICU and libstdc++ through libxml2: 13 more shared objects, ~9,000 symbol
 * relocations) were most of every start: each one costs the loader an open and a few mmaps. Here
 * each is dlopen()ed by its soname the first time one of its functions is called: the *_stubs.c
 * files define those functions with the libraries' own prototypes (their headers are included, so
 * a wrong signature does not compile) and forward to the real one. The libraries stay Debian's
 * shared ones, updated by apt. cJSON is not here: the first paint, `answer set` and `progress`
 * read a catalog's answer choices from JSON in the database (load_answers in catalog_db.c), so
 * it would be loaded anyway. */
#ifndef ANZEN_DOCLIB_DOCLIB_H
#define ANZEN_DOCLIB_DOCLIB_H

#include <stdbool.h>

typedef struct doclib {
    const char *soname;  /* "libzip.so.4": found by CMake in the library it built against */
    const char *package; /* the Debian package that ships it, named when it cannot be loaded */
    void *handle;        /* NULL until the first call */
} doclib;

extern doclib doclib_xlsxwriter, doclib_zip, doclib_xml2, doclib_cmark, doclib_cmark_extensions;
extern doclib doclib_sodium, doclib_yaml, doclib_nettle;

/* Loads lib if needed; false with a message (malloc'd, the soname and dlerror) when it cannot. */
bool doclib_open(doclib *lib, char **why);

/* The address of name in lib, loading lib first. A library that cannot be loaded or lacks the
 * symbol is a broken installation, as a missing NEEDED library was before: the message names the
 * library and its package, and the process exits 1 (an open transaction is not committed). */
void *doclib_symbol(doclib *lib, const char *name);

#endif
