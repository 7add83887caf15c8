# Delete, archive and restore in the inventory (issue 12), in Japanese at 80x24: hosting in the UI
# language and a past end of support marked on the system rows; d on a vendor a system uses is
# refused naming the reference; d on an unused one asks, deletes, and u brings it back; a archives
# a system (hidden), H shows the archived rows marked, a again restores; each step in history.
LANG_UI=ja
cli vendor add 西日本メディカル
cli vendor add 誤登録商事
cli system add 画像サーバ --category pacs --vendor 西日本メディカル --hosting on-premises --end-of-support 2025-03-31
cli system add 電子カルテ --category ehr --hosting cloud --end-of-support R10.3.31
start 80 24
keys i
expect "PACS / オンプレミス / 西日本メディカ~ サポート終了"
expect "電子カルテ / クラウド"
expect_not "クラウド  サポート終了"
snap ja-inventory-eos-80x24
keys Down d
expect "「西日本メディカル」を削除しますか？"
keys y
expect "削除不可: 事業者「西日本メディカル」はシステム 1 件が参照中（アーカイブ可）"
keys Down d
expect "「誤登録商事」を削除しますか？"
keys n
expect "#2 誤登録商事"
keys d y
expect "削除しました: 誤登録商事"
expect_not "#2 誤登録商事"
check "vendor deleted" test "$(sql "SELECT count(*) FROM vendor")" = 1
keys u
expect "取り消しました: 誤登録商事"
expect "#2 誤登録商事"
keys Down Down Down a
expect "「電子カルテ」をアーカイブしますか？"
keys y
expect "アーカイブしました: 電子カルテ"
expect_not "電子カルテ / クラウド"
keys H
expect "#2 電子カルテ              電子カルテ / クラウド               ［アーカイブ］"
snap ja-inventory-archived-80x24
keys a
expect "「電子カルテ」を一覧に戻しますか？"
keys y
expect "一覧に戻しました: 電子カルテ"
keys H
expect "#2 電子カルテ"
expect_not "［アーカイブ］"
check "history: delete, undo, archive, restore" test "$(sql "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM history_action WHERE pk > 4 ORDER BY pk)")" = "delete undo archive restore"
