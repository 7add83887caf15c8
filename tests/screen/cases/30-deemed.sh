# Deemed compliance (guideline 7.0 保守委託機関編) on the dashboard and the system form's two fields:
# PACS updated by its vendor under the fixture clause U1 (tests/fixtures/deemed), 電子カルテ updated
# by the hospital: the dashboard says 対象外 with that reason; the form switches 電子カルテ to the
# vendor (then: no clause says so) and marks the duty stated in an SLA, and the dashboard says 対象.
LANG_UI=ja
EXTRA_ENV="ANZEN_CATALOG_PATH=$HERE/../fixtures/deemed"
cli() {
    env -i PATH="$PATH" HOME="$CASE_DIR/home" LC_ALL=ja_JP.UTF-8 TZ=UTC ANZEN_NOW=2026-04-01T09:00:00Z \
        ANZEN_DATA_DIR="$HERE/data" ANZEN_CATALOG_PATH="$HERE/../fixtures/deemed" ANZEN_USER=tester \
        "$BIN" --db "$CASE_DIR/db/anzen.db" "$@" >/dev/null
}
cli org add --name テスト総合病院
cli vendor add A社
cli system add PACS --category pacs --vendor A社 --security-updates vendor
cli system add 電子カルテ --category ehr --vendor A社 --security-updates hospital
cli contract new --vendor A社 --system PACS --ref 保守契約第12号 --clauses fx-deemed-clauses
start 120 40
expect "みなし遵守（GL7）: 対象外 - 電子カルテ: セキュリティアップデートは医療機関が実施  別紙の確認: 1社"
snap ja-deemed-not-120x40
keys i Down Down Down Down Enter
expect "セキュリティアップデート  医療機関"
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Enter   # security updates by: the 22nd field of the system form
expect "セキュリティアップデート  事業者"
snap ja-deemed-form-120x40
keys C-s
expect "保存しました: 電子カルテ"
keys q
expect "対象外 - 電子カルテ: 契約にセキュリティアップデートの条項がない"
keys i Down Down Down Down Enter
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Enter C-s   # stated in the contract: the 23rd
expect "保存しました: 電子カルテ"
check "the form saved both fields" test \
    "$(sqlite3 -readonly "$CASE_DIR/db/anzen.db" "SELECT security_updates_by || ',' || security_updates_in_contract FROM system WHERE name = '電子カルテ'")" \
    = "vendor,1"
keys q
expect "みなし遵守（GL7）: 対象  別紙の確認: 1社"
resize 80 24
snap ja-deemed-ok-80x24
