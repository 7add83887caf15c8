/* core/doclib: the document libraries loaded on first use (doclib.h says why). */
#ifndef ANZEN_DOCLIB_LIB_H
#define ANZEN_DOCLIB_LIB_H

#include "doclib/doclib.h"

#endif
