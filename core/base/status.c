/* The status table's rows (status.h), the messages of every code in English and Japanese, the
 * labels of field identifiers, and status_format. */
#include "status.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

static const struct {
    const char *name;
    int exit_code;
} rows[STATUS__COUNT] = {
#define STATUS_ROW(code, exit, id) [STATUS_##code] = {id, exit},
    STATUS_CODES(STATUS_ROW)
#undef STATUS_ROW
};

/* Keyed by code. Placeholders: see status_format. A [part] shows only when all its placeholders
 * have a value. The English texts are the sentences core wrote before the status table, so
 * scripts reading them see no change. */
static const struct {
    const char *en, *ja;
} messages[STATUS__COUNT] = {
    [STATUS_OK] = {"done", "完了しました"},
    [STATUS_INTERNAL] = {"internal error[: {extra}]", "内部エラー[: {extra}]"},

    [STATUS_DB_NO_PLACE] = {"cannot find a place for the database: set HOME, ANZEN_DB or --db",
                            "データベースの置き場所がありません。HOME、ANZEN_DB または --db を指定してください"},
    [STATUS_DATA_MISSING] = {"the shipped catalogs are missing: {entity} is not a directory (reinstall anzen, or set ANZEN_DATA_DIR to the directory holding catalogs/)",
                             "同梱のカタログが見つかりません: {entity} はディレクトリではありません（anzen を入れ直すか、catalogs/ のあるディレクトリを ANZEN_DATA_DIR に指定してください）"},
    [STATUS_DB_MISSING] = {"database {entity} does not exist", "データベース {entity} がありません"},
    [STATUS_DIR_CANNOT_CREATE] = {"cannot create directory {entity}[: {extra}]",
                                  "ディレクトリ {entity} を作成できません[: {extra}]"},
    [STATUS_DB_DIR_MISSING] = {"the directory {entity} of the database does not exist (a path given with --db or ANZEN_DB is not created: check it, or create the directory first)",
                               "データベースのディレクトリ {entity} がありません（--db や ANZEN_DB で指定したパスのディレクトリは作りません。パスを確かめるか、先にディレクトリを作ってください）"},
    [STATUS_DB_CANNOT_CREATE] = {"cannot create database {entity}[: {extra}]",
                                 "データベース {entity} を作成できません[: {extra}]"},
    [STATUS_DB_CANNOT_OPEN] = {"cannot open database {entity}[: {extra}]",
                               "データベース {entity} を開けません[: {extra}]"},
    [STATUS_DB_NOT_SQLITE] = {"{entity} is not an anzen database (not an SQLite file[: {extra}]); it was left untouched",
                              "{entity} は anzen のデータベースではありません（SQLite のファイルではない[: {extra}]）。"
                              "ファイルには触れていません"},
    [STATUS_DB_NOT_REGULAR] = {"{entity} is not a regular file (a FIFO, device or directory); it was left untouched",
                               "{entity} は通常のファイルではありません（FIFO、デバイスまたはディレクトリ）。ファイルには触れていません"},
    [STATUS_DB_OTHER_PROGRAM] = {"{entity} is an SQLite database of another program, not an anzen database; it was left untouched",
                                 "{entity} は別のプログラムの SQLite データベースで、anzen のデータベースではありません。ファイルには触れていません"},
    [STATUS_DB_NEWER] = {"{entity} was written by a newer anzen (schema {num}; this anzen knows up to {id}). "
                         "Nothing was changed; please use the newer anzen.",
                         "{entity} は新しい版の anzen で書かれています（スキーマ {num}、この anzen は {id} まで）。"
                         "何も変更していません。新しい anzen を使ってください"},
    [STATUS_DB_UPGRADE_READONLY] = {"{entity} needs a schema upgrade ({num} → {id}) but is read-only",
                                    "{entity} はスキーマの更新（{num} → {id}）が必要ですが、読み取り専用です"},
    [STATUS_DB_MIGRATION] = {"schema migration {num} failed[: {extra}]", "スキーマの更新 {num} に失敗しました[: {extra}]"},
    [STATUS_DB_READONLY] = {"database[ {entity}] is read-only: changes cannot be saved",
                            "データベース[ {entity} ]は読み取り専用のため、変更を保存できません"},
    [STATUS_DB_BUSY] = {"database[ {entity}] is locked by another program[ ({field})][: {extra}]",
                        "データベース[ {entity} ]は他のプログラムが使用中です[（{field}）][: {extra}]"},
    [STATUS_SQL] = {"database error[ ({field})][ in {entity}][: {extra}]",
                    "データベースのエラー[（{field}）][（{entity}）][: {extra}]"},
    [STATUS_DISK_FULL] = {"the disk is full[ ({entity})]: nothing was saved (free some space and try again)",
                          "ディスクがいっぱいです[（{entity}）]。何も保存していません（空きを作ってやり直してください）"},
    [STATUS_IO_ERROR] = {"an I/O error[ in {entity}][: {extra}]; nothing was saved",
                         "入出力エラーです[（{entity}）][: {extra}]。何も保存していません"},

    [STATUS_DATE_EMPTY] = {"[{field}: ]empty date (use 2025-04-01, 令和7年4月1日 or R7.4.1)",
                           "[{field}: ]日付が空です（2025-04-01、令和7年4月1日、R7.4.1 の形で入力してください）"},
    [STATUS_DATE_MALFORMED] = {"[{field}: ]malformed date \"{value}\" (use 2025-04-01, 令和7年4月1日 or R7.4.1)",
                               "[{field}: ]「{value}」は日付として読めません（2025-04-01、令和7年4月1日、R7.4.1 の形で入力してください）"},
    [STATUS_DATE_ERA_YEAR] = {"[{field}: ]malformed date \"{value}\": era year must be 元 or 1 or more",
                              "[{field}: ]「{value}」は日付として読めません: 和暦の年は元年か1以上です"},
    [STATUS_DATE_NO_SUCH] = {"[{field}: ]no such date \"{value}\"[ ({extra})]",
                             "[{field}: ]「{value}」という日付はありません[（{extra}）]"},
    [STATUS_DATE_OUTSIDE_ERA] = {"[{field}: ]\"{value}\" is outside {entity} ({extra})",
                                 "[{field}: ]「{value}」は{entity}の期間（{extra}）の外です"},
    [STATUS_DATE_NOT_ISO] = {"[{field}: ]\"{value}\" is not a date (YYYY-MM-DD)",
                             "[{field}: ]「{value}」は日付（YYYY-MM-DD）ではありません"},
    [STATUS_FY_EMPTY] = {"[{field}: ]empty fiscal year (use 2025 or 令和7年度)",
                         "[{field}: ]年度が空です（2025 か 令和7年度 の形で入力してください）"},
    [STATUS_FY_MALFORMED] = {"[{field}: ]malformed fiscal year \"{value}\" (use 2025, 令和7年度 or R7)",
                             "[{field}: ]「{value}」は年度として読めません（2025、令和7年度、R7 の形で入力してください）"},
    [STATUS_FY_OUT_OF_RANGE] = {"fiscal year {num} is out of range", "年度 {num} は範囲外です"},

    [STATUS_FIELD_REQUIRED] = {"{field} is required", "{field}は必須です"},
    [STATUS_NOT_A_NUMBER] = {"[{field}: ]\"{value}\" is not a number", "[{field}: ]「{value}」は数値ではありません"},
    [STATUS_NEGATIVE] = {"{field} must not be negative", "{field}に負の数は指定できません"},
    [STATUS_NOT_YES_NO] = {"[{field}: ]\"{value}\" is not yes or no", "[{field}: ]「{value}」は「はい」「いいえ」のどちらでもありません"},
    [STATUS_CATEGORY_UNKNOWN] = {"[{field}: ]unknown \"{value}\"", "[{field}: ]「{value}」という区分はありません"},
    [STATUS_HOSTING_UNKNOWN] = {"[{field}: ]\"{value}\" is not on-premises, cloud or hybrid",
                                "[{field}: ]「{value}」はオンプレミス・クラウド・ハイブリッドのいずれでもありません"},
    [STATUS_UPDATES_BY_UNKNOWN] = {"[{field}: ]\"{value}\" is not hospital, vendor or none",
                                   "[{field}: ]「{value}」は医療機関・事業者・なしのいずれでもありません"},
    [STATUS_CSV_NOT_TEXT] = {"{entity}:{line}[:{col}]: not {extra} text",
                             "{entity}:{line}[:{col}]: {extra} の文字として読めません"},
    [STATUS_CSV_QUOTE_OPEN] = {"{entity}:{line}: row {num}, column {col}: a quoted field is not closed",
                               "{entity}:{line}: {num}行目 {col}列目: 引用符（\"）で始まる欄が閉じていません"},
    [STATUS_CSV_QUOTE_STRAY] = {"{entity}:{line}: row {num}, column {col}: a quote inside an unquoted field, or text after a closing quote",
                                "{entity}:{line}: {num}行目 {col}列目: 引用符で囲まれていない欄の中の引用符、または閉じた引用符の後の文字があります"},
    [STATUS_CSV_TOO_BIG] = {"{entity}: larger than {num} bytes", "{entity}: {num} バイトを超えています"},
    [STATUS_SHEET_UNREADABLE] = {"{entity}: not a readable XLSX workbook[ (part {value})]",
                                 "{entity}: XLSX のブックとして読めません[（部品 {value}）]"},
    [STATUS_SHEET_DAMAGED] = {"{entity}: part {value} is damaged[ (line {line})]",
                              "{entity}: 部品 {value} が壊れています[（{line}行目）]"},
    [STATUS_SHEET_CELL_MALFORMED] = {"{entity}[!{value}]: malformed cell[ in {extra}][ (line {line})]",
                                     "{entity}[!{value}]: セルの形式が不正です[（{extra}）][（{line}行目）]"},
    [STATUS_SHEET_NOT_FOUND] = {"{entity}: no sheet \"{value}\"[ (sheets: {extra})]",
                                "{entity}: シート「{value}」がありません[（シート: {extra}）]"},
    [STATUS_SHEET_FORMAT_UNKNOWN] = {"{entity}: not a .xlsx or .csv file", "{entity}: .xlsx でも .csv でもありません"},
    [STATUS_SHEET_EMPTY_NUMBER] = {"{entity}!{value}: empty item number", "{entity}!{value}: 項目番号が空です"},
    [STATUS_SHEET_EMPTY_TEXT] = {"{entity}!{value}: empty item text[ (item {item})]",
                                 "{entity}!{value}: 項目の文言が空です[（項目 {item}）]"},
    [STATUS_SHEET_NUMBER_TWICE] = {"{entity}!{value}: item number \"{item}\" repeated (first in {extra})",
                                   "{entity}!{value}: 項目番号「{item}」が重複しています（最初は {extra}）"},
    [STATUS_SHEET_HEADER_MISSING] = {"{entity}: no column titled \"{value}\"[ in header row {num}][ in the top {extra} rows]",
                                     "{entity}: [見出し行 {num} に][上から {extra} 行に]「{value}」という列がありません"},
    [STATUS_SHEET_NO_ITEMS] = {"{entity}: no item rows below header row {num}",
                               "{entity}: 見出し行 {num} の下に項目の行がありません"},
    [STATUS_LAYOUT_NOT_YAML] = {"{entity}[:{line}][:{col}]: not a sheet layout[: {extra}]",
                                "{entity}[:{line}][:{col}]: シートのレイアウトファイルとして読めません[: {extra}]"},
    [STATUS_LAYOUT_FIELD_UNKNOWN] = {"{entity}:{line}:{col}: unknown field \"{field}\"",
                                     "{entity}:{line}:{col}: 不明な項目「{field}」"},
    [STATUS_LAYOUT_FIELD_REQUIRED] = {"{entity}[:{line}][:{col}]: {field} is required",
                                      "{entity}[:{line}][:{col}]: {field} は必須です"},
    [STATUS_LAYOUT_INVALID] = {"{entity}:{line}:{col}: {field}: \"{value}\" is not valid[ (expected {extra})]",
                               "{entity}:{line}:{col}: {field}: 「{value}」は使えません[（使えるもの: {extra}）]"},
    [STATUS_CATALOG_ID_TAKEN] = {"{entity} is already defined in {extra}: give another --id or --version",
                                 "{entity} は {extra} で定義済みです。--id または --version で別の識別子を指定してください"},
    [STATUS_PORT_MALFORMED] = {"[{field}: ]numbers 1-65535 or ranges, comma-separated (80,443 / 49152-65535), not \"{value}\"",
                               "[{field} は ]1〜65535 の番号か範囲をカンマ区切りで入力してください（例 80,443 / 49152-65535）（「{value}」）"},
    [STATUS_PORT_OUT_OF_RANGE] = {"[{field}: ]port {num} is out of range 1-65535 (\"{value}\")",
                                  "[{field} は ]1〜65535 の番号か範囲で入力してください: {num} は範囲外です（「{value}」）"},
    [STATUS_LIST_ROW_TOO_MANY] = {"[{field}: ]\"{value}\" has more than {num} fields[ (use '{extra}')]",
                                  "[{field}: ]「{value}」は項目が {num} を超えています[（'{extra}' の形で）]"},
    [STATUS_LIST_ROW_INCOMPLETE] = {"[{field}: ]an entry[ \"{value}\"] has no {entity}[ (use '{extra}')]",
                                    "[{field}: ]行[「{value}」]に{entity}がありません[（'{extra}' の形で）]"},
    [STATUS_ORG_MISSING] = {"no organisation yet", "医療機関が未登録です"},
    [STATUS_ORG_EXISTS] = {"the organisation exists already[ ({value})]", "医療機関は既に登録されています[（{value}）]"},
    [STATUS_NAME_EMPTY] = {"{entity}: empty name", "{entity}の名前が空です"},
    [STATUS_NAME_TAKEN] = {"a {entity} named \"{value}\" exists already", "「{value}」という{entity}は既に登録されています"},
    [STATUS_VENDOR_NOT_FOUND] = {"unknown vendor[ \"{value}\"][ #{id}]", "事業者[「{value}」][ #{id}]は登録されていません"},
    [STATUS_SYSTEM_NOT_FOUND] = {"unknown system[ \"{value}\"][ #{id}]",
                                 "システム[「{value}」][ #{id}]は登録されていません"},
    [STATUS_IN_USE] = {"cannot delete {entity} \"{value}\": {num} {field} record(s) refer to it (archive it instead)",
                       "削除不可: {entity}「{value}」は{field} {num} 件が参照中（アーカイブ可）"},
    [STATUS_INVENTORY_NOTHING_TO_UNDO] = {"nothing to undo[ by {value}] among the [{entity} ]deletes, archives and restores",
                                          "[{value}が]取り消せる[{entity}の]削除・アーカイブ・復元はありません"},

    [STATUS_CATALOG_NOT_FOUND] = {"unknown catalog {entity}", "カタログ {entity} はありません"},
    [STATUS_CATALOG_NO_ITEMS] = {"catalog {entity} has no assessable items", "カタログ {entity} には評価する項目がありません"},
    [STATUS_CATALOG_GONE] = {"catalog {entity}[ of assessment #{id}] is no longer installed",
                             "[評価 #{id} の]カタログ {entity} はもうインストールされていません"},
    [STATUS_ASSESSMENT_KEY] = {"\"{value}\" is not an assessment number", "「{value}」は評価の番号ではありません"},
    [STATUS_ASSESSMENT_NOT_FOUND] = {"no assessment #{id}", "評価 #{id} はありません"},
    [STATUS_ASSESSMENT_EXISTS] = {"an assessment of {entity} for this scope in {value} exists already",
                                  "{value}の {entity} の評価（同じ対象）は既にあります"},
    [STATUS_ITEM_NOT_FOUND] = {"unknown item \"{item}\" in {entity}", "{entity} に項目「{item}」はありません"},
    [STATUS_ITEM_IS_HEADING] = {"unknown item \"{item}\" in {entity} (it is a heading, not an assessable item)",
                                "{entity} の「{item}」は見出しで、評価する項目ではありません"},
    [STATUS_ANSWER_VALUE_UNKNOWN] = {"unknown value \"{value}\" for {item} (answers of {entity}: {extra})",
                                     "{item} の回答に「{value}」はありません（{entity} の回答: {extra}）"},
    [STATUS_DATE_NOT_OFFERED] = {"{entity} does not record {field}", "{entity} には{field}の欄がありません"},
    [STATUS_VENDOR_ANSWER_NO_VENDOR] = {"a vendor answer needs a vendor: assessment #{id} has none",
                                        "事業者の回答には事業者が必要ですが、評価 #{id} には事業者がありません"},
    [STATUS_OWNER_VENDOR_REQUIRED] = {"owner vendor: name which vendor is responsible (the assessment has no vendor)",
                                      "担当事業者: 担当する事業者を指定してください（この評価には事業者がありません）"},
    [STATUS_EVIDENCE_MALFORMED] = {"evidence: each reference must be one non-empty line (path, URL or text)",
                                   "証跡: 1件ごとに空でない1行で入力してください（パス、URL または文）"},
    [STATUS_REASON_REQUIRED] = {"{item}: the answer \"{value}\" needs a reason (one line, e.g. --reason \"…\")",
                                "{item}: 回答「{value}」には理由が必要です（1行、例 --reason \"…\"）"},
    [STATUS_REASON_MALFORMED] = {"[{item}: ]the reason must be one line", "[{item}: ]理由は1行で入力してください"},
    [STATUS_NOTHING_TO_UNDO] = {"nothing to undo[ by {value}] in assessment #{id}", "評価 #{id} に[{value}が]取り消せる変更はありません"},
    [STATUS_UNDO_BLOCKED] = {"cannot undo your last change (action {num}): {item} was changed since by {value}[ ({extra})]",
                             "最後の変更（操作 {num}）は取り消せません: {item} はその後 {value} が変更しました[（{extra}）]"},
    [STATUS_SIGNOFF_NAME_REQUIRED] = {"sign-off: the name of the person signing is required",
                                      "承認: 承認者の氏名は必須です"},
    [STATUS_SIGNOFF_ROLE_REQUIRED] = {"sign-off: the role of the person signing is required (e.g. 医療情報システム安全管理責任者)",
                                      "承認: 承認者の役職は必須です（例 医療情報システム安全管理責任者）"},
    [STATUS_SIGNOFF_OPEN_ITEMS] = {"assessment #{id} has open items:[ unanswered {num}][ overdue {value}]; to sign off anyway, add --force",
                                   "評価 #{id} に未処理の項目があります:[ 未回答 {num} 件][ 期限超過 {value} 件]。このまま承認するには --force を付けてください"},
    [STATUS_PROPOSAL_NOT_FOUND] = {"no proposal #{id}", "提案 #{id} はありません"},
    [STATUS_PROPOSAL_NOT_OPEN] = {"proposal #{id} is {field}, not open", "提案 #{id} は{field}のため、未決ではありません"},
    [STATUS_PROPOSAL_VALUE_GONE] = {"proposal #{id}: \"{value}\" is no longer an answer of {entity}",
                                    "提案 #{id}: 「{value}」は {entity} の回答ではなくなりました"},

    [STATUS_CONTRACT_NOT_FOUND] = {"unknown contract[ \"{value}\"][ #{id}]", "契約[「{value}」][ #{id}]は登録されていません"},
    [STATUS_CONTRACT_NO_SYSTEM] = {"a contract covers at least one system", "契約の対象システムを1つ以上指定してください"},
    [STATUS_CONTRACT_SYSTEM_TWICE] = {"system \"{value}\" is named twice", "システム「{value}」が2回指定されています"},
    [STATUS_TERM_ENDS_BEFORE_START] = {"the term ends ({value}) before it starts ({extra})",
                                       "契約期間の終了日（{value}）が開始日（{extra}）より前です"},
    [STATUS_CATALOG_NOT_CLAUSES] = {"catalog {entity} is a {value}, not a clause library",
                                    "カタログ {entity} は {value} で、条項ライブラリではありません"},
    [STATUS_CLAUSES_GONE] = {"the clause library {entity} of contract #{id} is no longer installed",
                             "契約 #{id} の条項ライブラリ {entity} はもうインストールされていません"},
    [STATUS_CLAUSE_NOT_FOUND] = {"unknown clause \"{item}\" in {entity}", "{entity} に条項「{item}」はありません"},
    [STATUS_CLAUSE_REASON_REQUIRED] = {"{field} a clause needs a reason (kept in the history)",
                                       "条項の{field}には理由が必要です（履歴に残ります）"},
    [STATUS_PARAM_NOT_FOUND] = {"clause {item} has no parameter \"{value}\"", "条項 {item} にパラメータ「{value}」はありません"},
    [STATUS_PARAM_EMPTY] = {"{field}: empty value", "{field}: 値が空です"},
    [STATUS_PARAM_NOT_INTEGER] = {"{field} (integer): \"{value}\" is not a whole number (-1000000000 to 1000000000)",
                                  "{field}（整数）: 「{value}」は整数（-1000000000〜1000000000）ではありません"},
    [STATUS_PARAM_NOT_BOOLEAN] = {"{field} (boolean): \"{value}\" is not true or false (yes/no, はい/いいえ)",
                                  "{field}（真偽値）: 「{value}」は「はい」「いいえ」のどちらでもありません"},
    [STATUS_PARAM_NOT_UTF8] = {"{field} (text): the text is not valid UTF-8", "{field}（文字列）: UTF-8 の文字列ではありません"},
    [STATUS_PARAM_CONTROL_CHAR] = {"{field} (text): the text contains a control character ({value})",
                                   "{field}（文字列）: 制御文字（{value}）が含まれています"},
    [STATUS_PARAM_TOO_LONG] = {"{field} (text): the text has {num} characters; at most {extra} are allowed",
                               "{field}（文字列）: {num} 文字あります。{extra} 文字までです"},
    [STATUS_PARAM_NOT_A_CHOICE] = {"{field} (enum): \"{value}\" is not one of {extra}",
                                   "{field}（選択肢）: 「{value}」は {extra} のいずれでもありません"},
    [STATUS_COMPONENT_UNKNOWN] = {"unknown component[ \"{value}\"] (server-os middleware application client network cloud line medical-device)",
                                  "構成要素[「{value}」]はありません（server-os middleware application client network cloud line medical-device）"},
    [STATUS_PHASE_UNKNOWN] = {"unknown phase[ \"{value}\"] (normal emergency exit / 通常時 非常時 契約終了時)",
                              "局面[「{value}」]はありません（normal emergency exit / 通常時 非常時 契約終了時）"},
    [STATUS_PARTY_UNKNOWN] = {"unknown party[ \"{value}\"] (hospital vendor joint na / 医療機関 事業者 共同 対象外)",
                              "分担[「{value}」]はありません（hospital vendor joint na / 医療機関 事業者 共同 対象外）"},
    [STATUS_TEMPLATE_UNREADABLE] = {"cannot read the template {entity}[: {extra}]", "テンプレート {entity} を読めません[: {extra}]"},
    [STATUS_TEMPLATE_INVALID] = {"the template {entity} has errors", "テンプレート {entity} に誤りがあります"},
    [STATUS_FIELD_UNKNOWN] = {"{entity} has no field \"{value}\"[ (fields: {extra})]",
                              "{entity} にフィールド「{value}」はありません[（フィールド: {extra}）]"},
    [STATUS_FIELD_NONE] = {"{entity} has no header fields (\"{value}\")",
                           "{entity} にはフィールドがありません（「{value}」）"},
    [STATUS_FIELD_CHOICE] = {"[{field}: ]\"{value}\" is not one of {extra}",
                             "[{field}: ]「{value}」は選択肢（{extra}）にありません"},

    [STATUS_DOCUMENT_NOT_FIT] = {"the {value} document is for {extra} catalogs; assessment #{id} uses {entity}, a {field}",
                                 "{value} の文書は {extra} のカタログ用です。評価 #{id} のカタログ {entity} は {field} です"},
    [STATUS_FORMAT_UNKNOWN] = {"[{field}: ]\"{value}\" is not one of {extra}",
                               "[{field}: ]「{value}」という形式はありません（{extra} のいずれか）"},
    [STATUS_FORMAT_FROM_PATH] = {"{entity}: cannot tell the format from the extension[ (use {extra})]",
                                 "{entity}: 拡張子から形式が分かりません[（{extra} を指定してください）]"},
    [STATUS_FILE_EXISTS] = {"{entity} exists already[ ({extra})]", "{entity} は既にあります[（{extra}）]"},
    [STATUS_FILE_CANNOT_WRITE] = {"cannot write {entity}[: {extra}]", "{entity} に書き込めません[: {extra}]"},
    [STATUS_FILE_CANNOT_READ] = {"cannot read {entity}[: {extra}]", "{entity} を読めません[: {extra}]"},
    [STATUS_EXPORT_TOO_LONG] = {"{entity}: the text is too long for this format",
                                "{entity}: 文字数がこの形式の上限を超えています"},
    [STATUS_EXPORT_RENDER] = {"{entity}: the writer failed[ (error {num})]", "{entity}: 書き出しに失敗しました[（エラー {num}）]"},
    [STATUS_SNAPSHOT_NO_DATA] = {"{entity}: no anzen snapshot data in it (not a snapshot, or cut short)",
                                 "{entity}: anzen のスナップショットのデータがありません（スナップショットではないか、途中で切れています）"},
    [STATUS_SNAPSHOT_BAD_DATA] = {"{entity}: its data block is damaged (not valid snapshot JSON)",
                                  "{entity}: データ部分が壊れています（スナップショットの JSON として読めません）"},
    [STATUS_EVIDENCE_NOT_FOUND] = {"no evidence entry[ #{id}][ \"{value}\"] in the register",
                                   "証跡[ #{id} ][「{value}」]は台帳に登録されていません"},
    [STATUS_EVIDENCE_AMBIGUOUS] = {"\"{value}\" names more than one evidence entry: use its number (anzen evidence list)",
                                   "「{value}」に当たる証跡が複数あります。番号で指定してください（anzen evidence list）"},
    [STATUS_EVIDENCE_KIND_UNKNOWN] = {"unknown kind of evidence[ \"{value}\"] (policy 規程・手順書, record 記録・議事録, contract 契約書・SLA, report 報告書, config 設定・画面, other その他)",
                                      "証跡の種類[「{value}」]はありません（規程・手順書 policy、記録・議事録 record、契約書・SLA contract、報告書 report、設定・画面 config、その他 other）"},
    [STATUS_EVIDENCE_REVIEW_BEFORE_EFFECTIVE] = {"the review date {value} is before the effective date[ {extra}]",
                                                 "見直し期限 {value} が制定日・発効日[ {extra} ]より前です"},
    [STATUS_SNAPSHOT_NO_MANIFEST] = {"{entity}: its manifest is missing", "{entity}: マニフェストがありません"},
    [STATUS_SNAPSHOT_BAD_MANIFEST] = {"{entity}: its manifest is damaged (not valid manifest JSON)",
                                      "{entity}: マニフェストが壊れています（マニフェストの JSON として読めません）"},
    [STATUS_ARG_NOT_UTF8] = {"{field}: not valid UTF-8 text ({value}); nothing was done",
                             "{field}: UTF-8 の文字列ではありません（{value}）。何もしていません"},
    [STATUS_NUMBER_OUT_OF_RANGE] = {"[{field}: ]{value} is out of range[ ({extra})]",
                                    "[{field}: ]{value} は範囲外です[（{extra}）]"},

    [STATUS_BUNDLE_TOO_BIG] = {"{entity}: the file has {num} bytes; a bundle may have at most {extra}",
                               "{entity}: ファイルが {num} バイトあります。バンドルは {extra} までです"},
    [STATUS_BUNDLE_NOT_UTF8] = {"{entity}:{line}:{col}: the text is not valid UTF-8",
                                "{entity}:{line}:{col}: UTF-8 の文字列ではありません"},
    [STATUS_BUNDLE_NOT_JSON] = {"{entity}:{line}:{col}: not JSON (or cut short)",
                                "{entity}:{line}:{col}: JSON として読めません（または途中で切れています）"},
    [STATUS_BUNDLE_DUPLICATE_KEY] = {"{entity}: {field}: the key \"{value}\" appears twice",
                                     "{entity}: {field}: キー「{value}」が2回あります"},
    [STATUS_BUNDLE_UNKNOWN_KEY] = {"{entity}: {field}: unknown key (not in anzen-bundle/1)",
                                   "{entity}: {field}: 不明なキーです（anzen-bundle/1 にありません）"},
    [STATUS_BUNDLE_STRING_TOO_LONG] = {"{entity}: {field}: a text of {num} bytes; at most {extra} are allowed",
                                       "{entity}: {field}: {num} バイトの文字列です。{extra} までです"},
    [STATUS_BUNDLE_MISSING] = {"{entity}: {field} is missing", "{entity}: {field} がありません"},
    [STATUS_BUNDLE_TYPE] = {"{entity}: {field} must be {extra}", "{entity}: {field} は {extra} でなければなりません"},
    [STATUS_BUNDLE_BAD_VALUE] = {"{entity}: {field}: \"{value}\" is not {extra}",
                                 "{entity}: {field}: 「{value}」は {extra} ではありません"},
    [STATUS_BUNDLE_FORMAT] = {"{entity}: not an anzen bundle (format \"{value}\", expected {extra})",
                              "{entity}: anzen のバンドルではありません（形式「{value}」、{extra} が必要です）"},
    [STATUS_BUNDLE_DIGEST] = {"{entity}: the content does not match its SHA-256 digest (changed after export); nothing was imported",
                              "{entity}: 内容が SHA-256 ダイジェストと一致しません（書き出し後に変更されています）。何も取り込んでいません"},
    [STATUS_BUNDLE_SIGNATURE] = {"{entity}: the signature does not match[ (key {value})]; nothing was imported",
                                 "{entity}: 署名が一致しません[（鍵 {value}）]。何も取り込んでいません"},
    [STATUS_BUNDLE_SIGNER_UNKNOWN] = {"{entity}: signed by an unknown key {value}[ ({extra})]; trust it first (anzen key trust FILE)",
                                      "{entity}: 未登録の鍵 {value}[（{extra}）]で署名されています。先に anzen key trust FILE で登録してください"},
    [STATUS_BUNDLE_CATALOG_UNKNOWN] = {"{entity}: {field}: catalog {value} is not installed here",
                                       "{entity}: {field}: カタログ {value} はここにインストールされていません"},
    [STATUS_BUNDLE_ITEM_UNKNOWN] = {"{entity}: {field}: unknown item \"{item}\" in {value}",
                                    "{entity}: {field}: {value} に項目「{item}」はありません"},
    [STATUS_BUNDLE_VALUE_UNKNOWN] = {"{entity}: {field}: unknown answer \"{value}\" for {item} (answers: {extra})",
                                     "{entity}: {field}: {item} の回答に「{value}」はありません（回答: {extra}）"},
    [STATUS_BUNDLE_VERSION_MISMATCH] = {"{entity}: the bundle answers {value}; here[ assessment #{id}] uses {extra}[; {num} item(s) do not map]: nothing was imported (use --partial to import what maps)",
                                        "{entity}: バンドルは {value} の回答で、こちら[（評価 #{id}）]は {extra} です[。対応しない項目が {num} 件あります]。何も取り込んでいません（対応する分を取り込むには --partial）"},
    [STATUS_BUNDLE_NO_TARGET] = {"{entity}: no assessment of {value} for {extra} here (create it with anzen assess new, or import with --create or --into A)",
                                 "{entity}: ここに {extra} の {value} の評価がありません（anzen assess new で作るか、--create か --into A を指定してください）"},
    [STATUS_BUNDLE_TARGET_COUNT] = {"--into: the bundle holds {num} assessment(s), {id} given",
                                    "--into: バンドルの評価は {num} 件ですが、{id} 件指定されています"},
    [STATUS_KEY_MISSING] = {"no signing key at {entity} (make one with anzen key new)",
                            "{entity} に署名鍵がありません（anzen key new で作成してください）"},
    [STATUS_KEY_INVALID] = {"{entity}: not an anzen key file[ ({field})]", "{entity}: anzen の鍵ファイルではありません[（{field}）]"},
    [STATUS_SHEET_NOT_OURS] = {"{entity}: not a workbook of anzen export --for-vendor[ for assessment #{id}][ ({field}: {value})]",
                               "{entity}: [評価 #{id} の ]anzen export --for-vendor のワークブックではありません[（{field}: {value}）]"},
    [STATUS_SHEET_UNEXPECTED] = {"{entity}: unexpected sheet \"{value}\" (expected {extra})",
                                 "{entity}: 想定外のシート「{value}」があります（{extra} のみ）"},
    [STATUS_SHEET_FORMULA] = {"{entity}: {field}: a formula is not accepted (\"{value}\"); enter the value itself",
                              "{entity}: {field}: 数式は使えません（「{value}」）。値そのものを入力してください"},
    [STATUS_SHEET_VALUE] = {"{entity}: {field}: unknown answer \"{value}\" (use {extra})",
                            "{entity}: {field}: 回答「{value}」はありません（{extra} のいずれか）"},
    [STATUS_SHEET_DATE] = {"{entity}: {field}: \"{value}\" is not a date (use 2025-04-01, 令和7年4月1日 or R7.4.1)",
                           "{entity}: {field}: 「{value}」は日付として読めません（2025-04-01、令和7年4月1日、R7.4.1 の形で）"},
    [STATUS_SHEET_ITEM] = {"{entity}: {field}: unknown item \"{value}\" in {extra}",
                           "{entity}: {field}: {extra} に項目「{value}」はありません"},
    [STATUS_AGREE_WITH_REQUIRED] = {"agreeing needs the name of the other participant (--with NAME)",
                                    "合意には相手の参加者の氏名が必要です（--with NAME）"},
    [STATUS_AGREE_NOTHING] = {"{item}: the {entity} side has no answer to take", "{item}: {entity}側に採用できる回答がありません"},
    [STATUS_OFFER_NOT_FOUND] = {"no offered change #{id}", "提示された変更 #{id} はありません"},
    [STATUS_OFFER_NOT_OPEN] = {"offered change #{id} is {field}, not open", "提示された変更 #{id} は{field}のため、未決ではありません"},
};

/* Identifiers core puts in `field` and `entity`. English keeps the identifier (what the CLI's
 * --json and history show), except the answer dates, which have always read "due (目標日)". */
static const struct {
    const char *id, *en, *ja;
} labels[] = {
    /* answers */
    {"value", "value", "回答"},
    {"checked", "checked (確認日)", "確認日"},
    {"due", "due (目標日)", "目標日"},
    {"done", "done (完了日)", "完了日"},
    {"owner", "owner", "担当"},
    {"owner_vendor", "owner vendor", "担当事業者"},
    {"note", "note", "メモ"},
    {"evidence", "evidence", "証跡"},
    {"reason", "reason", "理由"},
    /* evidence register entries */
    {"title", "title", "題名"},
    {"ref", "reference", "文書番号・所在"},
    {"effective", "effective date", "制定日・発効日"},
    {"review", "review date", "見直し期限"},
    /* proposal states */
    {"open", "open", "未決"},
    {"accepted", "accepted", "採用済み"},
    {"rejected", "rejected", "却下済み"},
    {"superseded", "superseded", "置き換え済み"},
    /* kinds of records (entity) and what the database was doing (field of SQL failures) */
    {"org", "organisation", "医療機関"},
    {"vendor", "vendor", "事業者"},
    {"system", "system", "システム"},
    {"assessment", "assessment", "評価"},
    {"answer", "answer", "回答"},
    {"proposal", "proposal", "提案"},
    {"history", "history", "履歴"},
    {"catalog", "catalog", "カタログ"},
    {"signoff", "sign-off", "承認"},
    {"user_state", "your last place and settings", "前回の位置と設定"},
    {"exchange_import", "imported bundle", "取り込んだ回答の束"},
    {"exchange_offer", "offered change", "提示された変更"},
    /* organisation, vendor and system columns */
    {"name", "name", "名称"},
    {"beds", "beds", "病床数"},
    {"administrator", "administrator", "管理者"},
    {"security_officer", "security_officer", "医療情報システム安全管理責任者"},
    {"planning_manager", "planning_manager", "企画管理者"},
    {"operations_staff", "operations_staff", "システム運用担当者"},
    {"address", "address", "所在地"},
    {"contact", "contact", "担当者・窓口"},
    {"phone", "phone", "電話"},
    {"email", "email", "メール"},
    {"isms", "isms", "ISMS 認証"},
    {"isms_expiry", "isms_expiry", "ISMS 有効期限"},
    {"pmark", "pmark", "プライバシーマーク"},
    {"pmark_expiry", "pmark_expiry", "Pマーク有効期限"},
    {"category", "category", "区分"},
    {"vendor_pk", "vendor", "事業者"},
    {"product", "product", "製品名"},
    {"product_version", "product_version", "バージョン"},
    {"hosting", "hosting", "設置形態"},
    {"security_updates_by", "security updates by", "セキュリティアップデートの実施者"},
    {"security_updates_in_contract", "security updates in the contract", "アップデート責任の契約記載"},
    {"end_of_support", "end_of_support", "サポート終了日"},
    {"backup_generations", "backup_generations", "バックアップ世代数"},
    {"remote_maintenance", "remote_maintenance", "リモート保守"},
    {"remote_method", "remote_method", "リモート保守の方式"},
    {"remote_source_restriction", "remote_source_restriction", "接続元の制限"},
    {"medical_device", "medical_device", "医療機器"},
    {"patient_data_in_maintenance", "patient_data_in_maintenance", "保守で患者データを扱う"},
    {"sbom_available", "sbom_available", "SBOM"},
    {"sbom_ref", "sbom_ref", "SBOM の所在"},
    {"backup_method", "backup_method", "バックアップ方式"},
    {"restore_by", "restore_by", "復元作業者"},
    {"restore_method", "restore_method", "復元手順"},
    {"disposal", "disposal", "使用停止・廃棄"},
    {"documents", "documents", "事業者資料"},
    /* a system's lists and their parts */
    {"ports", "ports", "通信ポート"},
    {"storage", "storage", "データ保存場所"},
    {"connections", "connections", "外部接続"},
    {"controls", "controls", "補完的対策"},
    {"port", "port", "ポート番号"},
    {"location", "location", "場所"},
    {"peer", "peer", "接続先"},
    {"kind", "control type", "対策の種類"},
    /* contracts */
    {"contract", "contract", "契約"},
    {"term_start", "term start", "契約開始日"},
    {"term_end", "term end", "契約終了日"},
    {"include", "including", "採用"},
    {"exclude", "excluding", "除外"},
    /* exchange: the sides of an answer */
    {"hospital", "hospital", "医療機関"},
    {"agreed", "agreed", "合意"},
    /* exchange: what identifies a vendor's workbook (SHEET_NOT_OURS) */
    {"sheet_missing", "missing sheet", "見つからないシート"},
    {"sheet_fy", "fiscal year", "年度"},
    {"sheet_layout", "layout", "レイアウト"},
    {"sheet_party", "party", "回答者"},
    {"sheet_format", "format", "形式"},
};

const char *status_label(const char *id, bool english)
{
    if (!id)
        return "";
    for (size_t i = 0; i < AZ_ARRAY_LEN(labels); i++)
        if (str_eq(labels[i].id, id))
            return english ? labels[i].en : labels[i].ja;
    return id;
}

const char *status_name(status_code c)
{
    return (unsigned)c < STATUS__COUNT ? rows[c].name : "?";
}

int status_exit_code(status_code c)
{
    return (unsigned)c < STATUS__COUNT ? rows[c].exit_code : 1;
}

const char *status_template(status_code c, bool english)
{
    if ((unsigned)c >= STATUS__COUNT)
        return NULL;
    return english ? messages[c].en : messages[c].ja;
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

void status_detail_free(status_detail *d)
{
    if (!d)
        return;
    free(d->field);
    free(d->value);
    free(d->entity);
    free(d->item);
    free(d->extra);
    memset(d, 0, sizeof *d);
}

status_code status_fail(status_detail *d, const status_info *in)
{
    if (!d)
        return in->code;
    status_detail_free(d);
    *d = (status_detail){in->code, dup_or_null(in->field), dup_or_null(in->value), dup_or_null(in->entity),
                         dup_or_null(in->item), dup_or_null(in->extra), in->id, in->num, in->line, in->col};
    return in->code;
}

void status_set_field(status_detail *d, const char *field)
{
    if (d && !d->field && field)
        d->field = xstrdup(field);
}

status_code status_failed(const status_detail *d)
{
    return d && d->code != STATUS_OK ? d->code : STATUS_INTERNAL;
}

/* The text of placeholder `name` (n bytes), or NULL when it has no value. *num_buf holds numbers. */
static const char *placeholder(const status_detail *d, const char *name, size_t n, bool english, char num_buf[24])
{
#define IS(s) (n == sizeof(s) - 1 && memcmp(name, s, n) == 0)
    const char *v = NULL;
    int64_t num = 0;
    bool numeric = false;
    if (IS("field"))
        v = d->field ? status_label(d->field, english) : NULL;
    else if (IS("entity"))
        v = d->entity ? status_label(d->entity, english) : NULL;
    else if (IS("value"))
        v = d->value;
    else if (IS("item"))
        v = d->item;
    else if (IS("extra"))
        v = d->extra;
    else if (IS("id"))
        numeric = true, num = d->id;
    else if (IS("num"))
        numeric = true, num = d->num;
    else if (IS("line"))
        numeric = true, num = d->line;
    else if (IS("col"))
        numeric = true, num = d->col;
#undef IS
    if (numeric) {
        if (!num)
            return NULL;
        snprintf(num_buf, 24, "%" PRId64, num);
        return num_buf;
    }
    return str_empty(v) ? NULL : v;
}

/* Appends template text t[0..n) to out; false (out untouched) when `optional` and a placeholder
 * in it has no value. */
static bool render(strbuf *out, const status_detail *d, const char *t, size_t n, bool english, bool optional)
{
    strbuf b = {0};
    size_t i = 0;
    while (i < n) {
        if (t[i] == '{') {
            const char *close = memchr(t + i, '}', n - i);
            if (close) {
                char num_buf[24];
                const char *v = placeholder(d, t + i + 1, (size_t)(close - t - i - 1), english, num_buf);
                if (!v && optional) {
                    sb_free(&b);
                    return false;
                }
                sb_add(&b, v ? v : "");
                i = (size_t)(close - t) + 1;
                continue;
            }
        } else if (t[i] == '[' && !optional) {
            const char *close = memchr(t + i, ']', n - i);
            if (close) {
                render(&b, d, t + i + 1, (size_t)(close - t - i - 1), english, true);
                i = (size_t)(close - t) + 1;
                continue;
            }
        }
        sb_addc(&b, t[i++]);
    }
    sb_add(out, sb_str(&b));
    sb_free(&b);
    return true;
}

char *status_format(const status_detail *d, bool english)
{
    status_detail none = {0};
    if (!d)
        d = &none;
    const char *t = status_template(d->code, english);
    if (!t)
        return xasprintf("%s", status_name(d->code));
    strbuf out = {0};
    render(&out, d, t, strlen(t), english, false);
    return sb_take(&out);
}
