/* sheet/ — reading spreadsheets handed back: xlsx_read (libzip + libxml2), csv_read (UTF-8 or
 * CP932 via iconv, RFC 4180 quoting). May include: base. */
#ifndef ANZEN_SHEET_LIB_H
#define ANZEN_SHEET_LIB_H

#include "csv_read.h"
#include "xlsx_read.h"

#endif
