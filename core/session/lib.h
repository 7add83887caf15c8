/* session/ — opening the workbench: database path, migrations, catalog sync, warnings.
 * Files: session.c. Top of core: may include every other folder. */
#ifndef ANZEN_SESSION_LIB_H
#define ANZEN_SESSION_LIB_H

#include "session.h"

#endif
