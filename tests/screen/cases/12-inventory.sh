# Inventory forms: organisation, vendor with validation messages; the dashboard shows them.
LANG_UI=ja
start 80 24
keys i
snap ja-inventory-empty-80x24
keys Enter
keys C-s
expect "医療機関名 は必須です"
keys Enter
type_text 安全中央病院
keys Enter Down
type_text 250
keys Enter Down Down
type_text "山田 太郎"
keys Enter
snap ja-org-form-80x24
keys C-s
expect "保存しました: 安全中央病院"
keys Down Enter
type_text 西日本システム株式会社
keys Enter Down Down Down Down Enter Down
type_text 2026-13-01
keys Enter
expect "ISMS 有効期限:"
keys Enter
keys C-u
type_text 令和9年3月31日
keys Enter
expect "2027-03-31"
keys C-s
snap ja-inventory-80x24
keys q
snap ja-dash-org-80x24
