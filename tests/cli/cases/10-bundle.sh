# Hospital <-> vendor bundles: the vendor answers an MDS/SDS-like form in its own database, signs
# a bundle; the hospital refuses it until the key is trusted, sees the differences, imports it
# (once: the second import changes nothing), reconciles and agrees with both names; the agreed
# values reach the exports. Then every malformed fixture of tests/fixtures/bundles is refused
# with its message and leaves the database byte-identical (sqlite3 .dump before and after), an
# edited answer fails the digest, and an unsigned round trip into a fresh database gives the same
# answers, fields and inventory facts.
ANZEN_CATALOG_PATH=$ANZEN_CATALOG_PATH:$HERE/../fixtures/export
export ANZEN_CATALOG_PATH
cp "$HERE"/../fixtures/bundles/*.json .
# --- the vendor, in its own database, with its own key
anzen --db vendor.db --user 佐藤 vendor add A社
anzen --db vendor.db --user 佐藤 system add PACS --category pacs --vendor A社 --remote yes --remote-method VPN装置 --port-in "104|DICOM|画像受信" --storage "メインディスク|D:¥Image|撮影画像" --backup-generations 3
anzen --db vendor.db --user 佐藤 assess new fx-emds@1 --system PACS --fy 2025
anzen --db vendor.db --user 佐藤 answer set 1 q-1 yes --party vendor --note "導入可（検証済み）" --evidence "SDS 第3版"
anzen --db vendor.db --user 佐藤 answer set 1 q-2 no --party vendor --checked 2025-04-01 --reason "院内で対応する設問"
anzen --db vendor.db --user 佐藤 answer set 1 q-3 yes --party vendor
anzen --db vendor.db --user 佐藤 answer set 1 q-4 na --party vendor --reason "当社製品は該当機能なし"
anzen --db vendor.db --user 佐藤 assess field 1 product 画像サーバ
anzen --db vendor.db --user 佐藤 assess field 1 version 3.2
anzen --db vendor.db --user 佐藤 assess field 1 form SDS
# a new key is random: its fingerprint is masked here, then the committed test key (keys/) replaces
# it so the output below stays the same from run to run
anzen --db vendor.db --user 佐藤 key new --name A社 --role vendor | sed -E 's/[0-9a-f]{40}/<fingerprint>/'
stat -c %a home/.local/share/anzen/keys/anzen-signing.key home/.local/share/anzen/keys
anzen --db vendor.db key new
cp "$HERE"/../fixtures/bundles/keys/anzen-signing.* home/.local/share/anzen/keys/
anzen --db vendor.db key show
anzen --db vendor.db --user 佐藤 bundle export 1 -o signed.json --sign
anzen --db vendor.db --user 佐藤 bundle export 1 -o signed.json --sign
stat -c %a signed.json
cp home/.local/share/anzen/keys/anzen-signing.pub a-sha.pub
# --- the hospital: its own answers first
anzen vendor add A社
anzen system add PACS --category pacs --vendor A社
anzen assess new fx-emds@1 --system PACS --fy 2025
anzen answer set 1 q-1 no --note "院内では未確認" --reason "院内規程が未整備"
anzen answer set 1 q-2 no --reason "未確認"
anzen answer set 1 q-3 no --reason "未確認"
anzen assess field 1 product 院内の呼称
anzen assess field 1 form SDS
anzen assess field 1 manufacturer 〇〇製作所
sqlite3 anzen.db .dump > before.sql
anzen bundle import signed.json
sqlite3 anzen.db .dump | cmp - before.sql && echo "unknown signer: database unchanged"
anzen key trust a-sha.pub
anzen key trust a-sha.pub
anzen key list
anzen bundle diff signed.json
anzen bundle diff signed.json --json
anzen bundle import signed.json
anzen bundle import signed.json
anzen history --assessment 1 --limit 3
anzen reconcile 1
anzen reconcile 1 --only different --json
anzen answer agree 1 q-1 --take vendor --with "佐藤（A社）"
anzen answer agree 1 q-2 --take hospital --with "佐藤（A社）"
anzen answer agree 1 q-3 --take いいえ --with "佐藤（A社）"
anzen answer agree 1 q-3 --take いいえ --with "佐藤（A社）"
anzen answer agree 1 q-5 --take vendor --with "佐藤（A社）"
anzen answer agree 1 q-1 --take vendor
anzen reconcile 1
anzen history --assessment 1 --limit 4
anzen export disclosure 1 -o sds.md --date 2025-04-01
grep -n "マルウェア\|接続元" sds.md
# the inventory facts were offered, not applied
anzen system show PACS
anzen bundle offers
anzen bundle reject 2
anzen bundle reject 2
anzen bundle accept --all
anzen bundle offers --all --json
# --- an answer edited in the file: the digest refuses it
sed 's/"value":	"yes"/"value":	"no"/' signed.json > edited.json
cmp -s signed.json edited.json || echo "edited.json differs from signed.json"
anzen bundle import edited.json
# --- malformed bundles (English messages): each refused, the database byte-identical
ANZEN_LANG=en
export ANZEN_LANG
sqlite3 anzen.db .dump > before.sql
for f in truncated not-json empty top-array wrong-format digest-mismatch digest-missing signature-bad \
         signature-wrong-fingerprint signed-by-unknown-key duplicate-key duplicate-item huge-string invalid-utf8 \
         missing-content unknown-key wrong-type-fy bad-date bad-owner bad-role no-assessments bad-port \
         unknown-catalog unknown-item unknown-value other-version; do
    anzen bundle import "$f.json"
done
sqlite3 anzen.db .dump | cmp - before.sql && echo "malformed bundles: database unchanged"
anzen bundle import other-version.json --into 1 --partial
# --- an unsigned round trip into a fresh database
anzen --db vendor.db bundle export 1 -o unsigned.json --as vendor
anzen --db fresh.db bundle import unsigned.json
anzen --db fresh.db bundle import unsigned.json --create
anzen --db fresh.db bundle accept --all
q="SELECT item_id, value, checked, due, done, owner, note, answered_by FROM answer WHERE party = 'vendor' ORDER BY item_id"
sqlite3 vendor.db "$q" > a.txt; sqlite3 fresh.db "$q" > b.txt; cmp a.txt b.txt && echo "answers identical" && cat a.txt
q="SELECT ref FROM answer_evidence ORDER BY item_id, seq"
sqlite3 vendor.db "$q" > a.txt; sqlite3 fresh.db "$q" > b.txt; cmp a.txt b.txt && echo "evidence identical"
q="SELECT key, value FROM assessment_field ORDER BY key"
sqlite3 vendor.db "$q" > a.txt; sqlite3 fresh.db "$q" > b.txt; cmp a.txt b.txt && echo "fields identical"
anzen --db vendor.db system show PACS > a.txt; anzen --db fresh.db system show PACS > b.txt
diff <(tail -n +2 a.txt) <(tail -n +2 b.txt) && echo "inventory identical" && tail -n +2 b.txt
