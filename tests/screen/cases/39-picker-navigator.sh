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
