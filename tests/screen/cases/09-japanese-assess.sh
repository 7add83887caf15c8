# The workbench in Japanese (ja_JP.UTF-8): dashboard, navigator, 令和 dates, alignment of
# double-width text at 80×24 and 120×40.
LANG_UI=ja
start 80 24
keys n Enter Enter
keys Down y Down n
keys t
type_text 令和8年3月1日
keys Enter
expect "保存しました: 1-2 目標日 = 2026-03-01"
expect "目標日: 2026-03-01 (令和8年3月1日)  期限超過"
snap ja-answer-80x24
keys q
snap ja-dash-80x24
start 120 40
snap ja-dash-120x40
keys Enter
expect ">  ! 1-2 ＶＰＮ接続の管理"
snap ja-answer-120x40
