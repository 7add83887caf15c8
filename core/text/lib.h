/* text/ — text measured in terminal columns (text) and Japanese-era dates (jpdate).
 * Files: text.c jpdate.c wrap.c (line breaking with the Japanese rules, tabs, cutting from the middle). May include: base. */
#ifndef ANZEN_TEXT_LIB_H
#define ANZEN_TEXT_LIB_H

#include "base/lib.h"
#include "text.h"
#include "jpdate.h"
#include "wrap.h"

#endif
