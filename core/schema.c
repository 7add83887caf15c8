#include "schema.h"

const char *const schema_migrations[] = {
    /* 1: catalogs, imported from YAML so reads are fast and assessments keep the version they used. */
    "CREATE TABLE catalog("
    "  pk INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL, version TEXT NOT NULL, revision INTEGER NOT NULL, kind TEXT NOT NULL,"
    "  title_ja TEXT NOT NULL, title_en TEXT, short_ja TEXT, short_en TEXT,"
    "  publisher TEXT NOT NULL, published TEXT NOT NULL, source_title TEXT, source_url TEXT,"
    "  completeness TEXT NOT NULL, completeness_ja TEXT, completeness_en TEXT,"
    "  answers_json TEXT NOT NULL, dates INTEGER NOT NULL, tags_json TEXT NOT NULL,"
    "  file_path TEXT, file_size INTEGER, file_mtime INTEGER, loaded_at TEXT NOT NULL,"
    "  UNIQUE(id, version));"
    "CREATE TABLE catalog_node("
    "  catalog_pk INTEGER NOT NULL REFERENCES catalog(pk) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL, id TEXT NOT NULL, parent TEXT, ref TEXT, kind TEXT NOT NULL, depth INTEGER NOT NULL,"
    "  title_ja TEXT, title_en TEXT, text_ja TEXT, text_en TEXT, guidance_ja TEXT, guidance_en TEXT,"
    "  actor TEXT, responsibility TEXT, tags_json TEXT, target_fy INTEGER, source TEXT, verified INTEGER NOT NULL,"
    "  clause_json TEXT, search_text TEXT,"
    "  PRIMARY KEY(catalog_pk, id)) WITHOUT ROWID;"
    "CREATE INDEX catalog_node_seq ON catalog_node(catalog_pk, seq);"
    "CREATE TABLE catalog_map("
    "  catalog_pk INTEGER NOT NULL REFERENCES catalog(pk) ON DELETE CASCADE,"
    "  origin TEXT NOT NULL CHECK(origin IN ('node','mapping')), seq INTEGER NOT NULL,"
    "  from_catalog TEXT NOT NULL, from_version TEXT, from_node TEXT NOT NULL,"
    "  to_catalog TEXT NOT NULL, to_version TEXT, to_node TEXT NOT NULL,"
    "  rel TEXT NOT NULL, note_ja TEXT, note_en TEXT, source TEXT, verified INTEGER NOT NULL);"
    "CREATE INDEX catalog_map_from ON catalog_map(from_catalog, from_node);"
    "CREATE INDEX catalog_map_to ON catalog_map(to_catalog, to_node);",
};

const size_t schema_migration_count = sizeof schema_migrations / sizeof schema_migrations[0];
