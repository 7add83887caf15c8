# Refusals in the Japanese UI are Japanese: core reports a status with the field and the value,
# the status line renders it in the UI language (before the status table it read
# 「目標日: malformed date "あした" …」).
LANG_UI=ja
start 80 24
keys n Enter Enter
keys Down t
type_text あした
keys Enter
expect "目標日: 「あした」は日付として読めません"
expect_not "malformed date"
keys c C-u
type_text 2026-02-30
keys Enter
expect "確認日: 「2026-02-30」という日付はありません"
keys t
type_text 平成31年5月1日
keys Enter
expect "目標日: 「平成31年5月1日」は平成の期間（1989-01-08 – 2019-04-30）の外です"
snap ja-date-error-80x24
