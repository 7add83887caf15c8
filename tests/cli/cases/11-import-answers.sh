# The vendor's spreadsheet round trip: the hospital writes the checklist for the vendor
# (--for-vendor: protected, the answer cells unlocked, a list of the catalog's answers, date cells,
# a hidden sheet naming the assessment), the vendor fills it in (tests/fixtures/sheets-answers/
# filled.xlsx, made from base.xlsx — the same export as below — by make-fixtures.py), the
# hospital imports it as vendor answers (the hospital's own answer stays; the same file twice
# changes nothing) and reconciles. Then every malformed workbook and CSV is refused with its
# message naming the sheet and cell, and the database stays byte-identical (sqlite3 .dump).
ANZEN_CATALOG_PATH=$ANZEN_CATALOG_PATH:$HERE/../fixtures/sheets-answers:$HERE/../fixtures/export
export ANZEN_CATALOG_PATH
cp "$HERE"/../fixtures/sheets-answers/*.xlsx "$HERE"/../fixtures/sheets-answers/*.csv .
anzen vendor add A社
anzen system add PACS --category pacs --vendor A社
anzen assess new fx-vcl@1 --system PACS --fy 2025
anzen assess new fx-vcl@1 --system PACS --fy 2026
anzen assess new fx-ecl@1 --fy 2025
anzen answer set 1 v-1-1 no --reason "院内で確認中"
anzen answer set 1 v-1-2 yes --party vendor --checked 2025-04-01
# --- the workbook for the vendor
anzen export checklist 1 -o vendor.xlsx --for-vendor --date 2025-05-01
anzen export checklist 1 -o vendor.xlsx --for-vendor --date 2025-05-01
stat -c %a vendor.xlsx
anzen export checklist 1 -o vendor.csv --for-vendor
anzen export gaps 1 -o gaps.xlsx --for-vendor
anzen export checklist 3 -o no-vendor.xlsx --for-vendor
# the same cells as the committed base.xlsx the fixtures were made from (the version string aside)
for p in xl/worksheets/sheet1.xml xl/sharedStrings.xml xl/styles.xml xl/workbook.xml; do
    cmp <(unzip -p vendor.xlsx "$p") <(unzip -p base.xlsx "$p") && echo "$p: as in base.xlsx"
done
unzip -p vendor.xlsx xl/workbook.xml | grep -o '<sheet [^>]*>'
unzip -p vendor.xlsx xl/worksheets/sheet1.xml | grep -o '<sheetProtection[^>]*>'
unzip -p vendor.xlsx xl/worksheets/sheet2.xml | grep -o '<sheetProtection[^>]*>'
unzip -p vendor.xlsx xl/worksheets/sheet1.xml | grep -o '<dataValidation [^>]*sqref="[^"]*"><formula1>[^<]*</formula1>'
# the input cells' styles are unlocked (5: text, 6: dates with a date format); the others locked
unzip -p vendor.xlsx xl/styles.xml | grep -o '<cellXfs.*</cellXfs>' | grep -o '<xf [^>]*>\(<[^x/][^>]*>\)*' | sed -n '6,7p'
unzip -p vendor.xlsx xl/styles.xml | grep -o '<numFmt [^>]*>'
unzip -p vendor.xlsx xl/worksheets/sheet1.xml | grep -o '<row r="8".*</row>' | sed 's/<row r="9".*//'
unzip -p vendor.xlsx xl/sharedStrings.xml | grep -o '<t[^>]*>[^<]*</t>' | sed -n '4,12p'
# the hidden sheet, key by key
unzip -p vendor.xlsx xl/sharedStrings.xml | tr '\n' ' ' | sed 's/<si>/\n<si>/g' | grep '^<si>' | sed 's/<[^>]*>//g' > strings.txt
unzip -p vendor.xlsx xl/worksheets/sheet2.xml | grep -o '<row [^>]*>.*</row>' | sed 's|</row>|&\n|g' | grep '<row' |
    while read -r row; do
        for i in $(grep -o '<v>[0-9]*</v>' <<<"$row" | sed 's/<[^>]*>//g'); do printf '%s\t' "$(sed -n "$((i + 1))p" strings.txt)"; done
        echo
    done | grep -v '^anzen_version'

# --- the vendor filled it in; the hospital imports it
sqlite3 anzen.db .dump > before.sql
anzen import answers filled.xlsx --dry-run
sqlite3 anzen.db .dump | cmp - before.sql && echo "dry run: database unchanged"
anzen import answers filled.xlsx
anzen import answers filled.xlsx
sqlite3 anzen.db "SELECT item_id, party, value, checked, due, reason, note FROM answer WHERE assessment_pk = 1 ORDER BY item_id, party"
anzen history --assessment 1 --limit 12
anzen reconcile 1
anzen import answers filled-again.xlsx
anzen export checklist 1 -o checklist.csv --date 2025-05-01
grep -a "2-⑥" checklist.csv
# --- malformed workbooks and CSV files: each refused, the database byte-identical
sqlite3 anzen.db .dump > before.sql
for f in formula unknown-value bad-date unknown-item duplicate-item header-changed huge-cell reason-two-lines \
         tampered-fy other-catalog extra-sheet no-hidden-sheet truncated not-a-zip empty; do
    anzen import answers "$f.xlsx"
done
anzen import answers other-assessment.xlsx --assessment 1
anzen import answers filled.xlsx --assessment 2
for f in formula unknown-item bad-date bad-utf8 huge-cell empty; do
    anzen import answers "$f.csv" --assessment 1
done
anzen import answers filled.csv
anzen import answers notes.txt
anzen import answers missing.xlsx
sqlite3 anzen.db .dump | cmp - before.sql && echo "malformed files: database unchanged"
# the same in English
ANZEN_LANG=en anzen import answers unknown-value.xlsx
ANZEN_LANG=en anzen import answers other-assessment.xlsx --assessment 1
ANZEN_LANG=en anzen import answers no-hidden-sheet.xlsx
# --- the checklist CSV (a vendor who returns the CSV export): devices, 理由 in 備考, a guarded note
anzen import answers filled.csv --assessment 1
sqlite3 anzen.db "SELECT item_id, value, checked, due, reason, note FROM answer WHERE assessment_pk = 1 AND party = 'vendor' ORDER BY item_id"
anzen import answers filled.csv --assessment 1
