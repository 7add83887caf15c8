# Who acts and what undo may take back. --user names the actor (else ANZEN_USER, pinned to "tester"
# here), and history shows it. A crosswalk proposal made by an answer is part of that answer's
# action: undo withdraws it, or reopens the one it superseded. Undo takes back only one's own
# last change, and refuses, naming the other person, while someone else's change to the item
# stands. The owner vendor is recorded by id and shown with the vendor's current name. ANZEN_NOW
# (a test hook) is refused unless it is an ISO 8601 UTC time.
anzen vendor add ネオ画像システム株式会社
anzen assess new fx-gl@1 --fy 2025
anzen assess new fx-cl@R1 --fy 2025
anzen --user 山田 answer set 1 g-1 done --owner vendor --owner-vendor ネオ画像システム株式会社
anzen answer proposals 2
anzen --user=佐藤 answer set 1 g-1 not_done
anzen answer proposals 2 --all
anzen --user 山田 assess undo 1
anzen --user 鈴木 assess undo 1
anzen --user 佐藤 assess undo 1
anzen answer proposals 2 --all
anzen --user 山田 assess undo 1
anzen answer proposals 2 --all
echo '# ANZEN_USER=佐藤 (no --user)'
ANZEN_USER=佐藤 anzen answer set 1 g-2 done
anzen --user 山田 answer set 1 g-3 done --owner vendor --owner-vendor ネオ画像システム株式会社
anzen vendor edit ネオ画像システム株式会社 --name ネオメディカル株式会社
anzen history --assessment 1
anzen history --assessment 2
anzen history --assessment 1 --item g-3 --json
anzen --user '' assess list
anzen --user
echo '# ANZEN_NOW=yesterday'
ANZEN_NOW=yesterday anzen assess list
echo '# ANZEN_NOW=2026-02-30T09:00:00Z'
ANZEN_NOW=2026-02-30T09:00:00Z anzen assess list
echo '# ANZEN_NOW=2026-05-10 (a date, not a time)'
ANZEN_NOW=2026-05-10 anzen answer set 1 g-2 not_done
anzen history --assessment 1 --item g-2
