# Crosswalk proposals in Japanese: answering 2-① of the checklist proposes an answer for the
# guideline item mapped to it (status line "N件の提案"); the guideline's tree marks the item
# [提案], its detail says where the proposal comes from, X lists the open proposals, r rejects,
# a accepts (the hospital answer is set). An assessment opens again at the item last visited.
LANG_UI=ja
start 80 24
keys n Enter Enter
keys q n Down Enter Enter
expect "#2 テスト用チェックリスト 令和8年度 組織全体"
keys Down y
expect "1件の提案"
keys q Enter Down
expect "保守作業の記録   [提案]|"
expect "提案（X: 提案一覧）"
expect "  実施 ← テスト用チェックリスト 2-① = はい"
expect_not "提案: 実施"
snap ja-proposals-tree-80x24
keys X
expect "~ > #1 テスト指針 令和8年度 組織全体 > 提案        [入力者: 医療機関] [未承認]"
snap ja-proposals-list-80x24
keys r
expect "却下しました: 1-1 = 実施"
expect "この評価への未決の提案はありません"
keys q
expect_not "[提案]"
expect "回答: 未回答"
# the checklist's answer changes: a new proposal, accepted this time
keys q Up Enter Down n
expect "1件の提案"
keys q Down Enter
expect "  未実施 ← テスト用チェックリスト 2-① = いいえ"
keys X a
expect "採用しました: 1-1 = 未実施"
check "rejected, then accepted" test "$(sql "SELECT group_concat(status, ',') FROM (SELECT status FROM proposal WHERE status <> 'superseded' ORDER BY pk)")" = "rejected,accepted"
check "hospital answer set by accepting" test "$(sql "SELECT value FROM answer WHERE assessment_pk = 1 AND item_id = 'g-1-1' AND party = 'hospital'")" = "not_implemented"
keys q
expect "回答: 未実施"
expect_not "[提案]"
