# Carry from the dashboard into another catalog version (issue 12): after the fiscal year, C offers
# the other versions and the successors that declare a crosswalk (tests/fixtures/carry); the
# renumbered, split and merged items keep their answers, and the status line says how many could
# not be carried.
CARRY_CATALOGS=$HERE/../fixtures/carry
cli_carry() {
    env -i PATH="$PATH" HOME="$CASE_DIR/home" LC_ALL=C.UTF-8 TZ=UTC ANZEN_NOW=2026-04-01T09:00:00Z \
        ANZEN_DATA_DIR="$HERE/data" ANZEN_CATALOG_PATH="$CARRY_CATALOGS" ANZEN_USER=tester \
        "$BIN" --db "$CASE_DIR/db/anzen.db" "$@" >>"$CASE_DIR/cli.out" 2>&1
}
cli_carry assess new fx-cw@A --fy 2024
for item in a1 a2 a3-srv a3-pc same gone; do cli_carry answer set 1 "$item" yes; done
EXTRA_ENV="ANZEN_CATALOG_PATH=$CARRY_CATALOGS"
start 80 24
expect "#1"
keys C
expect "Carry into fiscal year: 2025"
keys Enter
expect "Carry into: Enter the same version (A)  1:B  2:fx-cw2@1"
snap carry-version-menu-80x24
keys 1
expect "Also copy the answers and dates? (y/n"
keys y
expect "Carried into #2: 5 items; 1 not carried (kept in the old one)"
check "the new assessment uses version B" test "$(sql "SELECT catalog_version FROM assessment WHERE pk = 2")" = B
check "answers under the new ids" test "$(sql "SELECT group_concat(item_id, ' ') FROM (SELECT item_id FROM answer WHERE assessment_pk = 2 AND value = 'yes' ORDER BY item_id)")" = "b1 b2-count b2-ledger b3 same"
# Enter keeps the version
keys Down C C-u
type_text 2026
keys Enter Enter n
expect "Carried into #3"
check "Enter keeps the version" test "$(sql "SELECT catalog_version FROM assessment WHERE pk = 3")" = A
