# Timestamps are stored in UTC and shown in local time with the zone (issue 12): the same
# history and assessment in Asia/Tokyo (ANZEN_NOW is 09:00 UTC = 18:00 JST), in UTC, and in
# JSON (always the stored UTC).
anzen vendor add 東京医療システム
anzen assess new fx-cl@R1 --fy 2025
anzen answer set 1 q1 yes
anzen assess signoff 1 --name 山田 --role 安全管理責任者 --force
TZ=Asia/Tokyo
export TZ
anzen history
anzen history --assessment 1 --json
anzen assess show 1
TZ=UTC
anzen history --entity vendor
