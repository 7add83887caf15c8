# Prompts, sign-off and keys that do nothing (issue 12, TUI at 80x24), in Japanese:
# - a prompt's prefill is a suggestion: the first character typed replaces it (the FY prompt's
#   2026, the 確認日 prompt's today: typing 令和7年4月1日 gives 2025-04-01, not
#   「2026-04-01令和7年4月1日」); End (or an arrow) keeps it for editing;
# - C on a form without 完了日, and an answer or date key on a heading, say why on the status line;
# - sign-off names the unanswered items (count, references) and asks first; n signs nothing.
LANG_UI=ja
start 80 24
keys n Down Enter
expect "年度（2026 / 令和8年度）: 2026"
type_text 2025
keys Enter
expect "#1 テスト用チェックリスト 令和7年度 組織全体"
keys c
expect "確認日（2026-04-01 / 令和8年4月1日、空で消去）: 2026-04-01"
snap ja-prompt-suggested-80x24
type_text 令和7年4月1日
expect "空で消去）: 令和7年4月1日"
expect_not "2026-04-01令和7年4月1日"
keys Enter
expect "確認日: 2025-04-01"
check "確認日 stored as typed" test "$(sql "SELECT checked FROM answer WHERE item_id = 'k-1'")" = "2025-04-01"
# End keeps the suggestion for editing: the last digit replaced
keys c End BSpace
type_text 2
expect "空で消去）: 2025-04-02"
keys Enter
check "確認日 edited after End" test "$(sql "SELECT checked FROM answer WHERE item_id = 'k-1'")" = "2025-04-02"
# Left and Home keep the suggestion too: what is typed goes in front of it (invalid here)
keys c Left Home
type_text R7.5.1
keys Enter
check "Home kept the text: typed in front of it is invalid, nothing stored" test "$(sql "SELECT checked FROM answer WHERE item_id = 'k-1'")" = "2025-04-02"
# this form has no 完了日
keys C
expect "テスト用チェックリスト の様式には 完了日 の欄がありません"
snap ja-no-done-date-80x24
# sign-off with 2-① unanswered: listed, asked; n leaves it unsigned
keys y S
expect "未回答 1 件: 2-①。このまま承認しますか？(y/N)"
snap ja-signoff-ask-80x24
keys n
expect "承認しませんでした。"
check "not signed" test "$(sql "SELECT IFNULL(signed_by, '-') FROM assessment WHERE pk = 1")" = "-"
keys S y
expect "承認者の氏名:"
type_text 山田
keys Enter
type_text 院長
keys Enter
expect "承認しました: 山田（院長）"
expect "[承認済]"
# a heading of the guideline: keys meant for an item say why
keys q n Enter
type_text 2025
keys Enter
expect "- 1 事業者による保守の管理"
keys y
expect "1 事業者による保守の管理 は見出しです。下の項目を選んでください"
keys c
expect "は見出しです。下の項目を選んでください"
snap ja-heading-key-80x24
check "nothing answered on the heading" test "$(sql "SELECT count(*) FROM answer WHERE assessment_pk = 2")" = 0
