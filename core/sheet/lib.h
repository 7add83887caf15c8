/* sheet/ — reading spreadsheets handed back (xlsx_read: libzip + libxml2). May include: base. */
#ifndef ANZEN_SHEET_LIB_H
#define ANZEN_SHEET_LIB_H

#include "xlsx_read.h"

#endif
