/* UI messages in English and Japanese, as one X-macro table (the single source of truth).
 *
 * Why a table and not gettext: the binary must run uninstalled from the build tree and in tests
 * with only C.UTF-8 available; a compiled-in table needs no .mo lookup, no bindtextdomain path
 * and no installed locale, and a missing translation is a compile error rather than English
 * silently leaking into the Japanese UI. Catalog content (titles, texts) is bilingual in the data
 * itself (i18n_get). The language is chosen once at start (msg_set_english). */
#ifndef ANZEN_TUI_MSG_H
#define ANZEN_TUI_MSG_H

#include <stdbool.h>

#define MSG_INFO(_)                                                                                          \
    _(APP_TITLE, "anzen", "anzen")                                                                           \
    _(TOO_SMALL, "Terminal too small", "端末が小さすぎます")                                                 \
    _(TOO_SMALL_NEED, "Need at least %dx%d, have %dx%d", "%d×%d 以上が必要です（現在 %d×%d）")             \
    _(TERM_UNKNOWN, "the terminal type TERM=%s is unknown (no terminfo entry); set TERM to your terminal, e.g. xterm-256color, or use a command (anzen --help)", \
      "端末の種類 TERM=%s が不明です（terminfo にありません）。TERM を端末に合わせて設定するか（例 xterm-256color）、コマンドを使ってください（anzen --help）") \
    _(TERM_NO_CURSOR, "the terminal TERM=%s cannot move the cursor, so the workbench cannot draw; use a full terminal (e.g. TERM=xterm-256color) or a command (anzen --help)", \
      "端末 TERM=%s はカーソルを移動できないため、画面を表示できません。通常の端末（例 TERM=xterm-256color）かコマンドを使ってください（anzen --help）") \
    _(TERM_TINY, "the terminal is too small to draw in (%dx%d); the workbench needs %dx%d", \
      "端末が小さすぎて表示できません（%d×%d）。%d×%d 以上が必要です") \
    _(TOO_SMALL_HINT, "Enlarge the window, or press q to quit", "ウィンドウを広げるか、q で終了します")    \
    _(CATALOGS, "Catalogs", "カタログ")                                                                      \
    _(CAT_KIND, "Kind", "種別")                                                                              \
    _(CAT_ID, "Catalog", "カタログID")                                                                       \
    _(CAT_TITLE, "Title", "名称")                                                                            \
    _(CAT_ITEMS, "Items", "項目")                                                                            \
    _(CAT_STATUS, "Status", "状態")                                                                          \
    _(COMPLETE, "complete", "完全")                                                                          \
    _(PARTIAL, "partial", "一部")                                                                            \
    _(SKELETON, "skeleton", "骨格")                                                                          \
    _(KIND_GUIDELINE, "guideline", "ガイドライン")                                                         \
    _(KIND_CHECKLIST, "checklist", "チェックリスト")                                                        \
    _(KIND_KAKUNINHYO, "role sheet", "役割分担表")                                                          \
    _(KIND_DISCLOSURE, "disclosure", "開示書")                                                              \
    _(KIND_CLAUSES, "clauses", "契約条項")                                                                  \
    _(KIND_CROSSWALK, "crosswalk", "対応表")                                                                \
    _(NO_CATALOGS, "No catalogs found.", "カタログがありません。")                                           \
    _(HINT_ROOT, "Enter:open  /:search  ?:help  q:quit", "Enter:開く  /:検索  ?:ヘルプ  q:終了")             \
    _(HINT_SUB, "?:help  q:back", "?:ヘルプ  q:戻る")                                                        \
    _(HELP_TITLE, "Help: keys", "ヘルプ：キー操作")                                                         \
    _(HELP_SCREEN, "This screen", "この画面")                                                                \
    _(HELP_GLOBAL, "Everywhere", "共通")                                                                     \
    _(REF, "Ref", "番号")                                                                                    \
    _(TEXT, "Text", "本文")                                                                                  \
    _(GUIDANCE, "Guidance", "確認のしかた")                                                                  \
    _(ACTOR, "Addressed to", "対象者")                                                                       \
    _(RESP, "Responsible", "担当")                                                                           \
    _(LINKS, "References and mapped items", "参照・対応項目")                                                \
    _(SOURCE, "Source", "出典")                                                                              \
    _(VERIFIED, "verified against the official text", "公式文書で確認済み")                                  \
    _(UNVERIFIED, "not verified against the official text", "公式文書で未確認")                              \
    _(ANSWERS, "Answers", "回答")                                                                            \
    _(TARGET_FY, "Target fiscal year", "対応期限年度")                                                      \
    _(HEADING, "Heading", "見出し")                                                                          \
    _(ITEMS_IN, "%d items", "%d 項目")                                                                       \
    _(SEARCH_PROMPT, "Search: ", "検索: ")                                                                   \
    _(SEARCH_NOHIT, "Not found: %s", "見つかりません: %s")                                                  \
    _(SEARCH_HIT, "Match %d of %d for \"%s\"  (n/N: next/previous, Esc: clear)",                           \
      "「%3$s」 %1$d / %2$d 件  (n/N:次/前  Esc:解除)")                                                      \
    _(SEARCH_CLEARED, "Search cleared", "検索を解除しました")                                                \
    _(RESP_NONE, "-", "-")                                                                                   \
    _(RESP_HOSPITAL, "hospital", "医療機関")                                                                 \
    _(RESP_VENDOR, "vendor", "事業者")                                                                       \
    _(RESP_JOINT, "joint", "共同")                                                                           \
    _(RESP_NA, "n/a", "対象外")                                                                              \
    _(DASHBOARD, "Dashboard", "ダッシュボード")                                                              \
    _(ORG, "Organisation", "医療機関")                                                                       \
    _(ORG_NONE, "No organisation yet: press i to enter it", "医療機関が未登録です（i で登録）")             \
    _(ORG_BEDS, "%d beds", "%d 床")                                                                          \
    _(OFFICER, "Security officer", "安全管理責任者")                                                         \
    _(ASSESSMENTS, "Assessments", "評価")                                                                    \
    _(NO_ASSESSMENTS, "No assessments yet: press n to create one", "評価がありません（n で新規作成）")       \
    _(COL_ASSESSMENT, "Assessment", "評価")                                                                  \
    _(COL_FY, "Year", "年度")                                                                                \
    _(COL_ANSWERED, "Answered", "回答済み")                                                                  \
    _(COL_POSITIVE, "Yes", "実施")                                                                           \
    _(COL_OVERDUE, "Late", "超過")                                                                           \
    _(SCOPE_ORG, "whole organisation", "組織全体")                                                           \
    _(BY_OWNER, "By responsible party", "担当別")                                                            \
    _(OWNER_UNSET, "not set", "未設定")                                                                      \
    _(HINT_DASH, "Enter:open n:new C:carry S:sign off i:inventory b:catalogs ?:help", "Enter:開く n:新規 C:引継 S:承認 i:台帳 b:カタログ ?:ヘルプ") \
    _(HINT_NAV, "keys:answer c/t/C:dates r:party v:vendor e:note u:undo f:filter ?:help",                     \
      "回答キー c/t/C:日付 r:担当 v:事業者 e:メモ u:取消 f:絞込 ?:ヘルプ")                                    \
    _(ANSWER, "Answer", "回答")                                                                              \
    _(UNANSWERED, "not answered", "未回答")                                                                  \
    _(ANSWER_KEYS, "Keys", "キー")                                                                           \
    _(DATE_CHECKED, "Checked", "確認日")                                                                     \
    _(DATE_DUE, "Due", "目標日")                                                                             \
    _(DATE_DONE, "Done", "完了日")                                                                           \
    _(OVERDUE, "overdue", "期限超過")                                                                        \
    _(VENDOR, "Vendor", "事業者")                                                                            \
    _(NOTE, "Note", "メモ")                                                                                  \
    _(EVIDENCE, "Evidence", "証跡")                                                                          \
    _(HISTORY, "History", "履歴")                                                                            \
    _(SAVED, "Saved: %s %s", "保存しました: %s %s")                                                          \
    _(SAVED_NOTHING, "No change", "変更はありません")                                                        \
    _(UNDONE, "Undone: %s", "取り消しました: %s")                                                           \
    _(NOTHING_OWN_TO_UNDO, "Nothing of yours (%s) to undo here", "%s さんが取り消せる変更はありません")       \
    _(UNDO_BLOCKED, "Cannot undo: %s was changed by %s since (%s)", "取り消せません: %s はその後 %s さんが変更しています（%s）") \
    _(UNDO_THIS_ASSESSMENT, "this assessment", "この評価")                                                   \
    _(UNDO_PROPOSAL, "proposal #%lld", "提案 #%lld")                                                         \
    _(WHO_PROMPT, "Shared account (%s): your name for the history: ", "共有アカウント（%s）です。履歴に残す氏名: ") \
    _(WHO_IS, "Changes are recorded as %s", "変更は %s さんとして記録します")                                 \
    _(DATE_PROMPT, "%s (2026-04-01 or R8.4.1, empty clears): ", "%s（2026-04-01 / 令和8年4月1日、空で消去）: ") \
    _(ANSWER_MENU, "Answer:", "回答:")                                                                       \
    _(ANSWER_CLEAR, "Del:clear", "Del:消去")                                                                 \
    _(FILTER_MENU, "Filter: a:all u:unanswered n:negative o:overdue d:disagree w:no reason r:party v:vendor",  \
      "絞り込み: a:すべて u:未回答 n:否定 o:期限超過 d:不一致 w:理由未記入 r:担当 v:事業者")                \
    _(FILTER_ALL, "all items", "すべての項目")                                                               \
    _(FILTER_UNANSWERED, "unanswered", "未回答")                                                             \
    _(FILTER_NEGATIVE, "negative answers", "否定の回答")                                                     \
    _(FILTER_OVERDUE, "overdue", "期限超過")                                                                 \
    _(FILTER_SHOWING, "Filter: %s (%d items)", "絞り込み: %s（%d 項目）")                                    \
    _(FILTER_EMPTY, "No item matches the filter: %s", "絞り込みに合う項目がありません: %s")                  \
    _(NO_VENDORS, "No vendors yet: add them under inventory (i on the dashboard)", "事業者が未登録です（ダッシュボードで i）") \
    _(FIELD_VALUE, "answer", "回答")                                                                         \
    _(FIELD_OWNER, "responsible", "担当")                                                                    \
    _(FIELD_EVIDENCE, "evidence", "証跡")                                                                    \
    _(NOTE_TITLE, "Note: %s", "メモ: %s")                                                                    \
    _(NOTE_HINT, "^S:save  Esc:cancel  ^E:$EDITOR", "^S:保存  Esc:取消  ^E:$EDITOR")                          \
    _(NOTE_KEEP_HINT, "^S:keep for the form  Esc:cancel  ^E:$EDITOR", "^S:確定（フォームで保存）  Esc:取消  ^E:$EDITOR") \
    _(NOTE_DISCARD, "Discard the changes to the note? (y/n)", "メモの変更を破棄しますか？ (y/n)")            \
    _(NEW_PICK_CATALOG, "New assessment: choose a catalog", "新規評価: カタログを選択")                      \
    _(FY_PROMPT, "Fiscal year (2026 or 令和8年度): ", "年度（2026 / 令和8年度）: ")                          \
    _(SYSTEM_PROMPT, "System (name or #id, empty = whole organisation): ", "対象システム（名前か #番号、空 = 組織全体）: ") \
    _(CREATED, "Created assessment #%lld", "評価 #%lld を作成しました")                                     \
    _(CARRY_PROMPT, "Carry into fiscal year: ", "引き継ぎ先の年度: ")                                       \
    _(CARRIED, "Carried into #%lld: %d items; %d not carried (kept in the old one)",                         \
      "#%lld に引き継ぎました（%d 項目。引き継げない %d 項目は元の評価に残ります）")                        \
    _(CARRY_TARGET_MENU, "Carry into: Enter the same version (%s)", "引き継ぎ先: Enter 同じ版（%s）")         \
    _(EDIT_PARTY, "editing as", "入力者")                                                                   \
    _(INVENTORY, "Inventory", "台帳")                                                                        \
    _(INV_ORG, "Organisation", "医療機関")                                                                   \
    _(INV_VENDORS, "Vendors", "事業者")                                                                      \
    _(INV_SYSTEMS, "Systems", "システム")                                                                    \
    _(INV_ADD_VENDOR, "+ add a vendor", "+ 事業者を追加")                                                    \
    _(INV_ADD_SYSTEM, "+ add a system", "+ システムを追加")                                                  \
    _(INV_NOT_SET, "(not entered yet)", "（未登録）")                                                        \
    _(INV_ARCHIVED_MARK, "[archived]", "［アーカイブ］")                                                       \
    _(INV_EOS_PAST, "support ended", "サポート終了")                                                          \
    _(INV_SHOWING_ARCHIVED, "Showing archived rows too (H hides them)", "アーカイブしたものも表示中（H で隠す）") \
    _(INV_CONFIRM_DELETE, "Delete %s? It goes from the lists; u brings it back (y/n)",                        \
      "「%s」を削除しますか？一覧から消えます。u で元に戻せます (y/n)")                                        \
    _(INV_CONFIRM_ARCHIVE, "Archive %s? It is hidden from the lists, history kept (y/n)",                     \
      "「%s」をアーカイブしますか？一覧から隠れ、履歴は残ります (y/n)")                                        \
    _(INV_CONFIRM_RESTORE, "Bring %s back to the lists? (y/n)", "「%s」を一覧に戻しますか？ (y/n)")            \
    _(INV_DELETED, "Deleted: %s (u undoes)", "削除しました: %s（u で取り消し）")                              \
    _(INV_ARCHIVED, "Archived: %s (H shows archived rows, u undoes)", "アーカイブしました: %s（H で表示、u で取り消し）") \
    _(INV_RESTORED, "Back in the lists: %s", "一覧に戻しました: %s")                                          \
    _(INV_UNDONE, "Undone: %s", "取り消しました: %s")                                                         \
    _(FORM_HINT, "Enter:edit  ^S:save  Esc:cancel", "Enter:編集  ^S:保存  Esc:取消")                        \
    _(FORM_DISCARD, "Discard the changes? (y/n)", "変更を破棄しますか？ (y/n)")                              \
    _(FORM_SAVED, "Saved: %s", "保存しました: %s")                                                           \
    _(FORM_REQUIRED, "%s is required", "%s は必須です")                                                      \
    _(FORM_NOT_NUMBER, "%s must be a whole number, not \"%s\"", "%s は整数で入力してください（「%s」）")     \
    _(TRI_YES, "yes", "はい")                                                                                \
    _(TRI_NO, "no", "いいえ")                                                                                \
    _(F_NAME, "Name", "名称")                                                                                \
    _(F_ORG_NAME, "Name of the institution", "医療機関名")                                                   \
    _(F_BEDS, "Beds", "病床数")                                                                              \
    _(F_ADMIN, "Administrator", "管理者")                                                                    \
    _(F_OFFICER, "Security officer", "医療情報システム安全管理責任者")                                       \
    _(F_PLANNING, "Planning manager", "企画管理者")                                                          \
    _(F_OPERATIONS, "Operations staff", "システム運用担当者")                                                \
    _(F_ADDRESS, "Address", "所在地")                                                                        \
    _(F_NOTE, "Note", "備考")                                                                                \
    _(F_CONTACT, "Contact person", "担当者・窓口")                                                           \
    _(F_PHONE, "Phone", "電話")                                                                              \
    _(F_EMAIL, "E-mail", "メール")                                                                           \
    _(F_ISMS, "ISMS certified", "ISMS 認証")                                                                 \
    _(F_ISMS_EXP, "ISMS valid until", "ISMS 有効期限")                                                       \
    _(F_PMARK, "Privacy mark", "プライバシーマーク")                                                         \
    _(F_PMARK_EXP, "Privacy mark valid until", "Pマーク有効期限")                                            \
    _(F_CATEGORY, "Category", "区分")                                                                        \
    _(F_VENDOR, "Vendor", "事業者")                                                                          \
    _(F_PRODUCT, "Product", "製品名")                                                                        \
    _(F_VERSION, "Version", "バージョン")                                                                    \
    _(F_HOSTING, "Hosting", "設置形態")                                                                      \
    _(F_REMOTE, "Remote maintenance", "リモート保守")                                                        \
    _(F_REMOTE_METHOD, "Remote method", "リモート接続方法")                                                  \
    _(F_MEDDEV, "Medical device", "医療機器")                                                                \
    _(F_PATIENT_DATA, "Patient data in maintenance", "保守で患者データを扱う")                               \
    _(F_EOS, "End of support", "サポート終了日")                                                             \
    _(F_BACKUP, "Backup method", "バックアップ方法")                                                         \
    _(HOST_ONPREM, "on-premises", "オンプレミス")                                                            \
    _(HOST_CLOUD, "cloud", "クラウド")                                                                       \
    _(HOST_HYBRID, "hybrid", "ハイブリッド")                                                                 \
    _(F_UPDATES_BY, "Security updates by", "セキュリティアップデート")                                                    \
    _(F_UPDATES_CONTRACT, "Updates stated in contract", "更新責任の契約記載")                                    \
    _(UPDATES_HOSPITAL, "hospital", "医療機関")                                                                   \
    _(UPDATES_VENDOR, "vendor", "事業者")                                                                        \
    _(UPDATES_NONE, "none", "なし")                                                                             \
    _(DEEMED, "Deemed compliance (GL7)", "みなし遵守（GL7）")                             \
    _(DEEMED_YES, "eligible", "対象")                                                                           \
    _(DEEMED_NO, "not eligible", "対象外")                                                                       \
    _(DEEMED_MORE, "+%d more", "ほか%d件")                                                                       \
    _(DEEMED_ANNEX, "annex to check: %d vendor(s)", "別紙の確認: %d社")                                             \
    _(HELP_SEARCH_NN, "Next / previous match while a search is active (Esc ends it)",                       \
      "検索中は次／前の一致（Esc で検索終了）")                                                                \
    _(PARTY_HOSPITAL, "hospital", "医療機関")                                                                \
    _(PARTY_VENDOR, "vendor", "事業者")                                                                      \
    _(PARTY_AGREED, "agreed", "合意")                                                                        \
    _(CARRY_VALUES, "Also copy the answers and dates? (y/n; notes, parties and evidence always come along)",     \
      "回答と日付もコピーしますか？ (y/n; メモ・担当・証跡は常に引き継ぎます)")                            \
    _(BY_PARTY, "By party", "回答者別")                                                                      \
    _(LINK_OUT, "->", "->")                                                                                  \
    _(LINK_IN, "<-", "<-")                                                                                   \
    _(EDITOR_FAILED, "The editor failed: %s", "エディタの実行に失敗しました: %s")                          \
    _(PROPOSED, "%d proposal(s) for other assessments", "%d件の提案（他の評価へ）")                         \
    _(PROPOSALS, "Proposals", "提案")                                                                        \
    _(PROPOSAL_LINE, "%s <- %s (%s)", "%s ← %s（%s）")                                                     \
    _(PROPOSALS_HEAD, "Proposals (X: list)", "提案（X: 提案一覧）")                                          \
    _(NO_PROPOSALS, "No open proposals for this assessment", "この評価への未決の提案はありません")           \
    _(COL_PROPOSED, "Proposed", "提案")                                                                      \
    _(COL_SOURCE, "From", "出典")                                                                            \
    _(COL_REL, "Relation", "関係")                                                                           \
    _(ITEM, "Item", "項目")                                                                                  \
    _(ACCEPTED, "Accepted: %s = %s", "採用しました: %s = %s")                                                \
    _(REJECTED, "Rejected: %s = %s", "却下しました: %s = %s")                                                \
    _(HINT_PROPOSALS, "a:accept r:reject q:back ?:help", "a:採用 r:却下 q:戻る ?:ヘルプ")                   \
    _(HINT_HISTORY, "j/k:move g/G:newest/oldest q:back ?:help", "j/k:移動 g/G:最新/最古 q:戻る ?:ヘルプ")   \
    _(NO_HISTORY, "No changes recorded for this assessment yet", "この評価の変更履歴はまだありません")       \
    _(REL_EQUAL, "equal", "同等")                                                                            \
    _(REL_CITES, "cites", "参照")                                                                            \
    _(REL_SUBSET, "subset", "部分")                                                                          \
    _(REL_SUPERSET, "superset", "包含")                                                                      \
    _(REL_INTERSECT, "overlaps", "一部重複")                                                                 \
    _(REL_RELATED, "related", "関連")                                                                        \
    _(PROPOSAL_MARK, "[prop]", "[提案]")                                                                     \
    _(SL_TITLE, "System lists", "システムの一覧")                                                            \
    _(SL_PORTS, "Network ports", "通信ポート")                                                               \
    _(SL_STORAGE, "Data storage", "データ保存場所")                                                          \
    _(SL_CONNS, "External connections", "外部接続")                                                          \
    _(SL_CONTROLS, "Compensating controls", "補完的対策")                                                    \
    _(SL_ADD, "+ add", "+ 追加")                                                                             \
    _(SL_IN, "in", "受信")                                                                                   \
    _(SL_OUT, "out", "送信")                                                                                 \
    _(SL_F_DIR, "Direction", "方向")                                                                         \
    _(SL_F_PORTS, "Ports", "ポート番号")                                                                     \
    _(SL_F_PROTOCOL, "Protocol", "プロトコル")                                                               \
    _(SL_F_PURPOSE, "Purpose", "用途")                                                                       \
    _(SL_F_MEDIUM, "Medium", "媒体")                                                                         \
    _(SL_F_LOCATION, "Location", "場所")                                                                     \
    _(SL_F_CONTENT, "Content", "内容")                                                                       \
    _(SL_F_PEER, "Peer", "接続先")                                                                           \
    _(SL_F_METHOD, "Method", "接続方法")                                                                     \
    _(SL_F_KIND, "Control type", "対策の種類")                                                               \
    _(SL_F_MEASURE, "Measure", "実施内容")                                                                   \
    _(SL_DELETE, "Delete \"%s\"? (y/n)", "「%s」を削除しますか？ (y/n)")                                     \
    _(SL_DELETED, "Deleted", "削除しました")                                                                 \
    _(HINT_SL, "Enter:edit a:add d:delete q:back", "Enter:編集 a:追加 d:削除 q:戻る")                         \
    _(WALK_OFFER, "Nothing answered yet: w walks through the items one at a time",                          \
      "未回答です。w で1項目ずつ回答できます（ウォークスルー）")                                              \
    _(WALK_TITLE, "walk-through", "ウォークスルー")                                                           \
    _(WALK_PROGRESS, "%d/%d answered, %d left, %d overdue", "%d/%d 回答済み・残り%d・超過%d")                  \
    _(WALK_FILTERED, "filter: %s, %d open", "絞り込み: %s %d件")                                              \
    _(WALK_ALL_DONE, "nothing open left (Esc: tree)", "残りの項目はありません（Esc でツリーへ）")             \
    _(WALK_NOTHING_OPEN, "No open item: showing %s", "未回答の項目はありません（%s を表示）")                 \
    _(WALK_KEYS, "Enter:menu s:skip b:back Esc:tree", "Enter:選択 s:次へ b:戻る Esc:ツリー")                  \
    _(WALK_HINT, "c/t:dates e:note +:evidence f:filter ?:help", "c/t:日付 e:メモ +:証跡 f:絞込 ?:ヘルプ")     \
    _(WALK_LINES, " %d-%d of %d lines, PgDn/PgUp ", " %d-%d / %d 行 PgDn/PgUp ")                              \
    _(WALK_ENTERING, "entering", "入力中")                                                                    \
    _(DATE_OFFER, " Enter: %s %s", " Enter で%s %s")                                                        \
    _(HELP_ENTER_OFFER, "Right after an answer: take the date it proposed; else choose an answer",          \
      "回答の直後: 提案された日付を入れる（それ以外は回答を選ぶ）")                                            \
    _(PROPOSED_SHORT, "%d proposal(s)", "%d件の提案")                                                         \
    _(AUTO_ADVANCE_ON, "Auto-advance on: after an answer, the next open item", "自動で次へ: オン（回答したら次の未回答項目へ）") \
    _(AUTO_ADVANCE_OFF, "Auto-advance off", "自動で次へ: オフ")                                               \
    _(FILTER_DISAGREE, "parties disagree", "回答者間の不一致")                                               \
    _(WS_TITLE, "Workshop #%lld", "打合せ #%lld")                                                            \
    _(WS_HINT, "h/v:take side Enter:value f:filter w:with u:undo i:import", "h/v:側の値 Enter:値 f:絞込 w:相手 u:取消 i:取込") \
    _(WS_COUNTS, "%d different, %d one-sided, %d equal, %d open; %d agreed",                                   \
      "相違 %d・片側のみ %d・一致 %d・未回答 %d／合意 %d")                                                         \
    _(WS_FILTER, "filter: %s", "絞込: %s")                                                                   \
    _(WS_FILTER_ALL, "all", "すべて")                                                                         \
    _(WS_FILTER_DIFFERENT, "different", "相違")                                                               \
    _(WS_FILTER_ONE_SIDED, "one-sided", "片側のみ")                                                           \
    _(WS_WITH, "with: %s", "相手: %s")                                                                       \
    _(WS_WITH_NONE, "with: (asked at the first agreement)", "相手: （最初の合意で入力）")                     \
    _(WS_WITH_PROMPT, "Agreeing with (the other participant's name): ", "合意の相手（相手方の氏名）: ")         \
    _(WS_WITH_SET, "Agreeing with %s from now on", "以後の合意の相手: %s")                                   \
    _(WS_STATE_EQUAL, "equal", "一致")                                                                        \
    _(WS_STATE_DIFFERENT, "different", "相違")                                                                \
    _(WS_STATE_ONLY_HOSPITAL, "hospital only", "医療機関のみ")                                                \
    _(WS_STATE_ONLY_VENDOR, "vendor only", "事業者のみ")                                                      \
    _(WS_STATE_NONE, "unanswered", "未回答")                                                                  \
    _(WS_AGREED_BY, "Agreed: %s (%s with %s, %s)", "合意: %s（%s と %s、%s）")                               \
    _(WS_AGREED_STALE, "[changed since]", "[その後変更あり]")                                                 \
    _(WS_NOT_AGREED, "Not agreed yet", "未合意")                                                              \
    _(WS_ALSO_DIFFER, "also differ: %s", "ほかの相違: %s")                                                    \
    _(WS_AGREE_MENU, "Agree on:", "合意する値:")                                                              \
    _(WS_AGREED_DONE, "Agreed %s = %s with %s", "%s を「%s」で合意しました（相手: %s）")                      \
    _(WS_AGREED_SAME, "%s was agreed so already", "%s は既にその内容で合意済みです")                          \
    _(WS_NO_ROWS, "No item in this filter (f: next filter)", "この絞り込みに該当する項目はありません（f で切替）") \
    _(WS_NO_VENDOR, "No vendor for this assessment: its vendor answers cannot be shown",                      \
      "この評価には事業者がありません（事業者の回答を表示できません）")                                      \
    _(WS_DASH_LINE, "Workshop: %d agreed, %d different, %d one-sided (W: reconcile)",                         \
      "打合せ: 合意 %d・相違 %d・片側のみ %d（W で照合）")                                                      \
    _(WS_IMPORT_PROMPT, "Vendor's filled file (.xlsx or .csv): ", "事業者が記入したファイル（.xlsx・.csv）: ")       \
    _(WS_IMPORT_ASK, "%zu new, %zu changed, %zu same: import as %s's answers? (y/n)",                         \
      "新規 %zu 件・変更 %zu 件・同じ %zu 件: %s の回答として取り込みますか？ (y/n)")                                  \
    _(WS_IMPORT_DONE, "Imported as %s's answers: %zu new, %zu changed, %zu same",                               \
      "%s の回答として取り込みました: 新規 %zu 件・変更 %zu 件・同じ %zu 件")                                        \
    _(WS_IMPORT_NOTHING, "%s: nothing to import (%zu same)", "%s: 取り込む変更はありません（同じ %zu 件）")         \
    _(WS_IMPORT_ALREADY, "%s was imported on %.10s by %s: nothing changed", "%s は %.10s に %s が取り込み済みです（変更なし）") \
    _(WS_IMPORT_CANCELLED, "Not imported", "取り込みませんでした")                                                    \
    _(FIELD_SIGNOFF, "sign-off", "承認")                                                                     \
    _(SIGNOFF_NAME, "Sign off as (name): ", "承認者の氏名: ")                                                 \
    _(SIGNOFF_ROLE, "Role: ", "役職: ")                                                                      \
    _(SIGNOFF_NAME_FIELD, "The name", "氏名")                                                                \
    _(SIGNOFF_ROLE_FIELD, "The role", "役職")                                                                \
    _(SIGNOFF_DONE, "Signed off: %s (%s)", "承認しました: %s（%s）")                                         \
    _(SIGNOFF_OPEN_UNANSWERED, "unanswered %zu: %s", "未回答 %zu 件: %s")                                    \
    _(SIGNOFF_OPEN_OVERDUE, "overdue %zu: %s", "期限超過 %zu 件: %s")                                        \
    _(SIGNOFF_OPEN_ASK, "%s. Sign off anyway? (y/N)", "%s。このまま承認しますか？(y/N)")                   \
    _(SIGNOFF_CANCELLED, "Not signed off.", "承認しませんでした。")                                          \
    _(SIGNED, "signed", "承認済")                                                                            \
    _(UNSIGNED, "not signed", "未承認")                                                                      \
    _(HELP_GLYPHS, "marks: o positive  ~ partial  x negative  / n/a  ! overdue  . open",                    \
      "印: o はい  ~ 一部  x いいえ  / 対象外  ! 期限超過  . 未回答")                                           \
    _(HELP_HEADING_MARKS, "a heading, closed (+) or open (-)", "見出し（+ 閉じている / - 開いている）")           \
    _(KEY_ON_HEADING, "%s is a heading: choose an item below it", "%s は見出しです。下の項目を選んでください")   \
    _(DATE_NOT_IN_FORM, "%s has no %s column", "%s の様式には %s の欄がありません")                        \
    _(SIGNED_CHANGED, "changed since sign-off", "承認後に変更あり")                                          \
    _(SIGNED_CHANGED_SHORT, "changed", "承認後変更")                                                         \
    _(SIGNED_BY, "Signed off by %s (%s) on %.10s", "承認: %s（%s） %.10s")                                   \
    _(NOT_SIGNED, "Not signed off (S: sign off)", "未承認（S で承認）")                                       \
    _(DB_ERROR, "Database error: %s", "データベースのエラー: %s")                                          \
    _(READONLY, "Read-only database: changes are not saved", "読み取り専用のデータベースです（保存されません）") \
    _(FIELDS_TITLE, "Header fields: %s", "フィールド: %s")                                                    \
    _(FIELDS_NONE, "This form has no header fields", "この様式にはフィールドがありません")                   \
    _(FIELDS_SAVED, "Saved %d header field(s)", "フィールドを %d 件保存しました")                            \
    _(FIELDS_COUNT, "Header fields: %d/%d entered (F: edit)", "フィールド: %d/%d 件入力済（F で編集）")      \
    _(FIELD_NOT_SET, "(not set)", "（未入力）")                                                               \
    _(EXPORT_TITLE, "Export #%lld", "書き出し #%lld")                                                        \
    _(EXPORT_DOCUMENT, "Document", "文書")                                                                    \
    _(EXPORT_FORMAT, "Format", "形式")                                                                        \
    _(EXPORT_PATH, "File", "保存先")                                                                          \
    _(EXPORT_FORCE, "Replace", "上書き")                                     \
    _(EXPORT_HINT, "Enter:change  Left/Right:choose  w:write  Esc:close",                                   \
      "Enter:変更  左右:選択  w:書き出す  Esc:閉じる")                                                            \
    _(EXPORT_PATH_PROMPT, "Write to: ", "保存先: ")                                                           \
    _(EXPORT_WRITING, "Writing %s ...", "%s を書き出しています…")                                            \
    _(EXPORT_WROTE, "Wrote %s", "書き出しました: %s")                                                         \
    _(EXPORT_EXISTS_HINT, "set \"Replace\" to yes", "上書きを「はい」に")                                     \
    _(EXPORT_FAILED, "Export failed: %s", "書き出しに失敗しました: %s")                                       \
    _(EXPORT_NO_PATH, "Enter a file name first", "保存先を入力してください")                                  \
    _(EXPORT_FOR_VENDOR, "v: for the vendor to fill in: %s", "v: 事業者記入用: %s")                                  \
    _(EXPORT_FOR_VENDOR_STEM, "for-vendor", "事業者記入用")                                                           \
    _(EXPORT_FOR_VENDOR_ONLY, "The vendor's workbook is the checklist as XLSX", "事業者記入用はチェックリストの XLSX だけです") \
    _(EXPORT_WROTE_VENDOR, "Wrote %s (the vendor's workbook, %zu items; import it back with i in the workshop)", \
      "書き出しました: %s（事業者記入用、%zu 項目。記入後は打合せ画面の i で取り込みます）")                            \
    _(REASON, "Reason", "理由")                                                                              \
    _(FIELD_REASON, "reason", "理由")                                                                        \
    _(REASON_PROMPT, "Reason for \"%s\" (one line, Esc cancels): ", "「%s」の理由（1行、Esc で取消）: ")     \
    _(REASON_MISSING, "(no reason given)", "（理由未記入）")                                                 \
    _(FILTER_NO_REASON, "answers without a reason", "理由未記入の回答")                                      \
    _(EV_TITLE, "Evidence register", "証跡台帳")                                                             \
    _(EV_FOR, "link to %s", "%s にリンク")                                                                   \
    _(EV_HINT, "n:new  Enter:edit  l:link/unlink  a:archive  A:archived  q:back",                           \
      "n:新規  Enter:編集  l:リンク切替  a:保管  A:保管分  q:戻る")                                          \
    _(EV_HINT_NO_TARGET, "n:new  Enter:edit  a:archive  A:archived  q:back",                                 \
      "n:新規  Enter:編集  a:保管  A:保管分  q:戻る")                                                        \
    _(EV_COL_TITLE, "Title", "題名")                                                                         \
    _(EV_COL_KIND, "Kind", "種類")                                                                           \
    _(EV_COL_REVIEW, "Review", "見直し期限")                                                                 \
    _(EV_COL_STATE, "State", "状態")                                                                         \
    _(EV_COL_LINKS, "Links", "リンク")                                                                       \
    _(EV_EMPTY, "No evidence registered. Press n to add one.", "証跡の登録はありません。n で追加します。")  \
    _(EV_EXPIRED, "expired", "期限切れ")                                                                     \
    _(EV_DUE, "due", "見直し時期")                                                                           \
    _(EV_CURRENT, "current", "有効")                                                                         \
    _(EV_ARCHIVED, "archived", "保管済み")                                                                   \
    _(EV_REF, "Reference", "文書番号・所在")                                                                 \
    _(EV_OWNER, "Owner", "管理者")                                                                           \
    _(EV_EFFECTIVE, "Effective", "制定日・発効日")                                                           \
    _(EV_REVIEW_DATE, "Review / expiry", "見直し・有効期限")                                                 \
    _(EV_NOTE, "Note", "メモ")                                                                               \
    _(EV_USED_BY, "Used by %d item(s)", "リンクしている項目 %d 件")                                          \
    _(EV_LINKED, "%s: linked #%lld %s", "%s: #%lld %s をリンクしました")                                     \
    _(EV_UNLINKED, "%s: unlinked #%lld %s", "%s: #%lld %s のリンクを外しました")                             \
    _(EV_SAVED, "Saved evidence #%lld %s", "証跡 #%lld %s を保存しました")                                   \
    _(EV_ARCHIVED_NOW, "Archived #%lld (its links stay)", "#%lld を保管しました（リンクは残ります）")        \
    _(EV_UNARCHIVED_NOW, "#%lld is in use again", "#%lld を保管から戻しました")                               \
    _(EV_NO_TARGET, "Open the register from an item (+ in an assessment) to link", "リンクするには評価の項目から開きます（+）") \
    _(EV_DASH, "Evidence: %d expired, %d due for review (E)", "証跡: 期限切れ %d 件・見直し時期 %d 件（E）")   \
    _(EV_CARRY_EXPIRING, "%zu linked evidence entr(ies) reach their review date within the new year (E)",        \
      "リンクした証跡 %zu 件は新年度中に見直し期限が来ます（E）")

typedef enum {
#define MSG_ENUM(id, en, ja) MSG_##id,
    MSG_INFO(MSG_ENUM)
#undef MSG_ENUM
        MSG__COUNT
} msg_id;

void msg_set_english(bool english);
bool msg_english(void);
/* The message in the UI language. Never NULL. */
const char *msg(msg_id id);
#define L(id) msg(MSG_##id)
/* Formats message `id` (a printf format in both languages, same argument types). Caller frees. */
char *msgf(msg_id id, ...);

#endif
