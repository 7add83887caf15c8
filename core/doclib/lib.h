/* core/doclib: the libraries loaded on first use (documents, signatures, YAML, SHA-256) (doclib.h says why). */
#ifndef ANZEN_DOCLIB_LIB_H
#define ANZEN_DOCLIB_LIB_H

#include "doclib/doclib.h"

#endif
