# The export dialog in Japanese: x on the dashboard opens it on the selected assessment with the
# document made for its catalog, xlsx and a default file name in the current directory; w writes
# it (0600), a second w is refused (the file exists) until overwrite is on; the format follows
# Left/Right and the name with it. In the navigator F edits the header fields, x on an item is
# still the catalog's 対象外 answer and ^X opens the dialog.
LANG_UI=ja
cd "$CASE_DIR" || exit 1
EXTRA_ENV="ANZEN_CATALOG_PATH=$HERE/data-export/catalogs"
cli() {
    env -i PATH="$PATH" HOME="$CASE_DIR/home" LC_ALL=C.UTF-8 TZ=UTC ANZEN_NOW=2026-04-01T09:00:00Z \
        ANZEN_DATA_DIR="$HERE/data" ANZEN_CATALOG_PATH="$HERE/data-export/catalogs" ANZEN_USER=tester \
        "$BIN" --db "$CASE_DIR/db/anzen.db" "$@" >/dev/null
}
cli vendor add A社
cli system add PACS --category pacs --vendor A社
cli assess new fx-mds@1 --system PACS --fy 2026
cli answer set 1 m-1 yes --note "定義ファイルは毎日更新"
start 80 24
keys x
expect "MDS-SDS_PACS_A社_2026-04-01.xlsx"
snap ja-export-dialog-80x24
keys w
expect "書き出しました: MDS-SDS_PACS_A社_2026-04-01.xlsx"
snap ja-export-wrote-80x24
check "the file is written 0600" test "$(stat -c %a "$CASE_DIR/MDS-SDS_PACS_A社_2026-04-01.xlsx")" = 600
check "no temporary file is left" test -z "$(ls -A "$CASE_DIR" | grep '\.tmp\.')"
keys w
expect "MDS-SDS_PACS_A社_2026-04-01.xlsx は既にあります（上書きを「はい」に）"
keys Down Right
expect "< csv >"
expect "MDS-SDS_PACS_A社_2026-04-01.csv"
keys w
expect "書き出しました: MDS-SDS_PACS_A社_2026-04-01.csv"
check "the CSV starts with a BOM and holds the note" grep -q "定義ファイルは毎日更新" "$CASE_DIR/MDS-SDS_PACS_A社_2026-04-01.csv"
keys Up Right
expect "< 未対応項目報告（経営層向け） >"
expect "未対応項目報告_PACS_A社_2026-04-01.csv"
keys q
keys Enter
keys F
expect "> 開示書の種別  （未入力）"
keys Down Enter
type_text "画像管理 NEO"
keys Enter Down Enter
type_text R8.4.1
keys Enter C-s
expect "フィールドを 2 件保存しました"
check "fields stored" test "$(sql "SELECT group_concat(key || '=' || value, ';') FROM assessment_field ORDER BY key")" = "issued=2026-04-01;product=画像管理 NEO"
keys Down Down x
check "x on an item answers 対象外" test "$(sql "SELECT value FROM answer WHERE item_id = 'm-2'")" = na
keys C-x
expect "< MDS/SDS 開示書 >"
keys Down Down Down Enter
expect "< はい >"
keys w
expect "書き出しました: MDS-SDS_PACS_A社_2026-04-01.xlsx"
check "the sheet was replaced with the fields in it" sh -c "unzip -p '$CASE_DIR/MDS-SDS_PACS_A社_2026-04-01.xlsx' xl/sharedStrings.xml | grep -q '画像管理 NEO'"
