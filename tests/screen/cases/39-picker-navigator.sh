# Issue 12 at 80x24, with the shipped catalogs (data/catalogs) beside the fixtures:
# - the new-assessment picker tells 医療機関確認用 from 事業者確認用 (short titles; the id cut from
#   the middle keeps the version);
LANG_UI=ja
EXTRA_ENV="ANZEN_CATALOG_PATH=$HERE/../../data/catalogs"
start 80 24
keys n
snap ja-picker-shipped-80x24
expect "mhlw-chec~spital@R7 CSチェックリスト R7 医療機関"
expect "mhlw-chec~vendor@R7 CSチェックリスト R7 事業者"
keys q
# - in the tree 対象外 is '/', a heading '-' (open) or '+' (closed): never the same mark;
# - the detail pane starts at the top for the next item after Tab, PgDn scrolled the last one;
keys n Enter Enter Down x
expect "/ 1-1 保守作業の記録"
expect "- 1 事業者による保守の管理"
keys Tab PPage NPage NPage Tab Down
expect "|1-2  ＶＰＮ接続の管理"
snap ja-na-mark-scroll-80x24
keys Up Left Left
expect "+ 1 事業者による保守の管理"
keys q
# - search (/) finds an item by the title or reference of the evidence linked to it.
cli answer set 1 g-1-2 implemented --evidence "保守委託契約書2025"
keys Enter /
type_text 保守委託契約書
keys Enter
expect "「保守委託契約書」 1 / 1 件"
expect ">  o 1-2 ＶＰＮ接続の管理"
# - Down off the last row of the tree jumps three quarters of a screen: the selection lands a
#   quarter of the pane (5 of 22 rows) from the top, the rows just passed stay above it; Up off the
#   first row jumps back, the selection a quarter from the bottom (navigator.c, scroll_on).
start 80 24
keys n Down Enter Enter
expect "#2 システム運用編 令和8年度"
sel_line() { screen_text | grep -n '^>' | cut -d: -f1; }
for _ in $(seq 21); do keys Down; done
check "the selection on the tree's last row" test "$(sel_line)" = 23
keys Down
check "Down past the edge: the selection 5 rows from the top" test "$(sel_line)" = 7
keys Up Up Up Up Up
check "Up to the first row: no jump yet" test "$(sel_line)" = 2
keys Up
check "Up past the edge: the selection 5 rows from the bottom" test "$(sel_line)" = 18
