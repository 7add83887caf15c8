# Assessments: answers with dates and owner, rejected input, proposals, sign-off, undo, carry, diff, progress.
anzen vendor add ネオ画像システム株式会社
anzen system add 画像管理システム --category PACS --vendor ネオ画像システム株式会社
anzen assess new fx-gl@1 --fy 令和7年度
anzen assess new fx-cl@R1 --fy 2025
anzen assess new fx-cl@R1 --system 画像管理システム --fy R7
anzen assess new fx-cl@R1 --fy 2025
anzen assess new no-such-catalog --fy 2025
anzen assess new fx-gl --fy 令和99年度x
anzen answer set 1 g-1 実施 --note "保守用IDは発行済み
作業記録は未整備" --checked R7.6.1 --due 令和8年3月31日 --owner vendor --owner-vendor ネオ画像システム株式会社 \
    --evidence 規程/保守手順.pdf --evidence https://intra.example/hoshu
anzen answer set 1 g-9 done
anzen answer set 1 h1 done
anzen answer set 1 g-1 maybe
anzen answer set 1 g-2 not_done --due 2026-02-30
anzen answer set 1 g-2 not_done --due 平成31年5月1日
anzen answer set 1 g-2 not_done --owner-vendor 無い会社
anzen answer set 2 q1 yes --done 2025-04-01
anzen answer set 9 g-1 done
anzen answer set 1 g-2 not_done --due 2026-04-30
anzen answer set 1 g-3 対象外
anzen answer proposals 2
anzen answer accept P1
anzen answer accept P1
anzen answer set 3 q1 no --party vendor --note "事業者回答"
anzen assess show 3 --all-parties
# an item is still unanswered: listed, and the sign-off wants --force
anzen assess signoff 2 --name 佐藤花子 --role 医療情報システム安全管理責任者
anzen assess signoff 2 --name 佐藤花子 --role 医療情報システム安全管理責任者 --force
anzen answer set 2 q2 no --due R8.4.1
anzen assess list
anzen assess undo 2
anzen assess list --fy 2025 --json
anzen progress 1 --depth 2
anzen progress all --json --depth 0
anzen assess show 1
anzen history --assessment 1 --item g-1
anzen assess carry 1 --to-fy 2026
anzen assess carry 1 --to-fy 2026
anzen assess carry 2 --to-fy 令和9年度 --to-version R2 --keep-values --keep-dates
anzen diff 1 4
anzen diff 2 5
anzen diff 2 5 --json
anzen diff 2 99
