/* One forwarding definition per library function: DOCLIB_FN(lib, type, name, (params), (args)).
 * The pointer is looked up once and kept (anzen calls the document libraries from one thread). */
#ifndef ANZEN_DOCLIB_STUB_H
#define ANZEN_DOCLIB_STUB_H

#include <string.h>

#include "doclib.h"

#define DOCLIB_RESOLVE(lib, name, fp)                                                              \
    if (!fp) {                                                                                     \
        void *sym_ = doclib_symbol(&(lib), #name);                                                 \
        memcpy(&fp, &sym_, sizeof fp); /* object to function pointer: POSIX guarantees it */       \
    }

#define DOCLIB_FN(lib, type, name, params, args)                                                   \
    type name params                                                                               \
    {                                                                                              \
        static type(*fp_) params;                                                                  \
        DOCLIB_RESOLVE(lib, name, fp_)                                                             \
        return fp_ args;                                                                           \
    }

#define DOCLIB_VOID(lib, name, params, args)                                                       \
    void name params                                                                               \
    {                                                                                              \
        static void(*fp_) params;                                                                  \
        DOCLIB_RESOLVE(lib, name, fp_)                                                             \
        fp_ args;                                                                                  \
    }

#endif
