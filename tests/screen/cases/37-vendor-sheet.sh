# The vendor's spreadsheet round trip without leaving the TUI. In Japanese at 80x24: the export
# dialog (x) writes the checklist for the vendor (v: the --for-vendor workbook, through the same
# core call as the CLI; an assessment without a vendor is refused on the status line); the vendor
# fills two answer cells (the sheet XML rewritten in the zip, as tests/cli/cases/
# 11-import-answers.sh does); the workshop (W) imports it with i: a file with an unknown answer is
# refused naming its cell and nothing is written, the good one is counted by a dry run, asked about
# (n leaves it, y imports) and the view shows the vendor's answers and the difference. In English
# at 120x40: the workbook again, one answer changed, imported; then the checklist CSV into the
# workshop's own assessment; ? lists the keys.
LANG_UI=ja
cd "$CASE_DIR" || exit 1
EXTRA_ENV="ANZEN_CATALOG_PATH=$HERE/data-walk/catalogs"
on() {
    # shellcheck disable=SC2086
    env -i ${ON_ENV:-} PATH="$PATH" HOME="$CASE_DIR/home" LC_ALL=C.UTF-8 TZ=UTC ANZEN_NOW=2026-04-01T09:00:00Z \
        ANZEN_DATA_DIR="$HERE/data" ANZEN_CATALOG_PATH="$HERE/data-walk/catalogs" ANZEN_USER=tester \
        "$BIN" --db "$CASE_DIR/db/anzen.db" "$@" >>"$CASE_DIR/cli.log" 2>&1 || { sed "s/^/    cli: /" "$CASE_DIR/cli.log"; return 1; }
}
on vendor add A社
on system add PACS --category pacs --vendor A社
on assess new fx-walk@1 --fy 2026 # no system, no vendor: no workbook for a vendor
on assess new fx-walk@1 --system PACS --fy 2026 # #2, the dashboard's first row
on answer set 2 w-1 yes
on answer set 2 w-2 yes

# fill IN OUT CELL=TEXT...: the vendor's edit - CELL's text in the main sheet, its style kept
fill() {
    python3 - "$@" <<'PY'
import re, sys, zipfile
src, dst, *cells = sys.argv[1:]
with zipfile.ZipFile(src) as z:
    parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
def put(xml, ref, s):
    m = re.search(r'<c r="%s"( s="\d+")?( t="\w+")?(/>|>.*?</c>)' % ref, xml)
    assert m, ref
    cell = '<c r="%s"%s t="inlineStr"><is><t>%s</t></is></c>' % (ref, m.group(1) or "", s)
    return xml[:m.start()] + cell + xml[m.end():]
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for n, d in parts:
        if n == "xl/worksheets/sheet1.xml":
            x = d.decode()
            for c in cells:
                ref, s = c.split("=", 1)
                x = put(x, ref, s)
            d = x.encode()
        z.writestr(n, d)
PY
}
vendor_answers() { sql "SELECT group_concat(item_id || '=' || value, ',') FROM (SELECT item_id, value FROM answer WHERE assessment_pk = 2 AND party = 'vendor' ORDER BY item_id)"; }
BOOK=チェックリスト_PACS_A社_2026-04-01_事業者記入用.xlsx

start 80 24
# the organisation-wide assessment (the dashboard's first row) has no vendor: refused with core's
# message on the status line, nothing written
keys x
expect "v: 事業者記入用: いいえ"
keys v w
expect "事業者の回答には事業者が必要ですが、評価 #1 には事業者がありません"
check "nothing written for #1" bash -c '! compgen -G "$1/*.xlsx" >/dev/null' _ "$CASE_DIR"
keys q Down x
expect "< チェックリスト >"
expect "v: 事業者記入用: いいえ"
expect "チェックリスト_PACS_A社_2026-04-01.xlsx"
keys v
expect "v: 事業者記入用: はい"
expect "$BOOK"
snap ja-vendor-sheet-dialog-80x24
keys w
expect "書き出しました: $BOOK（事業者"
snap ja-vendor-sheet-wrote-80x24
check "the vendor's workbook is written 0600" test "$(stat -c %a "$CASE_DIR/$BOOK")" = 600
check "it has the hidden sheet naming the format" sh -c "unzip -p '$CASE_DIR/$BOOK' xl/sharedStrings.xml | grep -q 'anzen-vendor-sheet/1'"
check "the main sheet is protected" sh -c "unzip -p '$CASE_DIR/$BOOK' xl/worksheets/sheet1.xml | grep -q '<sheetProtection'"
# off again: the ordinary checklist; another format: no toggle, v says why
keys v
expect "v: 事業者記入用: いいえ"
expect "保存先  チェックリスト_PACS_A社_2026-04-01.xlsx"
keys Down Right
expect "< csv >"
expect_not "事業者記入用:"
keys v
expect "事業者記入用はチェックリストの XLSX だけです"
keys q

# the vendor fills 1-① (いいえ: the hospital said はい) and 1-② (はい); a second copy has an answer
# that is not the form's in 2-① (row 10)
fill "$BOOK" filled.xlsx D7=いいえ D8=はい
fill "$BOOK" bad.xlsx D7=いいえ D10=たぶん
keys W
expect "打合せ #2"
expect "i:取込"
keys i
expect "事業者が記入したファイル（.xlsx・.csv）:"
type_text bad.xlsx
keys Enter
expect "bad.xlsx: チェックリスト!D10: 回答「たぶん」はありません"
snap ja-vendor-sheet-refused-80x24
check "the refused file wrote nothing" test -z "$(vendor_answers)"

keys i
type_text filled.xlsx
keys Enter
expect "新規 2 件・変更 0 件・同じ 0 件: A社 の回答として取り込みますか？ (y/n)"
snap ja-vendor-sheet-ask-80x24
check "the dry run wrote nothing" test -z "$(vendor_answers)"
keys n
expect "取り込みませんでした"
check "n wrote nothing" test -z "$(vendor_answers)"
keys i
type_text filled.xlsx
keys Enter y
expect "A社 の回答として取り込みました: 新規 2 件・変更 0 件・同じ 0 件"
expect "相違 1・片側のみ 0・一致 1・未回答 3／合意 0"
expect "事業者: いいえ"
snap ja-vendor-sheet-imported-80x24
check "the vendor's answers are stored" test "$(vendor_answers)" = "w-1=no,w-2=yes"
check "the hospital's answers are untouched" \
    test "$(sql "SELECT group_concat(value, ',') FROM answer WHERE assessment_pk = 2 AND party = 'hospital'")" = "yes,yes"
check "one history action for the import" test "$(sql "SELECT COUNT(*) FROM history_action WHERE kind = 'import'")" = 1
# the same file again changes nothing
keys i
type_text filled.xlsx
keys Enter
expect "filled.xlsx は 2026-04-01 に tester が取り込み済みです（変更なし）"
check "still one import" test "$(sql "SELECT COUNT(*) FROM history_action WHERE kind = 'import'")" = 1
keys '?'
expect "事業者記入のブック・CSV を取り込む（件数を確認し y/n）"
keys q q
finish

# --- in English at 120x40: a new workbook (the vendor's answers filled in), one answer changed
LANG_UI=en
start 120 40
keys Down x v
expect "v: for the vendor to fill in: yes"
expect "チェックリスト_PACS_A社_2026-04-01_for-vendor.xlsx"
keys w
expect "the vendor's workbook"
fill チェックリスト_PACS_A社_2026-04-01_for-vendor.xlsx again.xlsx D7=Yes
keys q W i
type_text again.xlsx
keys Enter
expect "0 new, 1 changed, 1 same: import as A社's answers? (y/n)"
snap en-vendor-sheet-ask-120x40
keys y
expect "Imported as A社's answers: 0 new, 1 changed, 1 same"
expect "0 different, 0 one-sided, 2 equal, 3 open; 0 agreed"
snap en-vendor-sheet-imported-120x40
check "1-① is now the vendor's yes" test "$(vendor_answers)" = "w-1=yes,w-2=yes"
# a refusal in English names the cell too
fill チェックリスト_PACS_A社_2026-04-01_for-vendor.xlsx bad-en.xlsx D8=perhaps
keys i
type_text bad-en.xlsx
keys Enter
expect "bad-en.xlsx: チェックリスト!D8: unknown answer \"perhaps\""
# the checklist's CSV export, filled in (2-③: いいえ with a due date): a CSV names no assessment, so
# it goes into the workshop's own
ON_ENV=ANZEN_LANG=ja on export checklist 2 --format csv -o "$CASE_DIR/checklist.csv"
python3 - "$CASE_DIR/checklist.csv" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
head = next(r for r in rows if r and r[0] == "番号")
for r in rows:
    if r and r[0] == "2-③":
        r[head.index("はい／いいえ")] = "いいえ"
        r[head.index("目標日")] = "2027-03-31"
with open(sys.argv[1], "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f).writerows(rows)
PY
keys i
type_text checklist.csv
keys Enter
expect "1 new, 0 changed, 2 same: import as A社's answers? (y/n)"
keys y
expect "Imported as A社's answers: 1 new, 0 changed, 2 same"
expect "0 different, 1 one-sided, 2 equal, 2 open; 0 agreed"
check "2-③ is the vendor's no, due 2027-03-31" \
    test "$(sql "SELECT value || ' ' || due FROM answer WHERE assessment_pk = 2 AND party = 'vendor' AND item_id = 'w-5'")" = "no 2027-03-31"
check "three imports by now (ja workbook, en workbook, CSV)" test "$(sql "SELECT COUNT(*) FROM history_action WHERE kind = 'import'")" = 3
keys '?'
expect "Import the vendor's filled workbook or CSV (a dry run first, then y/n)"
finish
