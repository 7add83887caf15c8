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
    _(LINK_OUT, "->", "->")                                                                                  \
    _(LINK_IN, "<-", "<-")                                                                                   \
    _(EDITOR_FAILED, "The editor failed: %s", "エディタの実行に失敗しました: %s")                          \
    _(DB_ERROR, "Database error: %s", "データベースのエラー: %s")                                          \
    _(READONLY, "Read-only database: changes are not saved", "読み取り専用のデータベースです（保存されません）")

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
