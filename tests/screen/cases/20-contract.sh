# A maintenance contract in Japanese: the scenario PACS (remote maintenance over IPsec-VPN, patient
# data used in maintenance) with the fixture clause library (tests/fixtures/contract). From the
# dashboard (K) and from the system in the inventory (K): clauses with why, excluding one with a
# reason, a parameter edited (a wrong value refused), the 責任分界表 grid (arrows, one key per
# party, a note), the preview behind P at 80×24 and beside the lists at 120×40, and the export.
LANG_UI=ja
# the shipped annex template: the screen tests' data directory has no templates/
EXTRA_ENV="ANZEN_CATALOG_PATH=$HERE/../fixtures/contract ANZEN_TEMPLATES_DIR=$HERE/../../templates"
cli() {
    env -i PATH="$PATH" HOME="$CASE_DIR/home" LC_ALL=ja_JP.UTF-8 TZ=UTC ANZEN_NOW=2026-04-01T09:00:00Z \
        ANZEN_DATA_DIR="$HERE/data" ANZEN_CATALOG_PATH="$HERE/../fixtures/contract" ANZEN_USER=tester \
        "$BIN" --db "$CASE_DIR/db/anzen.db" "$@" >/dev/null
}
cli org add --name テスト総合病院
cli vendor add A社
cli system add PACS --category pacs --vendor A社 --hosting on-premises --remote yes --remote-method IPsec-VPN --patient-data yes
cli contract new --vendor A社 --system PACS --ref 保守契約第12号 --start 2026-04-01 --end 2027-03-31 --clauses fx-clauses
start 80 24
keys K
expect "保守契約第12号"
snap ja-contracts-80x24
keys Enter
expect "理由: 常に提案（基本条項）"
keys Down
expect "理由: リモート保守: あり (PACS; IPsec-VPN)"
snap ja-contract-clauses-80x24
keys Down x
type_text "保守でデータを持ち出さない"
keys Enter
expect "除外しました: C08"
expect "判断: 除外 - 保守でデータを持ち出さない (tester)"
check "decision stored with its reason" test "$(sql "SELECT decision || ' ' || reason FROM contract_clause")" = "exclude 保守でデータを持ち出さない"
keys Up Enter
expect "C06 のパラメータ"
keys Down Enter C-u
type_text 24か月
keys Enter
expect "「24か月」は整数"
keys Down Up Enter C-u
type_text ２４
keys Enter
expect "保存しました: ログの保存期間"
expect "24 か月"
snap ja-contract-params-80x24
keys q Tab
expect "[責任分界表]"
keys Down Down Down Down
expect "根拠: C06"
keys Right 3
expect "ネットワーク機器・VPN装置 / 非常時: 共同"
keys e
type_text VPN装置の障害は共同で切り分け
keys Enter
expect "注記: VPN装置の障害は共同で切り分け"
snap ja-contract-matrix-80x24
check "cell stored" test "$(sql "SELECT party || ' ' || note FROM contract_cell WHERE component = 'network' AND phase = 'emergency'")" = "joint VPN装置の障害は共同で切り分け"
keys P
expect "別紙プレビュー"
expect "## 責任分界表"
snap ja-contract-preview-80x24
keys P E C-u
type_text "$CASE_DIR/annex.docx"
keys Enter
expect "書き出しました: $CASE_DIR/annex.docx"
check "the annex is a DOCX (zip)" test "$(head -c 2 "$CASE_DIR/annex.docx")" = "PK"
check "written 0600" test "$(stat -c %a "$CASE_DIR/annex.docx")" = 600

# 120×40: the preview beside the lists follows the selection; from the inventory's system row
start 120 40
keys i
keys Down Down Down
expect "PACS"
keys K
expect "保守契約 (PACS)"
keys Enter Down
expect "別紙プレビュー"
expect "### 第2条（リモート保守の条件）"
snap ja-contract-120x40
keys Tab
snap ja-contract-matrix-120x40
