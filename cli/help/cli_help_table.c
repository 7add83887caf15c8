/* The command table (cli_help.h). Adding a command group = one entry in cli_help_groups[];
 * tests/cli/help_coverage.sh fails when a registered group, subcommand or option is missing. */
#include "cli_help.h"

#include <string.h>

#define END {0}
/* Options shared by many commands. */
#define O_JSON {"json", NULL, "JSON で出力する", "print JSON", NULL}
#define O_FORCE {"force", NULL, "既存のファイルを上書きする", "overwrite an existing file", NULL}
#define O_OUTPUT {"output", "FILE", "書き出すファイル", "the file to write", "-o"}
#define O_DATE {"date", "YYYY-MM-DD", "文書に記す作成日（既定は今日）", "the date printed on the document (default today)", NULL}
#define O_NOTE {"note", "TEXT", "備考（'' で消す）", "a note ('' clears it)", NULL}
#define O_VENDOR {"vendor", "VENDOR", "事業者（名前または #id）", "the vendor (name or #id)", NULL}
#define O_FY {"fy", "FY", "年度（2025 または 令和7年度）", "fiscal year (2025 or 令和7年度)", NULL}
#define O_INTO {"into", "A", "取り込む先の評価（繰り返し可）", "the assessment to import into (repeatable)", NULL}

const cli_help_opt cli_help_globals[] = {
    {"db", "PATH", "データベースファイル（既定 $ANZEN_DB、なければ $XDG_DATA_HOME/anzen/anzen.db）",
     "database file (default $ANZEN_DB, else $XDG_DATA_HOME/anzen/anzen.db)", NULL},
    {"lang", "ja|en", "内容と表示の言語（既定はロケールから）", "language of content and labels (default: from the locale)", NULL},
    {"user", "NAME", "操作する人の名前（履歴に記録。既定 $ANZEN_USER、なければログイン名）",
     "who is acting, as the history records it (default $ANZEN_USER, else the login name)", NULL},
    {"help", NULL, "このヘルプを表示する", "show this help", "-h"},
    {"version", NULL, "版を表示する", "show the version", "-V"},
    END};

#define VENDOR_FIELDS                                                                                              \
    {"contact", "NAME", "窓口の担当者", "contact person", NULL}, {"phone", "TEL", "電話番号", "phone number", NULL}, \
        {"email", "ADDR", "メールアドレス", "email address", NULL},                                                \
        {"isms", "yes|no", "ISMS 認証の有無", "ISMS certified", NULL},                                            \
        {"isms-expiry", "DATE", "ISMS 認証の有効期限", "ISMS certificate expiry", NULL},                          \
        {"pmark", "yes|no", "プライバシーマークの有無", "holds the privacy mark (Pマーク)", NULL},                 \
        {"pmark-expiry", "DATE", "プライバシーマークの有効期限", "privacy mark expiry", NULL}, O_NOTE

static const cli_help_opt vendor_add_opts[] = {VENDOR_FIELDS, END};
static const cli_help_opt vendor_edit_opts[] = {{"name", "NEW", "名前を変える", "rename the vendor", NULL}, VENDOR_FIELDS, END};
static const cli_help_opt json_only[] = {O_JSON, END};
static const cli_help_opt vendor_list_opts[] = {
    {"archived", NULL, "アーカイブした事業者だけを表示する", "list only the archived vendors", NULL}, O_JSON, END};
static const cli_help_opt system_list_opts[] = {
    {"archived", NULL, "アーカイブしたシステムだけを表示する", "list only the archived systems", NULL}, O_JSON, END};
static const cli_help_opt no_opts[] = {END};

#define SYSTEM_FIELDS                                                                                              \
    {"category", "C", "区分のコード（下の一覧）", "category code (listed below)", NULL},       \
        O_VENDOR, {"product", "P", "製品名", "product name", NULL},                                                 \
        {"product-version", "X", "製品の版", "product version", NULL},                                             \
        {"hosting", "on-premises|cloud|hybrid", "設置形態", "where it runs", NULL},                                 \
        {"remote", "yes|no", "リモート保守の有無", "remote maintenance", NULL},                                     \
        {"remote-method", "M", "リモート保守の方式", "remote maintenance method", NULL},                            \
        {"remote-restriction", "R", "リモートアクセスの制限", "how remote access is restricted", NULL},            \
        {"medical-device", "yes|no", "医療機器か", "is a medical device", NULL},                                    \
        {"patient-data", "yes|no", "患者情報を扱うか", "holds patient data", NULL},                                 \
        {"sbom", "yes|no", "SBOM の有無", "an SBOM exists", NULL}, {"sbom-ref", "REF", "SBOM の所在", "where the SBOM is", NULL}, \
        {"end-of-support", "DATE", "サポート終了日", "end of support", NULL},                                       \
        {"backup-method", "M", "バックアップの方法", "backup method", NULL},                                        \
        {"backup-generations", "N", "バックアップの世代数", "backup generations kept", NULL},                        \
        {"restore-by", "WHO", "復旧を行う者", "who restores", NULL},                                                \
        {"restore-method", "HOW", "復旧の方法", "how it is restored", NULL},                                        \
        {"disposal", "HOW", "廃棄の方法", "how it is disposed of", NULL},                                           \
        {"documents", "DOCS", "関連文書", "related documents", NULL}, O_NOTE,                                       \
        {"security-updates", "hospital|vendor|none", "セキュリティ更新を行う者", "who applies security updates", NULL}, \
        {"updates-in-contract", "yes|no", "更新が契約に含まれるか", "updates are in the contract", NULL},           \
        {"port-in", "'PORTS|PROTOCOL|PURPOSE|NOTE'", "受信ポート（繰り返し可）", "an inbound port row (repeatable)", NULL}, \
        {"port-out", "'PORTS|PROTOCOL|PURPOSE|NOTE'", "送信ポート（繰り返し可）", "an outbound port row (repeatable)", NULL}, \
        {"storage", "'MEDIUM|LOCATION|CONTENT'", "記録媒体（繰り返し可）", "a storage row (repeatable)", NULL},       \
        {"connection", "'PEER|METHOD|PURPOSE'", "接続先（繰り返し可）", "a connection row (repeatable)", NULL},       \
        {"control", "'TYPE|MEASURE'", "補完的リスクコントロール（繰り返し可）", "a compensating control (repeatable)", NULL}

static const cli_help_opt system_add_opts[] = {SYSTEM_FIELDS, END};
static const cli_help_opt system_edit_opts[] = {
    {"name", "NEW", "名前を変える", "rename the system", NULL}, SYSTEM_FIELDS,
    {"replace-ports", NULL, "指定した行でポートの一覧を置き換える", "the given port rows become the whole list", NULL},
    {"replace-storage", NULL, "指定した行で記録媒体の一覧を置き換える", "the given storage rows become the whole list", NULL},
    {"replace-connections", NULL, "指定した行で接続先の一覧を置き換える", "the given connections become the whole list", NULL},
    {"replace-controls", NULL, "指定した行で補完的コントロールの一覧を置き換える", "the given controls become the whole list", NULL},
    {"clear-ports", NULL, "ポートの一覧を空にする", "empty the port list", NULL},
    {"clear-storage", NULL, "記録媒体の一覧を空にする", "empty the storage list", NULL},
    {"clear-connections", NULL, "接続先の一覧を空にする", "empty the connection list", NULL},
    {"clear-controls", NULL, "補完的コントロールの一覧を空にする", "empty the control list", NULL},
    END};

#define ORG_FIELDS                                                                                                 \
    {"beds", "N", "病床数", "number of beds", NULL}, {"administrator", "NAME", "管理者", "administrator (管理者)", NULL}, \
        {"security-officer", "NAME", "医療情報システム安全管理責任者", "security officer (安全管理責任者)", NULL},    \
        {"planning-manager", "NAME", "企画管理者", "planning manager (企画管理者)", NULL},                          \
        {"operations-staff", "NAME", "システム運用担当者", "operations staff (運用担当者)", NULL},                   \
        {"address", "TEXT", "所在地", "address", NULL}, O_NOTE
static const cli_help_opt org_add_opts[] = {{"name", "NAME", "医療機関の名前", "the hospital's name", NULL}, ORG_FIELDS, END};

static const cli_help_opt catalog_import_opts[] = {
    {"layout", "LAYOUT.yaml", "表の読み方（data/layouts/）", "how to read the sheet (data/layouts/)", NULL},
    {"output", "CATALOG.yaml", "書き出すカタログ", "the catalog to write", "-o"},
    {"id", "ID", "カタログの ID", "the catalog id", NULL},
    {"version", "V", "カタログの版", "the catalog version", NULL},
    {"title", "T", "カタログの題名", "the catalog title", NULL},
    {"published", "DATE", "公表日", "date of publication", NULL},
    O_FORCE, END};

static const cli_help_opt assess_new_opts[] = {
    {"system", "SYSTEM", "対象のシステム（なければ医療機関全体）", "the system assessed (else the whole organisation)", NULL},
    O_VENDOR, {"fy", "FY", "年度（2025 または 令和7年度、既定は今年度）", "fiscal year (2025 or 令和7年度; default this one)", NULL},
    {"title", "T", "評価の題名", "the assessment's title", NULL}, END};
static const cli_help_opt assess_list_opts[] = {
    O_FY, {"catalog", "ID", "このカタログの評価だけ", "only assessments of this catalog", NULL},
    {"system", "SYSTEM", "このシステムの評価だけ", "only assessments of this system", NULL},
    {"archived", NULL, "アーカイブした評価を表示する", "list the archived assessments", NULL}, O_JSON, END};
static const cli_help_opt assess_show_opts[] = {
    {"all-parties", NULL, "医療機関・事業者・合意の回答をすべて表示する", "show the hospital's, vendor's and agreed answers", NULL},
    {"missing-reason", NULL, "理由が必要なのに未記入の回答だけ", "only answers that need a reason and have none", NULL},
    O_JSON, END};
static const cli_help_opt assess_signoff_opts[] = {
    {"name", "NAME", "承認者の名前", "who signs off", NULL}, {"role", "ROLE", "承認者の役職", "their role", NULL},
    {"force", NULL, "未回答・期限超過の項目があっても承認する（一覧は表示される）",
     "sign off although items are unanswered or overdue (they are listed)", NULL},
    END};
static const cli_help_opt assess_carry_opts[] = {
    {"to-fy", "FY", "引き継ぎ先の年度", "the fiscal year of the new assessment", NULL},
    {"to-version", "V", "引き継ぎ先のカタログの版", "the catalog version to carry to", NULL},
    {"to-catalog", "ID", "引き継ぎ先のカタログ", "the catalog to carry to", NULL},
    {"keep-values", NULL, "回答を引き継ぐ", "keep the answers", NULL},
    {"keep-dates", NULL, "日付を引き継ぐ", "keep the dates", NULL}, END};

static const cli_help_opt answer_set_opts[] = {
    O_NOTE, {"checked", "DATE", "確認日", "date checked (確認日)", NULL}, {"due", "DATE", "目標日", "target date (目標日)", NULL},
    {"done", "DATE", "完了日", "date done (完了日)", NULL},
    {"owner", "hospital|vendor|joint|na|none", "担当", "who owns the item", NULL},
    {"owner-vendor", "VENDOR", "担当の事業者", "the owning vendor", NULL},
    {"evidence", "REF", "証跡（台帳の #N、または参照。繰り返し可）", "evidence: a register entry #N or a reference (repeatable)", NULL},
    {"reason", "TEXT", "理由（対象外・いいえ など、カタログが求める回答に1行）", "the one-line reason (対象外, いいえ … where the catalog asks)", NULL},
    {"party", "hospital|vendor|agreed", "誰の回答として記録するか", "whose answer this is", NULL}, O_VENDOR, END};
static const cli_help_opt answer_proposals_opts[] = {
    {"all", NULL, "処理済みの提案も表示する", "include decided proposals", NULL}, O_JSON, END};
static const cli_help_opt answer_agree_opts[] = {
    {"take", "hospital|vendor|VALUE", "合意する回答", "the agreed answer", NULL},
    {"with", "NAME", "相手方の参加者", "the other participant", NULL}, O_VENDOR, END};

static const cli_help_opt export_doc_opts[] = {
    O_OUTPUT, {"format", "xlsx|csv|html|md|json", "形式（既定はファイルの拡張子から）", "format (default: from the extension)", NULL},
    O_FORCE, O_DATE, END};
static const cli_help_opt export_checklist_opts[] = {
    O_OUTPUT, {"format", "xlsx|csv|html|md|json", "形式（既定はファイルの拡張子から）", "format (default: from the extension)", NULL},
    O_FORCE, O_DATE,
    {"for-vendor", NULL, "事業者記入用の保護されたブック（XLSX。anzen import answers で取り込む）",
     "a protected workbook for the vendor to fill in (XLSX; read back by anzen import answers)", NULL},
    END};
static const cli_help_opt import_answers_opts[] = {
    {"assessment", "A", "取り込む先の評価（CSV では必須。XLSX ではブックが示す評価と同じであること）",
     "the assessment (required for a CSV; for an XLSX it must be the one the workbook names)", NULL},
    {"dry-run", NULL, "確かめて件数を示すだけで、書き込まない", "check and count only, write nothing", NULL}, END};
static const cli_help_opt export_annex_opts[] = {
    O_OUTPUT, {"format", "md|html|docx", "形式（既定はファイルの拡張子から）", "format (default: from the extension)", NULL},
    {"template", "FILE", "別紙のひな形", "the annex template", NULL},
    {"digest", NULL, "本文の SHA-256 を表示する（書き出さない）", "print the SHA-256 of the text instead of writing", NULL},
    O_FORCE, O_DATE, END};
static const cli_help_opt snapshot_opts[] = {O_OUTPUT, O_FORCE, O_DATE, END};

static const cli_help_opt contract_new_opts[] = {
    O_VENDOR, {"system", "SYSTEM", "契約の対象システム（繰り返し可）", "a system under the contract (repeatable)", NULL},
    {"ref", "REF", "契約番号（保守契約第…号）", "contract reference (保守契約第…号)", NULL},
    {"start", "DATE", "契約開始日", "start date", NULL}, {"end", "DATE", "契約終了日", "end date", NULL},
    {"clauses", "CATALOG[@VERSION]", "条項カタログ（既定は最新の anzen-contract-clauses）",
     "clause catalog (default the newest anzen-contract-clauses)", NULL},
    END};
static const cli_help_opt contract_edit_opts[] = {
    {"ref", "REF", "契約番号（'' で消す）", "contract reference ('' clears)", NULL},
    {"start", "DATE", "契約開始日", "start date", NULL}, {"end", "DATE", "契約終了日", "end date", NULL}, END};
static const cli_help_opt contract_list_opts[] = {
    {"system", "SYSTEM", "このシステムの契約だけ", "only contracts of this system", NULL}, O_JSON, END};
static const cli_help_opt contract_clause_opts[] = {
    {"reason", "TEXT", "含める・除く理由", "why it is included or excluded", NULL}, END};
static const cli_help_opt contract_matrix_opts[] = {
    O_VENDOR, {"note", "TEXT", "備考", "a note", NULL}, END};

static const cli_help_opt progress_opts[] = {
    {"depth", "0|1|2", "集計の深さ（既定 1: 編・章ごと）", "depth of the breakdown (default 1)", NULL}, O_FY, O_JSON, END};
static const cli_help_opt history_opts[] = {
    {"assessment", "A", "この評価の履歴", "the history of this assessment", NULL},
    {"item", "ITEM", "この項目だけ（ID または 1-② のような番号）", "only this item (id or printed reference like 1-②)", NULL},
    {"entity", "org|vendor|system", "台帳の種類の履歴", "the history of this kind of record", NULL},
    {"limit", "N", "表示する件数", "how many rows", NULL}, O_JSON,
    {"all", NULL, "すべて表示する（既定。以前の書き方のために受け付ける）", "every row (the default; accepted for older scripts)", NULL},
    END};
static const cli_help_opt reconcile_opts[] = {
    O_VENDOR, {"only", "different|one-sided", "食い違う項目・片方だけの項目に絞る", "only differing or one-sided items", NULL},
    O_JSON, END};

static const cli_help_opt bundle_export_opts[] = {
    O_OUTPUT, {"as", "vendor|hospital", "どちらの回答を渡すか", "whose answers to hand over", NULL},
    {"name", "NAME", "渡す人の名前", "the sender's name", NULL},
    {"sign", NULL, "Ed25519 で署名する", "sign with your Ed25519 key", NULL},
    {"key", "FILE", "署名に使う鍵", "the signing key file", NULL}, O_FORCE, END};
static const cli_help_opt bundle_import_opts[] = {
    O_INTO, {"partial", NULL, "取り込める項目だけ取り込む", "import what fits, skip the rest", NULL},
    {"create", NULL, "評価や事業者がなければ作る", "create missing assessments or vendors", NULL}, O_VENDOR, END};
static const cli_help_opt bundle_diff_opts[] = {O_INTO, O_VENDOR, O_JSON, END};
static const cli_help_opt bundle_offers_opts[] = {
    {"all", NULL, "処理済みも表示する", "include decided offers", NULL}, O_JSON, END};
static const cli_help_opt bundle_accept_opts[] = {
    {"all", NULL, "未処理の提案をすべて受け入れる", "accept every open offer", NULL}, END};
static const cli_help_opt key_new_opts[] = {
    {"name", "NAME", "鍵の持ち主の名前", "the key owner's name", NULL},
    {"role", "vendor|hospital", "鍵の持ち主の立場", "the owner's role", NULL}, O_FORCE, END};

static const cli_help_cmd catalog_cmds[] = {
    {"validate", "[FILE...]", "カタログファイルを検査する（指定がなければインストール済みのすべて）",
     "check catalog files (all installed ones when none given)", no_opts},
    {"list", "", "カタログの一覧（版、項目数、完全性）", "catalogs with versions, item counts and completeness", json_only},
    {"show", "ID[@VER][:NODE]", "カタログの構成、または一項目の本文と関連", "a catalog's outline, or one item with its text and links", no_opts},
    {"import-sheet", "FILE.xlsx|FILE.csv --layout LAYOUT.yaml -o CATALOG.yaml", "公式様式の表をカタログにする",
     "an official form's spreadsheet as a catalog", catalog_import_opts},
    END};
static const cli_help_cmd org_cmds[] = {
    {"add", "--name NAME", "医療機関を登録する", "register the hospital", org_add_opts},
    {"edit", "", "医療機関の情報を変える", "change the hospital's details", org_add_opts},
    {"show", "", "医療機関と責任者を表示する", "the hospital and its responsible persons", json_only},
    {"list", "", "show と同じ", "the same as show", json_only},
    END};
static const cli_help_cmd vendor_cmds[] = {
    {"add", "NAME", "事業者を登録する", "register a vendor", vendor_add_opts},
    {"edit", "VENDOR", "事業者の情報を変える（VENDOR は名前または #id）", "change a vendor (VENDOR = name or #id)", vendor_edit_opts},
    {"list", "", "事業者の一覧（ISMS・Pマークと期限）", "vendors with ISMS / Pマーク and expiry", vendor_list_opts},
    {"show", "VENDOR", "事業者を一件表示する", "one vendor", json_only},
    {"delete", "VENDOR", "どこからも参照されていない事業者を削除する（参照があればアーカイブを案内）",
     "delete a vendor nothing refers to (else it says what does: archive it)", no_opts},
    {"archive", "VENDOR", "事業者を一覧から隠す（履歴とともに保存）", "hide a vendor from the lists (kept, with its history)", no_opts},
    {"restore", "VENDOR", "アーカイブした事業者を戻す", "bring an archived vendor back", no_opts},
    {"undo", "", "自分の最後の事業者の削除・アーカイブ・復元を取り消す", "undo your own last delete, archive or restore of a vendor", no_opts},
    END};
static const cli_help_cmd system_cmds[] = {
    {"add", "NAME --category C", "システムを台帳に登録する", "add a system to the inventory", system_add_opts},
    {"edit", "SYSTEM", "システムを変える（一覧の項目は行を追加、置き換え・消去は明示）",
     "change a system (a list option adds rows; replacing or clearing is explicit)", system_edit_opts},
    {"list", "", "システム台帳（サポート終了日を過ぎたものに印）", "the inventory (a past end of support is marked)", system_list_opts},
    {"show", "SYSTEM", "システムを一件表示する（SYSTEM は名前または #id）", "one system (SYSTEM = name or #id)", json_only},
    {"delete", "SYSTEM", "どこからも参照されていないシステムを削除する（参照があればアーカイブを案内）",
     "delete a system nothing refers to (else it says what does: archive it)", no_opts},
    {"archive", "SYSTEM", "システムを一覧から隠す（履歴とともに保存）", "hide a system from the lists (kept, with its history)", no_opts},
    {"restore", "SYSTEM", "アーカイブしたシステムを戻す", "bring an archived system back", no_opts},
    {"undo", "", "自分の最後のシステムの削除・アーカイブ・復元を取り消す", "undo your own last delete, archive or restore of a system", no_opts},
    END};
static const cli_help_cmd assess_cmds[] = {
    {"new", "CATALOG[@VER]", "評価を始める", "start an assessment", assess_new_opts},
    {"list", "", "評価の一覧と進み具合", "assessments with progress", assess_list_opts},
    {"show", "A", "項目ごとの回答、日付、担当、備考", "items with answers, dates, owner, notes", assess_show_opts},
    {"signoff", "A --name NAME --role ROLE", "評価を承認する", "sign the assessment off", assess_signoff_opts},
    {"carry", "A --to-fy FY", "次の年度（または版）に引き継ぐ", "carry to the next fiscal year (or version)", assess_carry_opts},
    {"undo", "A", "自分の最後の変更を取り消す", "undo your own last change", no_opts},
    {"archive", "A", "評価を一覧から隠す（履歴とともに保存）", "hide an assessment from the lists (kept, with its history)", no_opts},
    {"restore", "A", "アーカイブした評価を戻す", "bring an archived assessment back", no_opts},
    {"field", "A [KEY VALUE]", "評価の見出し項目（A だけなら一覧、'' で消す）", "header fields (A alone lists them; '' clears)", json_only},
    END};
#define EVIDENCE_FIELDS                                                                                            \
    {"kind", "policy|record|contract|report|config|other", "種類（規程・手順書、記録・議事録、契約書・SLA、報告書、設定・画面、その他）", \
     "kind (規程・手順書, 記録・議事録, 契約書・SLA, 報告書, 設定・画面, other)", NULL},                            \
        {"ref", "REF", "文書番号・パス・URL（ファイルは保存しない）", "document number, path or URL (no file is stored)", NULL}, \
        {"owner", "NAME", "管理者", "who keeps it", NULL},                                                        \
        {"effective", "DATE", "施行日・発効日", "effective date", NULL},                                          \
        {"review", "DATE", "見直し日・有効期限", "review or expiry date", NULL}, O_NOTE
static const cli_help_opt evidence_add_opts[] = {EVIDENCE_FIELDS, END};
static const cli_help_opt evidence_edit_opts[] = {
    {"title", "T", "題名を変える", "rename the entry", NULL}, EVIDENCE_FIELDS,
    {"archived", "yes|no", "アーカイブする・戻す", "archive it or bring it back", NULL}, END};
static const cli_help_opt evidence_list_opts[] = {
    {"all", NULL, "アーカイブしたものも表示する", "include archived entries", NULL},
    {"due", NULL, "期限切れ・見直し時期のものだけ", "only expired or due entries", NULL}, O_JSON, END};
static const cli_help_opt evidence_link_opts[] = {
    {"party", "hospital|vendor|agreed", "どの回答につなぐか", "whose answer to link", NULL}, O_VENDOR, END};
static const cli_help_cmd evidence_cmds[] = {
    {"add", "TITLE", "証跡台帳に登録する", "register an entry", evidence_add_opts},
    {"edit", "E", "登録を直す（'' で消す）", "edit an entry ('' clears)", evidence_edit_opts},
    {"list", "", "台帳の一覧（見直し日、状態、使われている数）", "entries with review date, state and use count", evidence_list_opts},
    {"show", "E", "一件とそれを使う項目（E は #N、題名、参照）", "one entry and the items using it (E: #N, title or ref)", json_only},
    {"link", "E A ITEM", "証跡を項目の回答につなぐ", "link an entry to an item's answer", evidence_link_opts},
    {"unlink", "E A ITEM", "つながりを外す", "unlink it", evidence_link_opts},
    END};

static const cli_help_cmd answer_cmds[] = {
    {"set", "A ITEM VALUE", "回答する（VALUE はカタログの値または表示名、- は変えない）",
     "answer an item (VALUE: the catalog's value or label; - keeps it)", answer_set_opts},
    {"proposals", "A", "対応表から提案された回答", "answers proposed through crosswalks", answer_proposals_opts},
    {"accept", "P...", "提案を受け入れる", "accept proposals", no_opts},
    {"reject", "P...", "提案を退ける", "reject proposals", no_opts},
    {"agree", "A ITEM --take hospital|vendor|VALUE --with NAME", "合意した回答を記録する", "record the agreed answer", answer_agree_opts},
    END};
static const cli_help_cmd progress_cmds[] = {
    {NULL, "[A...|all]", "回答率、適合率、期限切れの目標日、担当（評価・編・章ごと）",
     "answered %, positive %, overdue target dates and owners per assessment and chapter", progress_opts},
    END};
static const cli_help_cmd history_cmds[] = {
    {NULL, "", "監査証跡: 誰が、いつ、何を変えたか（旧 → 新）", "the audit trail: who changed what, when (old → new)", history_opts},
    END};
static const cli_help_cmd diff_cmds[] = {
    {NULL, "A B", "評価 A から B への項目ごとの変化", "item-by-item changes from assessment A to B", json_only}, END};
static const cli_help_cmd contract_cmds[] = {
    {"new", "--vendor V --system S", "保守契約を作る", "create a maintenance contract", contract_new_opts},
    {"edit", "C", "契約の番号・期間を変える", "change a contract's reference or dates", contract_edit_opts},
    {"list", "", "契約の一覧", "the contracts", contract_list_opts},
    {"show", "C", "事実、条項、パラメータ、責任分界表、未了の項目（C は #id または契約番号）",
     "facts, clauses, parameters, 責任分界表, open items (C = #id or reference)", json_only},
    {"clause", "include|exclude C CLAUSE --reason TEXT | reset C CLAUSE", "条項を含める・除く・提案に戻す",
     "include, exclude or reset a clause", contract_clause_opts},
    {"param", "set C CLAUSE NAME VALUE", "条項のパラメータを決める（'' で既定値に戻す）",
     "set a clause parameter ('' returns it to the default)", no_opts},
    {"matrix", "set C COMPONENT PHASE PARTY | reset C COMPONENT PHASE", "責任分界表の一マスを決める・戻す",
     "set or reset one cell of the 責任分界表", contract_matrix_opts},
    {"history", "C", "契約の履歴", "the contract's history", json_only},
    END};
static const cli_help_cmd deemed_cmds[] = {
    {NULL, "", "ガイドライン 7.0 保守委託機関編のみなし遵守: システムごとの可否と理由、事業者ごとの MDS/SDS 別紙",
     "deemed compliance with guideline 7.0: each system's eligibility and reason, the MDS/SDS annex per vendor", json_only},
    END};
static const cli_help_cmd export_cmds[] = {
    {"checklist", "A -o FILE", "チェックリストを書き出す（--for-vendor で事業者記入用）",
     "write the checklist of assessment A (--for-vendor: the vendor's workbook)", export_checklist_opts},
    {"kakuninhyo", "A -o FILE", "役割分担確認表を書き出す", "write the 確認表 of assessment A", export_doc_opts},
    {"gaps", "A -o FILE", "未対応の項目の一覧を書き出す", "write the open gaps of assessment A", export_doc_opts},
    {"disclosure", "A -o FILE", "MDS/SDS 開示書を書き出す", "write the MDS/SDS disclosure of assessment A", export_doc_opts},
    {"annex", "CONTRACT -o FILE", "契約書別紙を書き出す（--digest で SHA-256 だけ）",
     "write the contract annex (--digest prints its SHA-256)", export_annex_opts},
    END};
static const cli_help_cmd snapshot_cmds[] = {
    {NULL, "A... -o FILE", "立入検査用のスナップショット（一つの HTML と SHA-256 の目録）",
     "an inspection snapshot: one HTML page with a SHA-256 manifest", snapshot_opts},
    END};
static const cli_help_cmd verify_cmds[] = {
    {NULL, "FILE", "スナップショットを検証する（OK または変わった箇所）", "check a snapshot: OK, or which entries changed", no_opts},
    END};
static const cli_help_cmd import_cmds[] = {
    {"answers", "FILE.xlsx|FILE.csv", "事業者が記入した表を事業者の回答として取り込む（1 トランザクション）",
     "a vendor's filled spreadsheet as vendor answers, in one transaction", import_answers_opts},
    END};
static const cli_help_cmd bundle_cmds[] = {
    {"export", "A... -o FILE", "一方の回答を束にして渡す（JSON、SHA-256、--sign で署名）",
     "hand one party's answers over (JSON, SHA-256, signed with --sign)", bundle_export_opts},
    {"import", "FILE", "相手方の回答として取り込む（一つのトランザクション）",
     "import as the other party's answers, in one transaction", bundle_import_opts},
    {"diff", "FILE", "取り込む前に項目ごとの違いを見る", "per-item differences, before importing", bundle_diff_opts},
    {"offers", "", "束が提案した台帳の事実", "inventory facts a bundle offered, to review", bundle_offers_opts},
    {"accept", "N...|--all", "提案された事実を受け入れる", "accept offered facts", bundle_accept_opts},
    {"reject", "N...", "提案された事実を退ける", "reject offered facts", no_opts},
    END};
static const cli_help_cmd key_cmds[] = {
    {"new", "", "自分の署名鍵を作る（データディレクトリ、0600）", "create your signing key (in the data directory, 0600)", key_new_opts},
    {"show", "", "自分の公開鍵を表示する", "show your public key", no_opts},
    {"trust", "FILE", "相手の公開鍵を信頼する", "trust another party's public key", no_opts},
    {"list", "", "信頼している公開鍵", "the trusted public keys", json_only},
    END};
static const cli_help_cmd reconcile_cmds[] = {
    {NULL, "A", "医療機関・事業者・合意の回答を項目ごとに並べる", "hospital, vendor and agreed answers side by side", reconcile_opts},
    END};

/* One entry per group registered in cli/cli.c, in the same order. */
const cli_help_group cli_help_groups[] = {
    {"catalog", "カタログ: 検査、一覧、表示、表の取り込み", "catalogs: validate, list, show, import-sheet", catalog_cmds},
    {"org", "医療機関", "the hospital", org_cmds},
    {"vendor", "事業者", "vendors (事業者)", vendor_cmds},
    {"system", "システム台帳", "system inventory (システム台帳)", system_cmds},
    {"assess", "評価", "assessments", assess_cmds},
    {"answer", "評価の回答", "answers of an assessment", answer_cmds},
    {"evidence", "証跡台帳", "the evidence register (証跡台帳)", evidence_cmds},
    {"progress", "進み具合", "progress", progress_cmds},
    {"history", "監査証跡", "audit trail", history_cmds},
    {"diff", "評価の比較", "compare assessments", diff_cmds},
    {"contract", "保守契約と別紙", "maintenance contracts (保守契約) and their annex", contract_cmds},
    {"deemed", "ガイドライン 7.0 のみなし遵守", "deemed compliance with guideline 7.0", deemed_cmds},
    {"export", "文書の書き出し", "documents", export_cmds},
    {"snapshot", "立入検査用スナップショット", "inspection snapshot", snapshot_cmds},
    {"verify", "スナップショットの検証", "check a snapshot", verify_cmds},
    {"bundle", "医療機関と事業者の間の回答の束", "answer bundles between hospital and vendor", bundle_cmds},
    {"key", "署名鍵", "signing keys", key_cmds},
    {"reconcile", "医療機関と事業者の回答の突き合わせ", "hospital and vendor answers side by side", reconcile_cmds},
    {"import", "事業者が記入した表の取り込み", "a vendor's filled spreadsheet", import_cmds},
};
const size_t cli_help_group_count = sizeof cli_help_groups / sizeof cli_help_groups[0];

const cli_help_group *cli_help_group_find(const char *name)
{
    for (size_t i = 0; i < cli_help_group_count; i++)
        if (strcmp(cli_help_groups[i].name, name) == 0)
            return &cli_help_groups[i];
    return NULL;
}

const cli_help_cmd *cli_help_cmd_find(const cli_help_group *g, const char *sub)
{
    for (const cli_help_cmd *c = g->cmds; c->ja; c++)
        if (sub ? c->sub && strcmp(c->sub, sub) == 0 : !c->sub)
            return c;
    return NULL;
}
