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
    /* 2: the workspace: organisation, vendors, systems (システム台帳) and their lists. */
    "CREATE TABLE org("
    "  pk INTEGER PRIMARY KEY CHECK(pk = 1), name TEXT NOT NULL, beds INTEGER,"
    "  administrator TEXT, security_officer TEXT, planning_manager TEXT, operations_staff TEXT,"
    "  address TEXT, note TEXT, updated_at TEXT NOT NULL);"
    "CREATE TABLE vendor("
    "  pk INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, contact TEXT, phone TEXT, email TEXT,"
    "  isms INTEGER, isms_expiry TEXT, pmark INTEGER, pmark_expiry TEXT, note TEXT, updated_at TEXT NOT NULL);"
    "CREATE TABLE system("
    "  pk INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, category TEXT NOT NULL,"
    "  vendor_pk INTEGER REFERENCES vendor(pk), product TEXT, product_version TEXT,"
    "  hosting TEXT CHECK(hosting IN ('on-premises','cloud','hybrid')),"
    "  remote_maintenance INTEGER, remote_method TEXT, remote_source_restriction TEXT,"
    "  medical_device INTEGER, patient_data_in_maintenance INTEGER, sbom_available INTEGER, sbom_ref TEXT,"
    "  end_of_support TEXT, backup_method TEXT, backup_generations INTEGER, restore_by TEXT,"
    "  restore_method TEXT, disposal TEXT, documents TEXT, note TEXT, updated_at TEXT NOT NULL);"
    "CREATE TABLE system_port("
    "  system_pk INTEGER NOT NULL REFERENCES system(pk) ON DELETE CASCADE, seq INTEGER NOT NULL,"
    "  dir TEXT NOT NULL CHECK(dir IN ('in','out')), ports TEXT NOT NULL, protocol TEXT, purpose TEXT, note TEXT,"
    "  PRIMARY KEY(system_pk, seq));"
    "CREATE TABLE system_storage("
    "  system_pk INTEGER NOT NULL REFERENCES system(pk) ON DELETE CASCADE, seq INTEGER NOT NULL,"
    "  medium TEXT, location TEXT NOT NULL, content TEXT, PRIMARY KEY(system_pk, seq));"
    "CREATE TABLE system_connection("
    "  system_pk INTEGER NOT NULL REFERENCES system(pk) ON DELETE CASCADE, seq INTEGER NOT NULL,"
    "  peer TEXT NOT NULL, method TEXT, purpose TEXT, PRIMARY KEY(system_pk, seq));"
    "CREATE TABLE system_control("
    "  system_pk INTEGER NOT NULL REFERENCES system(pk) ON DELETE CASCADE, seq INTEGER NOT NULL,"
    "  kind TEXT NOT NULL, measure TEXT, PRIMARY KEY(system_pk, seq));",
    /* 3: assessments, their two-party answers with evidence, and crosswalk proposals. */
    "CREATE TABLE assessment("
    "  pk INTEGER PRIMARY KEY, catalog_id TEXT NOT NULL, catalog_version TEXT NOT NULL,"
    "  scope TEXT NOT NULL CHECK(scope IN ('org','system')), system_pk INTEGER REFERENCES system(pk),"
    "  vendor_pk INTEGER REFERENCES vendor(pk), fy INTEGER NOT NULL, title TEXT,"
    "  prev_pk INTEGER REFERENCES assessment(pk), created_at TEXT NOT NULL, created_by TEXT NOT NULL,"
    "  signed_by TEXT, signed_role TEXT, signed_at TEXT, changed_since_signoff INTEGER NOT NULL DEFAULT 0,"
    "  CHECK((scope = 'org') = (system_pk IS NULL)));"
    "CREATE UNIQUE INDEX assessment_unique ON assessment(catalog_id, catalog_version, scope, IFNULL(system_pk, 0), fy);"
    /* One row per item and party: party 'vendor' names the vendor in party_vendor_pk (0 otherwise),
     * so several vendors can answer the same item. */
    "CREATE TABLE answer("
    "  assessment_pk INTEGER NOT NULL REFERENCES assessment(pk) ON DELETE CASCADE, item_id TEXT NOT NULL,"
    "  party TEXT NOT NULL CHECK(party IN ('hospital','vendor','agreed')), party_vendor_pk INTEGER NOT NULL DEFAULT 0,"
    "  value TEXT, checked TEXT, due TEXT, done TEXT,"
    "  owner TEXT CHECK(owner IN ('hospital','vendor','joint','na')), owner_vendor_pk INTEGER REFERENCES vendor(pk),"
    "  note TEXT, answered_by TEXT, updated_at TEXT NOT NULL,"
    "  PRIMARY KEY(assessment_pk, item_id, party, party_vendor_pk)) WITHOUT ROWID;"
    "CREATE TABLE answer_evidence("
    "  assessment_pk INTEGER NOT NULL, item_id TEXT NOT NULL, party TEXT NOT NULL, party_vendor_pk INTEGER NOT NULL,"
    "  seq INTEGER NOT NULL, ref TEXT NOT NULL,"
    "  PRIMARY KEY(assessment_pk, item_id, party, party_vendor_pk, seq),"
    "  FOREIGN KEY(assessment_pk, item_id, party, party_vendor_pk)"
    "    REFERENCES answer(assessment_pk, item_id, party, party_vendor_pk) ON DELETE CASCADE) WITHOUT ROWID;"
    "CREATE TABLE proposal("
    "  pk INTEGER PRIMARY KEY, assessment_pk INTEGER NOT NULL REFERENCES assessment(pk) ON DELETE CASCADE,"
    "  item_id TEXT NOT NULL, value TEXT NOT NULL, source_assessment_pk INTEGER NOT NULL REFERENCES assessment(pk),"
    "  source_catalog TEXT NOT NULL, source_item TEXT NOT NULL, source_value TEXT NOT NULL, rel TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK(status IN ('open','accepted','rejected','superseded')),"
    "  created_at TEXT NOT NULL, created_by TEXT NOT NULL, decided_at TEXT, decided_by TEXT);"
    "CREATE INDEX proposal_target ON proposal(assessment_pk, status);",
    /* 4: the audit trail: actions (one per user operation) and their per-field rows. */
    "CREATE TABLE history_action("
    "  pk INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, kind TEXT NOT NULL,"
    "  assessment_pk INTEGER, undo_of INTEGER REFERENCES history_action(pk));"
    "CREATE INDEX history_action_assessment ON history_action(assessment_pk);"
    "CREATE TABLE history("
    "  pk INTEGER PRIMARY KEY, action_pk INTEGER NOT NULL REFERENCES history_action(pk),"
    "  entity TEXT NOT NULL, entity_pk INTEGER, assessment_pk INTEGER, item_id TEXT, party TEXT,"
    "  party_vendor_pk INTEGER, field TEXT NOT NULL, old_value TEXT, new_value TEXT);"
    "CREATE INDEX history_item ON history(assessment_pk, item_id);"
    /* The audit trail is append-only, enforced by the database itself. */
    "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;"
    "CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;"
    "CREATE TRIGGER history_action_no_update BEFORE UPDATE ON history_action BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;"
    "CREATE TRIGGER history_action_no_delete BEFORE DELETE ON history_action BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
    /* 5: which importer wrote a catalog, so a newer importer (a new node field) re-imports files
     * whose size and mtime did not change. 0 = before this column. */
    "ALTER TABLE catalog ADD COLUMN importer INTEGER NOT NULL DEFAULT 0;",
    /* 6: maintenance contracts (core/contract): the vendor, the systems, the clause library
     * version, clause decisions with their reason, parameter values and the 責任分界表 cells the
     * user set (cells not stored are pre-filled from the clauses and answers when read). */
    "CREATE TABLE contract("
    "  pk INTEGER PRIMARY KEY, ref TEXT, vendor_pk INTEGER NOT NULL REFERENCES vendor(pk),"
    "  term_start TEXT, term_end TEXT, clause_catalog TEXT NOT NULL, clause_version TEXT NOT NULL,"
    "  created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL);"
    "CREATE TABLE contract_system("
    "  contract_pk INTEGER NOT NULL REFERENCES contract(pk) ON DELETE CASCADE, seq INTEGER NOT NULL,"
    "  system_pk INTEGER NOT NULL REFERENCES system(pk), PRIMARY KEY(contract_pk, system_pk));"
    "CREATE TABLE contract_clause("
    "  contract_pk INTEGER NOT NULL REFERENCES contract(pk) ON DELETE CASCADE, clause_id TEXT NOT NULL,"
    "  decision TEXT NOT NULL CHECK(decision IN ('include','exclude')), reason TEXT,"
    "  decided_by TEXT NOT NULL, decided_at TEXT NOT NULL, PRIMARY KEY(contract_pk, clause_id)) WITHOUT ROWID;"
    "CREATE TABLE contract_param("
    "  contract_pk INTEGER NOT NULL REFERENCES contract(pk) ON DELETE CASCADE, clause_id TEXT NOT NULL,"
    "  name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY(contract_pk, clause_id, name)) WITHOUT ROWID;"
    "CREATE TABLE contract_cell("
    "  contract_pk INTEGER NOT NULL REFERENCES contract(pk) ON DELETE CASCADE, component TEXT NOT NULL,"
    "  phase TEXT NOT NULL CHECK(phase IN ('normal','emergency','exit')),"
    "  party TEXT NOT NULL CHECK(party IN ('hospital','vendor','joint','na')), vendor_pk INTEGER REFERENCES vendor(pk),"
    "  note TEXT, PRIMARY KEY(contract_pk, component, phase)) WITHOUT ROWID;",

    /* 7: typed header fields of a form (catalog.fields, as JSON) and their values per assessment
     * (MDS/SDS product, version, date of issue …); changes are in history as assessment "field.KEY". */
    "ALTER TABLE catalog ADD COLUMN fields_json TEXT;"
    "CREATE TABLE assessment_field("
    "  assessment_pk INTEGER NOT NULL REFERENCES assessment(pk) ON DELETE CASCADE, key TEXT NOT NULL,"
    "  value TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL,"
    "  PRIMARY KEY(assessment_pk, key)) WITHOUT ROWID;",

    /* 8: catalog files that failed to load, by size and mtime, so an unchanged broken file is
     * reported once (then reminded of in one line) instead of re-parsed by every command. */
    "CREATE TABLE catalog_failed("
    "  file_path TEXT PRIMARY KEY, file_size INTEGER NOT NULL, file_mtime INTEGER NOT NULL,"
    "  importer INTEGER NOT NULL, errors INTEGER NOT NULL, first_error TEXT) WITHOUT ROWID;",

    /* 9: hospital <-> vendor exchange (core/exchange): the signing keys this database trusts, the
     * bundles and sheets imported (by digest, so the same file twice changes nothing, with the
     * signer), the inventory facts they offered for review, and the counterpart named when an
     * answer was agreed (the acting user is answered_by). */
    "CREATE TABLE exchange_key("
    "  pk INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, public_key TEXT NOT NULL, name TEXT,"
    "  role TEXT, trusted_at TEXT NOT NULL, trusted_by TEXT NOT NULL);"
    "CREATE TABLE exchange_import("
    "  pk INTEGER PRIMARY KEY, digest TEXT NOT NULL UNIQUE, kind TEXT NOT NULL CHECK(kind IN ('bundle','sheet')),"
    "  source TEXT, signer TEXT, signer_known INTEGER NOT NULL DEFAULT 0, party TEXT NOT NULL, party_name TEXT,"
    "  vendor_pk INTEGER REFERENCES vendor(pk), answers INTEGER NOT NULL, imported_at TEXT NOT NULL,"
    "  imported_by TEXT NOT NULL);"
    "CREATE TABLE exchange_offer("
    "  pk INTEGER PRIMARY KEY, import_pk INTEGER NOT NULL REFERENCES exchange_import(pk),"
    "  system_pk INTEGER NOT NULL REFERENCES system(pk) ON DELETE CASCADE, field TEXT NOT NULL, value TEXT,"
    "  status TEXT NOT NULL CHECK(status IN ('open','accepted','rejected')), decided_at TEXT, decided_by TEXT);"
    "ALTER TABLE answer ADD COLUMN agreed_with TEXT;",

    /* 10: an archived assessment is hidden from the dashboard and the lists, kept with its history,
     * and restorable (history field "archived_at"). */
    "ALTER TABLE assessment ADD COLUMN archived_at TEXT;",

    /* 11: who applies a system's security updates and whether its contract, terms or SLA state it
     * (guideline 7.0 みなし遵守). */
    "ALTER TABLE system ADD COLUMN security_updates_by TEXT"
    "  CHECK(security_updates_by IN ('hospital','vendor','none'));"
    "ALTER TABLE system ADD COLUMN security_updates_in_contract INTEGER;",

    /* 12: per-user state (assess/user_state.h), keyed by the actor's name: the item last visited in
     * each assessment (opening it returns there) and yes/no settings such as auto-advance. Not a
     * record of the assessment: no history rows. */
    "CREATE TABLE user_state("
    "  actor TEXT NOT NULL, assessment_pk INTEGER NOT NULL REFERENCES assessment(pk) ON DELETE CASCADE,"
    "  last_item TEXT NOT NULL, PRIMARY KEY(actor, assessment_pk)) WITHOUT ROWID;"
    "CREATE TABLE user_pref("
    "  actor TEXT NOT NULL, key TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY(actor, key)) WITHOUT ROWID;",

    /* 13: the evidence register (core/assess/evidence): entries of the organisation (title, kind,
     * reference as text, owner, effective and review dates, note), linked to any number of
     * answers of any assessment; and the one-line reason of an answer. Every old per-answer
     * reference becomes one entry per distinct text (kind "other", title = reference), linked to
     * the same answers in the same order; the old table goes. */
    "CREATE TABLE evidence("
    "  pk INTEGER PRIMARY KEY, title TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK(kind IN ('policy','record','contract','report','config','other')),"
    "  ref TEXT, owner TEXT, effective TEXT, review TEXT, note TEXT, archived INTEGER NOT NULL DEFAULT 0,"
    "  created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL);"
    "CREATE TABLE evidence_link("
    "  assessment_pk INTEGER NOT NULL, item_id TEXT NOT NULL, party TEXT NOT NULL, party_vendor_pk INTEGER NOT NULL,"
    "  seq INTEGER NOT NULL, evidence_pk INTEGER NOT NULL REFERENCES evidence(pk),"
    "  PRIMARY KEY(assessment_pk, item_id, party, party_vendor_pk, evidence_pk),"
    "  FOREIGN KEY(assessment_pk, item_id, party, party_vendor_pk)"
    "    REFERENCES answer(assessment_pk, item_id, party, party_vendor_pk) ON DELETE CASCADE) WITHOUT ROWID;"
    "CREATE INDEX evidence_link_entry ON evidence_link(evidence_pk);"
    "INSERT INTO evidence(title, kind, ref, created_at, created_by, updated_at)"
    "  SELECT e.ref, 'other', e.ref, MIN(a.updated_at), 'schema-9', MIN(a.updated_at)"
    "  FROM answer_evidence e JOIN answer a USING(assessment_pk, item_id, party, party_vendor_pk)"
    "  GROUP BY e.ref ORDER BY MIN(e.assessment_pk), MIN(a.updated_at), e.ref;"
    "INSERT INTO evidence_link(assessment_pk, item_id, party, party_vendor_pk, seq, evidence_pk)"
    "  SELECT e.assessment_pk, e.item_id, e.party, e.party_vendor_pk, MIN(e.seq), v.pk"
    "  FROM answer_evidence e JOIN answer a USING(assessment_pk, item_id, party, party_vendor_pk)"
    "  JOIN evidence v ON v.ref = e.ref"
    "  GROUP BY e.assessment_pk, e.item_id, e.party, e.party_vendor_pk, v.pk;"
    "DROP TABLE answer_evidence;"
    "ALTER TABLE answer ADD COLUMN reason TEXT;",

    /* 14: an archived vendor or system is hidden from the lists and kept with its history,
     * restorable (history field "archived_at"); a deleted one lives on in its history rows, which
     * the index finds by record (and a new row never reuses a deleted row's id). */
    "ALTER TABLE vendor ADD COLUMN archived_at TEXT;"
    "ALTER TABLE system ADD COLUMN archived_at TEXT;"
    "CREATE INDEX history_entity ON history(entity, entity_pk);",

    /* 15: catalogs known by content, not by path: the SHA-256 of the file each catalog was
     * imported from, and per path the size and mtime a file had when it was hashed (a start
     * hashes only files it has not seen like that), so two binaries with their own copies of
     * the same files share one database without importing again (catalog/catalog_file.h). */
    "ALTER TABLE catalog ADD COLUMN file_sha256 TEXT;"
    "CREATE INDEX catalog_sha256 ON catalog(file_sha256);"
    "CREATE TABLE catalog_file("
    "  path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL, sha256 TEXT NOT NULL) WITHOUT ROWID;",

    /* 16: the party a user answers as in each assessment (hospital / vendor / agreed), kept when
     * it is opened again; NULL = the default (hospital). A row may now hold a party before any item was visited: last_item ''. */
    "ALTER TABLE user_state ADD COLUMN party TEXT CHECK(party IN ('hospital','vendor','agreed'));",

    /* 17: a catalog's items by id without reading its nodes' texts: the summaries count answers
     * against them (the dashboard's rows) and a catalog with no item yet is told by one probe;
     * both read the rows of catalog_node, texts and all, before. */
    "CREATE INDEX catalog_node_kind ON catalog_node(catalog_pk, kind, id, responsibility);",

    /* 18: the start's look at which files were imported (catalog/catalog_file.c) reads the paths,
     * hashes and importer versions from indexes alone: from the catalog rows, with their titles
     * and answer sets spilling over several pages each, it cost a quarter of a millisecond and a
     * score of page faults at every start. */
    "DROP INDEX catalog_sha256;"
    "CREATE INDEX catalog_sha256 ON catalog(file_sha256, importer);"
    "CREATE INDEX catalog_file_path ON catalog(file_path, file_sha256) WHERE file_path IS NOT NULL;",
};

const size_t schema_migration_count = sizeof schema_migrations / sizeof schema_migrations[0];
