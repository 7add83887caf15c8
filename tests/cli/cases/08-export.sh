# Exports, fields, the inspection snapshot and verify. The export fixtures (tests/fixtures/export)
# are added to the catalog path for this case only.
ANZEN_CATALOG_PATH=$ANZEN_CATALOG_PATH:$HERE/../fixtures/export
export ANZEN_CATALOG_PATH
anzen org add --name テスト総合病院 --security-officer "山田 太郎"
anzen vendor add A社
anzen system add PACS --category pacs --vendor A社 --remote yes --remote-method VPN装置
anzen assess new fx-ecl@1 --fy 2025
anzen assess new fx-emds@1 --system PACS --fy 2025
anzen answer set 1 c-1-1 no --due 2025-03-31 --note "任命は4月" --evidence 議事録.pdf --reason "理事会の承認待ち"
anzen answer set 1 c-2-4-server yes --checked 2025-04-01
anzen answer set 1 c-2-4-pc no --reason "更新予定の端末" --checked 2025-04-01 --note "=cmd|' /C calc'!A1"
# header fields: listed, set (a date in any form), refused with the reason
anzen assess field 2 form SDS
anzen assess field 2 issued R7.3.1
anzen assess field 2 form XDS
anzen assess field 2 bogus x
anzen assess field 1 product x
anzen assess field 2
# documents: the format from the extension, or --format
anzen export checklist 1 -o checklist.md --date 2025-04-01
cat checklist.md
anzen export checklist 1 -o checklist.csv --date 2025-04-01
cat checklist.csv
anzen export disclosure 2 -o disclosure.txt --format json --date 2025-04-01
head -c 400 disclosure.txt; echo
stat -c %a checklist.md
# the same data and --date give the same bytes
anzen export gaps 1 -o a.xlsx --date 2025-04-01
anzen export gaps 1 -o b.xlsx --date 2025-04-01
cmp a.xlsx b.xlsx && echo identical
# refusals: an existing file, a document for another kind, bad options
anzen export checklist 1 -o checklist.md --date 2025-04-01
anzen export checklist 1 -o checklist.md --date 2025-04-01 --force
anzen export kakuninhyo 1 -o k.csv
anzen export disclosure 1 -o d.csv
anzen export checklist 1 -o out.doc
anzen export checklist 1 -o x.csv --format pdf
anzen export checklist 1 -o x.csv --date 2025-02-30
anzen export checklist 1
anzen export report 1 -o x.csv
anzen export checklist 9 -o x.csv
ls x.csv 2>&1
# the snapshot and verify
anzen snapshot 1 2 -o snap.html --date 2025-04-01
anzen verify snap.html
sed 's/任命は4月/任命は5月/' snap.html > changed.html
anzen verify changed.html
sed 's/<h1>/<h1>!/' snap.html > page.html
anzen verify page.html
head -c 2000 snap.html > cut.html
anzen verify cut.html
anzen verify missing.html
anzen snapshot 1 -o snap.html
anzen snapshot -o s.html
# the same refusals in the English UI (the status table's English messages)
ANZEN_LANG=en
export ANZEN_LANG
anzen assess field 2 form XDS
anzen assess field 2 issued 2025-02-30
anzen assess field 2 bogus x
anzen assess field 1 product x
anzen export checklist 1 -o checklist.md --date 2025-04-01
anzen export kakuninhyo 1 -o k.csv
anzen export checklist 1 -o out.doc
anzen export checklist 1 -o x.csv --format pdf
anzen export checklist 9 -o x.csv
anzen verify cut.html
anzen verify missing.html
