/* export/ — documents handed over (disclosure sheets, checklists, annexes) and their renderers.
 * Empty for now; may include every folder below session. */
#ifndef ANZEN_EXPORT_LIB_H
#define ANZEN_EXPORT_LIB_H

#endif
