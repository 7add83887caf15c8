/* The workspace: the hospital (organisation), its vendors (事業者) and its systems (システム台帳).
 *
 * Ownership: every struct here owns its strings and arrays; release with the matching *_free,
 * which also zeroes the struct. Ids are SQLite rowids (> 0); 0 means "not saved yet" / "none".
 * Every save is ONE transaction and appends history rows (entity "org" / "vendor" / "system",
 * one row per changed field, old → new) in that same transaction; on any error nothing is written.
 * Dates are ISO "YYYY-MM-DD" (parse user input with jpdate_parse_iso first). */
#ifndef ANZEN_WORKSPACE_H
#define ANZEN_WORKSPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/lib.h"

/* Every operation returns a status_code (base/status.h) and fills the status_detail it is given
 * (may be NULL) with the field and value at fault; the front ends render it (status_format). */

/* A history value as shown (anzen history, the navigator's history): a vendor field's id
 * (history_field_is_vendor) becomes "name (#3)" with the vendor's current name ("#3" when the
 * vendor is gone); everything else as stored, including "name (#3)" texts (system rows, and answer
 * rows written before ids were stored). NULL for empty; caller frees. */
char *ws_history_value(store *s, const char *entity, const char *field, const char *value);

/* Yes / no / not known — for facts a vendor may not have stated. Stored as NULL / 0 / 1. */
typedef enum { TRI_UNKNOWN = 0, TRI_NO, TRI_YES } ws_tri;
const char *ws_tri_name(ws_tri t);          /* "", "no", "yes" */
bool ws_tri_parse(const char *s, ws_tri *out); /* yes/no/y/n/true/false/1/0/はい/いいえ/あり/なし, "" = unknown */

/* ---- Organisation (the hospital; one per workspace) ---- */

typedef struct {
    char *name;             /* 医療機関名 (required) */
    int beds;               /* 病床数, 0 = not stated */
    char *administrator;    /* 管理者 (院長 etc.) */
    char *security_officer; /* 医療情報システム安全管理責任者 */
    char *planning_manager; /* 企画管理者 */
    char *operations_staff; /* システム運用担当者 (may name several, free text) */
    char *address, *note;
    char *updated_at; /* read-only */
} ws_org;

/* STATUS_OK, or ORG_MISSING when no organisation has been entered yet (out zeroed). */
status_code ws_org_get(store *s, ws_org *out, status_detail *err);
/* Creates or replaces the organisation row (name required: FIELD_REQUIRED). */
status_code ws_org_save(store *s, const ws_org *org, const char *who, status_detail *err);
void ws_org_free(ws_org *o);

/* ---- Vendors (事業者) ---- */

typedef struct {
    int64_t id;
    char *name;         /* unique, required */
    char *contact;      /* 担当者 / 窓口 */
    char *phone, *email;
    ws_tri isms;        /* ISMS (ISO/IEC 27001) certified */
    char *isms_expiry;  /* ISO date or NULL */
    ws_tri pmark;       /* プライバシーマーク */
    char *pmark_expiry; /* ISO date or NULL */
    char *note;
    char *updated_at;  /* read-only */
    char *archived_at; /* read-only: set while archived (ws_archive), else NULL */
} ws_vendor;

/* Inserts when v->id == 0 (sets *new_id if non-NULL), else updates that vendor. A new row never
 * takes the id of a deleted one (its history keeps that id). A name in use is
 * NAME_TAKEN; a malformed date DATE_NOT_ISO naming the field. */
status_code ws_vendor_save(store *s, const ws_vendor *v, const char *who, int64_t *new_id, status_detail *err);
status_code ws_vendor_get(store *s, int64_t id, ws_vendor *out, status_detail *err); /* VENDOR_NOT_FOUND */
/* Finds by id ("3", "#3") or exact name. VENDOR_NOT_FOUND with the key as the value. */
status_code ws_vendor_find(store *s, const char *key, int64_t *id, status_detail *err);
/* All vendors by name into *out and *n (ws_vendor_list_free), archived ones included (archived_at
 * set: a list shown to the user leaves them out unless asked). A failed read is its status with an
 * empty result, never just an empty list. */
status_code ws_vendor_list(store *s, ws_vendor **out, size_t *n, status_detail *err);
void ws_vendor_free(ws_vendor *v);
void ws_vendor_list_free(ws_vendor *list, size_t n);

/* ---- Systems (システム台帳) ---- */

/* Categories: code stored, Japanese label shown. ws_category_parse accepts either. */
typedef struct {
    const char *code; /* "ehr" */
    const char *ja;   /* "電子カルテ" */
    const char *en;   /* "Electronic health records" */
} ws_category;
extern const ws_category ws_categories[];
extern const size_t ws_category_count;
const ws_category *ws_category_parse(const char *s); /* NULL when unknown */

/* Hosting as stored: "on-premises", "cloud" or "hybrid", also accepting オンプレミス クラウド
 * ハイブリッド onprem on-prem; "" for an empty s (clears); NULL when unknown. */
const char *ws_hosting_parse(const char *s);

/* Who applies security updates, as stored: "hospital", "vendor" or "none", also accepting
 * 医療機関 病院 事業者 ベンダー なし; "" for an empty s (clears); NULL when unknown. */
const char *ws_updates_by_parse(const char *s);

typedef enum { PORT_IN, PORT_OUT } ws_port_dir;

typedef struct {
    ws_port_dir dir;
    char *ports;    /* "5432", "80,808,8080", "104", "49152-65535" (text: lists and ranges) */
    char *protocol; /* "TCP", "UDP", "DICOM", or NULL */
    char *purpose;  /* 用途: "データベース接続用" */
    char *note;     /* "変更可", "オプション" */
} ws_port;

typedef struct {
    char *medium;   /* メインディスク / バックアップディスク / システムディスク / NAS / クラウド … */
    char *location; /* "D:¥MainImage", "C:¥Program Files¥PostgreSQL¥…¥data" */
    char *content;  /* 撮影画像, 患者情報データベース, システムログ … */
} ws_storage;

typedef struct {
    char *peer;    /* 接続先: 地域連携NW, 保守センター, オンライン資格確認 … */
    char *method;  /* VPN(IPsec), 閉域網, インターネット+TLS … */
    char *purpose;
} ws_connection;

typedef struct {
    char *kind;    /* control type: 物理的アクセスの制限, ネットワークの分離, 監視 … */
    char *measure; /* what is done */
} ws_control;

typedef struct {
    int64_t id;
    char *name;     /* required, unique */
    char *category; /* ws_categories code, required */
    int64_t vendor_id; /* 0 = none */
    char *vendor_name; /* read-only, filled by get/list */
    char *product, *product_version;
    char *hosting;  /* "on-premises" | "cloud" | "hybrid" | NULL */
    ws_tri remote_maintenance;
    char *remote_method;             /* VPN装置, 専用線, リモートデスクトップ … */
    char *remote_source_restriction; /* 接続元制限: IP制限, 証明書, 都度許可 … */
    ws_tri medical_device;           /* 医療機器 (薬機法) */
    ws_tri patient_data_in_maintenance; /* 保守作業で患者データを扱う */
    ws_tri sbom_available;
    char *sbom_ref;       /* where the SBOM is */
    char *end_of_support; /* ISO date or NULL (サポート終了日) */
    char *backup_method;  /* "シャットダウン時にメインディスクからバックアップディスクへ差分コピー" */
    int backup_generations; /* 0 = not stated */
    char *restore_by;     /* 復元作業者: 事業者の保守担当者 / 医療機関 / 共同 */
    char *restore_method; /* multi-line: data and system restore procedures */
    char *disposal;       /* 使用停止・廃棄の手順 */
    char *documents;      /* vendor documents: セキュリティ強化ガイドライン Rev.1, MDS/SDS, チェックリスト */
    char *note;
    /* Guideline 7.0 保守委託機関編 (みなし遵守): who applies security updates, "hospital" |
     * "vendor" | "none" | NULL (not recorded), and whether the contract, terms or SLA state it
     * (for a contract kept outside anzen; a contract in anzen states it through its clause). */
    char *security_updates_by;
    ws_tri security_updates_in_contract;
    ws_port *ports;
    size_t nports;
    ws_storage *storage;
    size_t nstorage;
    ws_connection *connections;
    size_t nconnections;
    ws_control *controls; /* 補完的リスクコントロール */
    size_t ncontrols;
    char *updated_at;  /* read-only */
    char *archived_at; /* read-only: set while archived (ws_archive), else NULL */
} ws_system;

/* Inserts when sys->id == 0, else updates; the lists replace the stored lists (history records
 * each changed list as one row, the old and new lists as text, one entry per line). */
status_code ws_system_save(store *s, const ws_system *sys, const char *who, int64_t *new_id, status_detail *err);
status_code ws_system_get(store *s, int64_t id, ws_system *out, status_detail *err); /* SYSTEM_NOT_FOUND */
status_code ws_system_find(store *s, const char *key, int64_t *id, status_detail *err);
/* All systems by name, lists included, archived ones too (archived_at set), into *out and *n; a
 * failed read is its status. */
status_code ws_system_list(store *s, ws_system **out, size_t *n, status_detail *err);
void ws_system_free(ws_system *sys);
void ws_system_list_free(ws_system *list, size_t n);

/* Checks the port text of a ports entry: numbers 1-65535 or ranges low-high, comma-separated
 * ("80,443", "49152-65535"). PORT_MALFORMED or PORT_OUT_OF_RANGE (the number in err->num) with
 * the text as the value and no field: the caller names its field (ws_system_save: "ports"; the
 * CLI its option; the TUI its label). ws_system_save checks every entry the same way. */
status_code ws_ports_check(const char *ports, status_detail *err);

/* A list entry from one row of '|'-separated fields, trimmed, as the CLI's --port-in / --storage
 * / --connection / --control take them: PORTS|PROTOCOL|PURPOSE|NOTE, MEDIUM|LOCATION|CONTENT,
 * PEER|METHOD|PURPOSE, TYPE|MEASURE. More fields than that is LIST_ROW_TOO_MANY (nothing is folded
 * into the last field); a missing port, location, peer or type LIST_ROW_INCOMPLETE; a port text
 * that ws_ports_check refuses its status. The row is the value, no field is set. On failure *out
 * is zeroed; on success it owns its strings (free them as ws_system_free does). */
status_code ws_port_parse(const char *row, ws_port_dir dir, ws_port *out, status_detail *err);
status_code ws_storage_parse(const char *row, ws_storage *out, status_detail *err);
status_code ws_connection_parse(const char *row, ws_connection *out, status_detail *err);
status_code ws_control_parse(const char *row, ws_control *out, status_detail *err);

/* One list entry as a line of text, and back ("in 5432 TCP: データベース接続用 (変更可)"),
 * used by history and the CLI. Caller frees. */
char *ws_port_format(const ws_port *p);
char *ws_storage_format(const ws_storage *st);
char *ws_connection_format(const ws_connection *c);
char *ws_control_format(const ws_control *c);

#endif
