# Deemed compliance with guideline 7.0 保守委託機関編 (anzen deemed): the fixture clause library
# (U1 = the security-update duty, triggered by vendor-security-updates) and a three-row fixture
# under the 別紙 catalog's id. Eligible, then each reason for not, the clause proposed only where
# the vendor applies updates, the 別紙 status per vendor, JSON, English, a bad value refused.
export ANZEN_CATALOG_PATH=$HERE/../fixtures/deemed
anzen deemed
anzen org add --name テスト総合病院 >/dev/null
anzen vendor add A社 >/dev/null
anzen vendor add B社 >/dev/null
anzen system add PACS --category pacs --vendor A社 --security-updates 事業者
anzen contract new --vendor A社 --system PACS --ref 保守契約第12号 --clauses fx-deemed-clauses >/dev/null
anzen deemed
anzen system add 電子カルテ --category ehr --vendor B社 --security-updates vendor --updates-in-contract no
anzen system add 検査システム --category lab --vendor A社 --security-updates hospital
anzen system add 院内LAN --category network --security-updates none
anzen system add 予約 --category cloud-service --vendor B社 --security-updates vendor --updates-in-contract yes
anzen system add 放射線部門 --category department --vendor A社
anzen contract new --vendor A社 --system 検査システム --clauses fx-deemed-clauses >/dev/null
anzen contract show 2
anzen contract clause include 1 U1 --reason "保守契約で合意"
anzen assess new mhlw-gl7-mds-sds-annex@fx --system PACS --fy 2026 >/dev/null
anzen answer set 1 a1 no
anzen answer set 1 a2 yes
anzen deemed
anzen deemed --json
ANZEN_LANG=en anzen deemed
anzen system edit 放射線部門 --security-updates 自分で
anzen deemed extra
