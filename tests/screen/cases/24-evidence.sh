# The evidence register in Japanese. On the dashboard the expired / due count shows and E opens
# the register; in the navigator + opens it for the selected item, where l links the selected
# entry (marked *) and the detail pane shows it with its review date, expired marked. Answering
# 対象外 (x) asks for a one-line reason (Esc answers nothing); the reason is shown, stored and in
# history; the w filter lists answers without one. n adds an entry through the form.
LANG_UI=ja
EXTRA_ENV="ANZEN_CATALOG_PATH=$HERE/data-evidence/catalogs"
cli() {
    env -i PATH="$PATH" HOME="$CASE_DIR/home" LC_ALL=C.UTF-8 TZ=UTC ANZEN_NOW=2026-04-01T09:00:00Z \
        ANZEN_DATA_DIR="$HERE/data" ANZEN_CATALOG_PATH="$HERE/data-evidence/catalogs" ANZEN_USER=tester \
        "$BIN" --db "$CASE_DIR/db/anzen.db" "$@" >/dev/null
}
cli org add --name テスト病院
cli assess new fx-evgl@1 --fy 2026
cli evidence add 運用管理規程 --kind policy --ref 規程第3号 --owner 情報システム課 --review 2026-03-31
cli evidence add 保守委託契約書 --kind contract --ref 契約第12号 --review 2026-04-20
cli evidence add 作業報告書 --kind report
start 80 24
expect "証跡: 期限切れ 1 件・見直し時期 1 件（E）"
snap ja-evidence-dashboard-80x24
keys E
expect "証跡台帳"
expect "期限切れ"
snap ja-evidence-register-80x24
keys q Enter Down
# + on 1-1: the register for this item; l links the selected entry
keys +
expect "証跡台帳 - 1-1"
keys Down Down
keys l
expect "1-1: #1 運用管理規程 をリンクしました"
expect "*"
snap ja-evidence-linked-80x24
keys Up Up l
expect "1-1: #3 作業報告書 をリンクしました"
keys q
expect "#1 運用管理規程  見直し期限 2026-03-31"
expect "!期"
expect "#3 作業報告書"
snap ja-evidence-detail-80x24
check "two links stored, in order" test "$(sql "SELECT group_concat(evidence_pk) FROM (SELECT evidence_pk FROM evidence_link WHERE item_id = 'e-1' ORDER BY seq)")" = "1,3"
# 対象外 on 1-2 asks why; Esc answers nothing; then a reason is given
keys Down x
expect "「対象外」の理由（1行、Esc で取消）:"
keys Escape
check "Esc answered nothing" test "$(sql "SELECT count(*) FROM answer WHERE item_id = 'e-2'")" = 0
keys x
type_text 無線LANを設置していない
keys Enter
expect "理由"
expect "無線LANを設置していない"
snap ja-evidence-reason-80x24
check "the reason is stored apart from the note" test "$(sql "SELECT value || '|' || reason || '|' || IFNULL(note, '-') FROM answer WHERE item_id = 'e-2'")" = "na|無線LANを設置していない|-"
check "and in history" test "$(sql "SELECT count(*) FROM history WHERE field = 'reason' AND new_value = '無線LANを設置していない'")" = 1
# an answer stored before the catalog asked (another program's script): the filter finds it
cli answer set 1 e-3 done
sql_rw() { sqlite3 "$CASE_DIR/db/anzen.db" "$1"; }
sql_rw "UPDATE answer SET value = 'not_done' WHERE item_id = 'e-3'"
keys f w
expect "絞り込み: 理由未記入の回答（1 項目）"
keys Down
expect "（理由未記入）"
snap ja-evidence-filter-80x24
keys Escape
# n in the register: the form adds an entry
keys Down +
keys n
expect "題名"
keys Enter
type_text 理事会議事録
keys Enter C-s
expect "証跡 #4 理事会議事録 を保存しました"
check "the new entry is stored" test "$(sql "SELECT kind FROM evidence WHERE pk = 4")" = policy
