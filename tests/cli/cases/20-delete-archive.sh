# Delete or archive vendors and systems (issue 12): a row nothing refers to is deleted, and its
# history still shows every field; a referenced one is refused naming what refers to it and the
# archive command to use; archived rows leave `list` (shown with --archived), stay findable by
# name, and come back with restore; each step is in the history and undone by `undo`, a delete
# with the same id and its lists. The system list shows hosting in the UI language and marks an
# end of support in the past (ANZEN_NOW is 2026-05-10).
anzen vendor add 西日本メディカル --contact 佐藤
anzen vendor add 誤登録商事
anzen system add 画像サーバ --category pacs --vendor 西日本メディカル --hosting on-premises --end-of-support 2025-03-31 --port-in '104|DICOM|画像受信' --storage 'メインディスク|D:¥MainImage|撮影画像'
anzen system add 電子カルテ --category ehr --hosting cloud --end-of-support R10.3.31
anzen system list
anzen vendor delete 西日本メディカル
anzen vendor delete 誤登録商事
anzen vendor list
anzen vendor undo
anzen vendor list
anzen vendor delete 誤登録商事
anzen history --entity vendor
anzen assess new fx-cl@R1 --fy 2025 --system 電子カルテ
anzen system delete 電子カルテ
anzen system archive 電子カルテ
anzen system archive 電子カルテ
anzen system list
anzen system list --archived
anzen system show 電子カルテ
anzen system restore 電子カルテ
anzen system undo
anzen system list --archived --json
anzen system delete 画像サーバ
anzen system list
anzen system undo
anzen system show 画像サーバ
anzen history --entity system --limit 12
anzen vendor delete 存在しない
anzen vendor undo extra
anzen system list --json --archived --bogus
ANZEN_LANG=en
export ANZEN_LANG
anzen vendor delete 西日本メディカル
anzen system undo
anzen system undo
anzen system list
# an archived system is out of service: deemed compliance no longer judges it
anzen deemed
anzen system archive 画像サーバ
anzen deemed
