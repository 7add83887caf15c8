/* base/ — allocation that never fails, strings and lists (util), positioned diagnostics (diag),
 * the clock (clock), a string index (strindex), the status codes with their messages (status).
 * Files: util.c diag.c clock.c strindex.c status.c. Bottom layer: includes nothing of anzen's. */
#ifndef ANZEN_BASE_LIB_H
#define ANZEN_BASE_LIB_H

#include "util.h"
#include "diag.h"
#include "clock.h"
#include "strindex.h"
#include "status.h"

#endif
