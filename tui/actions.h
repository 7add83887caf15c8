/* Keys and actions as data.
 *
 * ACTION_INFO is the single list of user actions: id, name (for messages and docs) and help
 * text in both languages. Key bindings are tables of {key, action}: one per screen plus the
 * global table; a lookup tries the screen's table first and falls back to the global one (tig's
 * keymap chain). The help screen is generated from these tables. Catalog answer keys are not in
 * the tables: they come from the catalog being assessed and the navigator checks them itself. */
#ifndef ANZEN_TUI_ACTIONS_H
#define ANZEN_TUI_ACTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define ACTION_INFO(_)                                                                                  \
    _(NONE, "none", "", "")                                                                             \
    _(QUIT, "quit", "Quit anzen", "anzen を終了")                                                       \
    _(BACK, "back", "Close this screen (quit on the first screen)", "この画面を閉じる（最初の画面では終了）") \
    _(HELP, "help", "Show the keys", "キー一覧を表示")                                                   \
    _(REDRAW, "redraw", "Redraw the screen", "画面を再描画")                                             \
    _(SUSPEND, "suspend", "Suspend to the shell", "シェルに一時停止")                                   \
    _(UP, "up", "Previous line", "前の行")                                                              \
    _(DOWN, "down", "Next line", "次の行")                                                              \
    _(PAGE_UP, "page-up", "Previous page", "前のページ")                                                \
    _(PAGE_DOWN, "page-down", "Next page", "次のページ")                                                \
    _(HOME, "home", "First line", "先頭")                                                               \
    _(END, "end", "Last line", "末尾")                                                                  \
    _(OPEN, "open", "Open the selected entry", "選択を開く")                                            \
    _(FOCUS, "focus", "Switch between tree and detail", "ツリーと詳細を切り替え")                       \
    _(TOGGLE, "toggle", "Expand or collapse", "開く／閉じる")                                           \
    _(EXPAND, "expand", "Expand", "開く")                                                               \
    _(COLLAPSE, "collapse", "Collapse (or go to the parent)", "閉じる（または親へ）")                   \
    _(EXPAND_ALL, "expand-all", "Expand or collapse everything", "すべて開く／閉じる")                  \
    _(SEARCH, "search", "Search (full-width = half-width)", "検索（全角・半角を区別しない）")           \
    _(SEARCH_NEXT, "search-next", "Next match", "次の一致")                                             \
    _(SEARCH_PREV, "search-prev", "Previous match", "前の一致")                                         \
    _(FILTER, "filter", "Filter the items", "項目を絞り込む")                                           \
    _(ANSWER, "answer", "Choose an answer", "回答を選ぶ")                                               \
    _(NOTE, "note", "Edit the note", "メモを編集")                                                      \
    _(NOTE_EDITOR, "note-editor", "Edit the note in $EDITOR", "メモを $EDITOR で編集")                  \
    _(EVIDENCE, "evidence", "Evidence register: link entries to this item", "証跡台帳（この項目にリンク）") \
    _(REGISTER, "register", "The evidence register (expired and due entries marked)", "証跡台帳（期限切れ・見直し時期を表示）") \
    _(LINK, "link", "Link the entry to the item, or unlink it", "証跡を項目にリンク／リンク解除")             \
    _(ARCHIVE, "archive", "Archive the entry, or bring it back (links stay)", "証跡を保管／保管から戻す（リンクは残る）") \
    _(SHOW_ARCHIVED, "show-archived", "Show or hide archived entries", "保管済みの証跡を表示／非表示")         \
    _(INV_DELETE, "delete-record", "Delete the vendor or system (only when nothing refers to it)",              \
      "事業者・システムを削除（参照がないときだけ）")                                                          \
    _(INV_ARCHIVE, "archive-record", "Archive the vendor or system, or restore it (history kept)",             \
      "事業者・システムをアーカイブ／一覧に戻す（履歴は残る）")                                              \
    _(INV_SHOW_ARCHIVED, "show-archived-records", "Show or hide archived vendors and systems",                \
      "アーカイブした事業者・システムを表示／非表示")                                                          \
    _(INV_UNDO, "undo-record", "Undo your last delete, archive or restore here", "直前の削除・アーカイブ・復元を取り消す") \
    _(DATE_CHECKED, "date-checked", "Set the checked date", "確認日を設定")                             \
    _(DATE_DUE, "date-due", "Set the due date", "目標日を設定")                                         \
    _(DATE_DONE, "date-done", "Set the done date", "完了日を設定")                                      \
    _(PARTY, "party", "Next responsible party", "担当を切り替え")                                       \
    _(VENDOR, "vendor", "Next vendor", "事業者を切り替え")                                              \
    _(EDIT_PARTY, "edit-party", "Answer as: hospital, vendor or agreed (workshops)",                       \
      "回答者を切り替え：医療機関・事業者・合意（打合せ用）")                                            \
    _(WORKSHOP, "workshop", "Workshop: hospital and vendor answers side by side, agree on each",             \
      "打合せ：医療機関と事業者の回答を並べて、項目ごとに合意する")                                          \
    _(TAKE_HOSPITAL, "take-hospital", "Agree on the hospital's answer (with its dates, note, evidence)",        \
      "医療機関の回答で合意（日付・メモ・証跡も）")                                                          \
    _(TAKE_VENDOR, "take-vendor", "Agree on the vendor's answer (with its dates, note, evidence)",              \
      "事業者の回答で合意（日付・メモ・証跡も）")                                                            \
    _(AGREE_VALUE, "agree-value", "Agree on a value chosen here", "値を選んで合意")                             \
    _(COUNTERPART, "counterpart", "Name the other participant (asked once, kept while anzen runs)",             \
      "合意の相手の氏名（一度だけ尋ね、終了まで保持）")                                                      \
    _(UNDO, "undo", "Undo the last change", "直前の変更を取り消す")                                     \
    _(WALK, "walk", "Walk through the open items one at a time", "未回答の項目を1件ずつ回答（ウォークスルー）") \
    _(AUTO_ADVANCE, "auto-advance", "After an answer, move to the next open item (on/off, kept per user)",  \
      "回答したら次の未回答項目へ移る（オン／オフ、利用者ごとに保存）")                                  \
    _(SKIP, "skip", "Next open item, without answering", "回答せずに次の項目へ")                        \
    _(PREV_ITEM, "previous-item", "Back to the item shown before", "前に表示した項目へ戻る")             \
    _(TREE, "tree", "Back to the tree at this item", "この項目でツリーに戻る")                           \
    _(NEW, "new", "Create", "新規作成")                                                                 \
    _(CARRY, "carry", "Carry over into a new assessment", "引き継いで新しい評価を作成")                  \
    _(DELETE, "delete", "Delete", "削除")                                                               \
    _(CLEAR_ANSWER, "clear-answer", "Clear the answer", "回答を消去")                                   \
    _(CATALOGS, "catalogs", "Browse the catalogs", "カタログを見る")                                    \
    _(INVENTORY, "inventory", "Organisation, vendors and systems", "組織・事業者・システム")           \
    _(SIGNOFF, "signoff", "Sign off the assessment (name and role)", "評価を承認する（氏名と役職）")      \
    _(PROPOSALS, "proposals", "Crosswalk proposals for this assessment", "対応表からの提案を見る")        \
    _(HISTORY, "history", "The history of this assessment (who changed what, when)", "この評価の変更履歴を見る") \
    _(ACCEPT, "accept", "Accept the proposal (sets the hospital answer)", "提案を採用（医療機関の回答にする）") \
    _(REJECT, "reject", "Reject the proposal", "提案を却下")                                            \
    _(SYSTEM_LISTS, "system-lists", "The system's ports, storage, connections and controls",            \
      "システムの通信ポート・保存場所・外部接続・補完的対策")                                            \
    _(FIELDS, "fields", "Header fields of the assessment (MDS/SDS product, version, date of issue)",      \
      "評価のフィールド（MDS/SDS の製品名・版・作成日など）")                                              \
    _(EXPORT, "export", "Export a document (checklist, 確認表, gap report, MDS/SDS)",                       \
      "文書を書き出す（チェックリスト・確認表・未対応項目報告・MDS/SDS）")                                   \
    _(CHOICE_NEXT, "choice-next", "Next choice", "次の選択肢")                                          \
    _(CHOICE_PREV, "choice-prev", "Previous choice", "前の選択肢")                                      \
    _(WRITE, "write", "Write the file", "ファイルに書き出す")                                             \
    _(SAVE, "save", "Save and close", "保存して閉じる")                                                 \
    _(CANCEL, "cancel", "Cancel", "取り消し")                                                           \
    _(CONTRACTS, "contracts", "Maintenance contracts and their annex", "保守契約と契約書別紙")           \
    _(INCLUDE, "include", "Include the clause (with a reason)", "条項を採用（理由を入力）")              \
    _(EXCLUDE, "exclude", "Exclude the clause (with a reason)", "条項を除外（理由を入力）")              \
    _(RESET, "reset", "Back to the proposal / default / pre-filled value", "提案・既定値・自動の値に戻す") \
    _(LEFT, "left", "Previous column", "左の列")                                                        \
    _(RIGHT, "right", "Next column", "右の列")                                                          \
    _(SET_HOSPITAL, "set-hospital", "Cell: hospital (医療機関)", "セル: 医療機関")                       \
    _(SET_VENDOR, "set-vendor", "Cell: vendor (事業者)", "セル: 事業者")                                 \
    _(SET_JOINT, "set-joint", "Cell: joint (共同)", "セル: 共同")                                        \
    _(SET_NA, "set-na", "Cell: not applicable (対象外)", "セル: 対象外")                                 \
    _(PREVIEW, "preview", "Show or hide the annex preview", "別紙のプレビューを表示／非表示")            \
    _(EXPORT_ANNEX, "export-annex", "Export the annex (.md / .html / .docx)", "別紙を書き出す（.md / .html / .docx）") \
    _(FOR_VENDOR, "for-vendor", "Checklist as XLSX: the vendor's workbook to fill in, on / off",                 \
      "チェックリストの XLSX: 事業者記入用のブックにする／しない")                                               \
    _(IMPORT_ANSWERS, "import-answers", "Import the vendor's filled workbook or CSV (a dry run first, then y/n)", \
      "事業者記入のブック・CSV を取り込む（件数を確認し y/n）")

typedef enum {
#define ACTION_ENUM(id, name, en, ja) ACT_##id,
    ACTION_INFO(ACTION_ENUM)
#undef ACTION_ENUM
        ACT__COUNT
} action;

const char *action_name(action a);
const char *action_help(action a); /* in the UI language */

/* A key: a character (code point) or a curses function key (KEY_*), see KEY_FN. */
typedef int keycode;
#define KEY_FN(k) (0x40000000 | (k))
#define KEY_CTRL(c) ((c) & 0x1f)
#define KEY_ESC 27

typedef struct {
    keycode key;
    action act;
} keybind;

typedef struct {
    const char *name; /* screen name, for help */
    const keybind *binds;
    size_t len;
} keymap;

extern const keymap keymap_global;

/* The action bound to key in `screen_map` (may be NULL), else in the global map; ACT_NONE if none. */
action keymap_lookup(const keymap *screen_map, keycode key);
/* The action bound to key in `map` only (no fallback). */
action keymap_lookup_local(const keymap *map, keycode key);
/* A printable name for a key ("q", "Enter", "PgDn", "^L"). Caller frees. */
char *keycode_name(keycode key);
/* Every key bound to `act` in `map`, as "k1/k2", or NULL when none. Caller frees. */
char *keymap_keys_for(const keymap *map, action act);

#endif
