# A system's lists in Japanese (inventory, L on a system): add a port (a wrong port number is
# refused with a message naming the field, the form stays open), a storage location, edit and
# delete; each save is one ws_system_save.
LANG_UI=ja
start 80 24
keys i Down Down Enter
type_text 画像サーバ
keys Enter C-s
expect "保存しました: 画像サーバ"
keys L
expect "通信ポート (0)"
keys Enter Down Enter
type_text 99999
keys Enter Down Down Enter
type_text データベース接続用
keys Enter C-s
expect "ポート番号 は 1〜65535 の番号か範囲"
keys Up Up Enter C-u
type_text 5432
keys Enter C-s
expect "保存しました: システムの一覧"
expect "受信 5432   データベース接続用"
keys Down Down Enter Down Enter
type_text "D:¥MainImage"
keys Enter Down Enter
type_text 撮影画像
keys Enter C-s
expect "-  D:¥MainImage  撮影画像"
keys Enter Enter
type_text メインディスク
keys Enter C-s
expect "メインディスク  D:¥MainImage  撮影画像"
keys Up Up Up d
expect "「受信 5432   データベース接続用」を削除しますか？ (y/n)"
keys y
expect "削除しました"
expect "通信ポート (0)"
snap ja-syslists-80x24
check "lists stored" test "$(sql "SELECT (SELECT count(*) FROM system_port) || '/' || (SELECT medium || ' ' || location FROM system_storage)")" = "0/メインディスク D:¥MainImage"
