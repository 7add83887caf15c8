# Carry across catalog versions (issue 12): the shipped R6 and R7 checklists have different item
# ids, so only the declared crosswalk (data/catalogs/xw-checklist-r6-r7-1.yaml, rel: supersedes)
# carries the answers; a merge of differing answers (R6 2-(7) per device -> R7 2-⑥) and an item
# without a successor are listed and stay in the old assessment. Uses the shipped catalogs.
ANZEN_CATALOG_PATH=$HERE/../../data/catalogs
export ANZEN_CATALOG_PATH
anzen org add --name 〇〇病院
anzen assess new mhlw-checklist-hospital@R6 --fy 2026
for item in c6-0 c6-1-01 c6-2-01 c6-2-06 c6-2-07-server c6-3-02 c6-3-03; do
    anzen answer set 1 "$item" yes --due 2027-03-31 --note "令和6年度 $item"
done
anzen answer set 1 c6-2-07-pc no --reason "更新手順が未整備"
anzen assess carry 1 --to-fy 2027 --to-version R7 --keep-values --keep-dates
anzen progress 2 --depth 0
anzen assess show 2
anzen assess show 1
# the vendor form: every R6 item has a successor
anzen vendor add 〇〇メディカル
anzen system add PACS --category PACS --vendor 〇〇メディカル
anzen assess new mhlw-checklist-vendor@R6 --system PACS --fy 2026
anzen answer set 3 c6-2-xx-server no --due 2027-03-31 --reason "更新手順が未整備"
anzen answer set 3 c6-2-06 yes
ANZEN_LANG=en
export ANZEN_LANG
anzen assess carry 3 --to-fy 2027 --to-version R7 --keep-values
anzen assess show 4
# an unknown target version is an error, nothing created
anzen assess carry 1 --to-fy 2028 --to-version R99
anzen assess list --fy 2028
# history --item takes the printed reference as well as the id; an unknown item is an error
ANZEN_LANG=ja
anzen history --assessment 2 --item 1-①
anzen history --assessment 2 --item '2-⑪ サーバ'
anzen history --assessment 2 --item c7-3-03
anzen history --assessment 2 --item 9-⑨
anzen history --item 1-①
