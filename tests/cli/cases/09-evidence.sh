# The evidence register and reasons (the export fixtures: fx-egl's 対象外 and fx-ecl's いいえ need a
# reason). One 運用管理規程 linked to items of a guideline and a checklist assessment, its review
# date marked, the items that use it, unlink; a reason required (and given) for 対象外 and いいえ,
# the filter for answers lacking one; carry keeps the links and flags what runs out; the gap
# report lists the reason and the expired entry; bad input named with its field.
export ANZEN_CATALOG_PATH=$HERE/../fixtures/export
anzen org add --name テスト総合病院 >/dev/null
anzen assess new fx-egl@1 --fy 2025 >/dev/null
anzen assess new fx-ecl@1 --fy 2025 >/dev/null
anzen evidence add 運用管理規程 --kind 規程 --ref 規程第3号 --owner 情報システム課 --effective R2.4.1 --review R8.3.31
anzen evidence add 保守委託契約書 --kind contract --ref 契約第12号 --review 2026-05-31
anzen evidence add 理事会議事録 --kind 議事録
anzen evidence add 理事会議事録 --kind record --review 令和8年2月30日
anzen evidence add 理事会議事録 --kind record --effective 2026-04-01 --review 2026-03-31
anzen evidence add "" --kind record
anzen evidence add 理事会議事録 --kind record --note "2025年度第3回"
anzen evidence list
anzen evidence link 運用管理規程 1 g-1
anzen evidence link 1 1 g-2
anzen evidence link "#1" 2 c-1-1
anzen evidence link 1 2 c-1
anzen evidence link 9 1 g-1
anzen evidence link 1 1 g-1
anzen evidence link 保守委託契約書 1 g-3 --party agreed
anzen evidence link 保守委託契約書 1 g-3 --party vendor
anzen evidence show 1
anzen evidence unlink 1 1 g-2
anzen evidence show 1 --json
# reasons: refused without one, kept apart from the note, shown and filtered
anzen answer set 1 g-4 na
anzen answer set 1 g-4 該当なし --reason "無線LANを設置していない" --note "設置時に再評価"
anzen answer set 2 c-1-1 no --due 2026-03-31
anzen answer set 2 c-1-1 no --due 2026-03-31 --reason "理事会の承認待ち"
anzen answer set 1 g-2 na --reason ""
anzen assess show 1 --missing-reason
# an answer stored before its catalog asked for a reason (as an upgraded database holds them)
sqlite3 "$ANZEN_DB" "UPDATE answer SET reason = NULL WHERE item_id = 'c-1-1'"
anzen assess show 2 --missing-reason
anzen assess show 2 --missing-reason --json
anzen answer set 2 c-1-1 - --reason "理事会の承認待ち"
anzen assess show 2 --missing-reason
anzen history --assessment 1
anzen assess show 1
# carry keeps the links (no entry copied) and names what runs out in the new year
anzen assess carry 1 --to-fy 2026 --keep-values
anzen evidence list --due
anzen evidence edit 2 --archived yes
anzen evidence list
anzen evidence list --all --json
anzen evidence edit 2 --review R7.1.1
anzen evidence edit 2 --kind 手紙
anzen export gaps 1 --date 2026-05-10 --format md -o gaps.md
grep -A4 "対象外とした\|期限切れ・見直し" gaps.md
