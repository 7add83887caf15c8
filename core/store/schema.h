/* Ordered schema migrations. Entry i brings the database from user_version i to i+1.
 * Append only: never edit a migration that has shipped. */
#ifndef ANZEN_SCHEMA_H
#define ANZEN_SCHEMA_H

#include <stddef.h>

extern const char *const schema_migrations[];
extern const size_t schema_migration_count;

#endif
