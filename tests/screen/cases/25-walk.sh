# The walk-through in Japanese at 80x24 and 120x40: offered when an assessment is opened with
# nothing answered; w shows one item per screen (progress line, path, title, text, 確認のしかた,
# answer bar, answer keys); an answer commits and moves on to the next open item; はい proposes
# today as 確認日 and いいえ the fiscal year's end (or the item's later deadline) as 目標日, Enter
# takes it; a long item scrolls; s skips, b goes back, Esc leaves to the tree at the same item; a
# filter (いいえ, disagreements) is walked the same way; in a workshop the other party's answer is
# beside the one being entered. Last, the keystrokes of the whole 22-item R7 hospital checklist.
LANG_UI=ja
ANZEN_NOW=2025-06-01T09:00:00Z
EXTRA_ENV="ANZEN_CATALOG_PATH=$HERE/data-walk/catalogs"
cli_with() { # cli_with CATALOG_DIR ARGS...
    local dir=$1; shift
    env -i PATH="$PATH" HOME="$CASE_DIR/home" LC_ALL=C.UTF-8 TZ=UTC ANZEN_NOW=$ANZEN_NOW \
        ANZEN_DATA_DIR="$HERE/data" ANZEN_CATALOG_PATH="$dir" ANZEN_USER=tester \
        "$BIN" --db "$CASE_DIR/db/anzen.db" "$@" >"$CASE_DIR/cli.out" 2>&1
}
cli_with "$HERE/data-walk/catalogs" vendor add 北日本メディカル
cli_with "$HERE/data-walk/catalogs" system add 電子カルテ --category ehr --vendor 北日本メディカル
cli_with "$HERE/data-walk/catalogs" assess new fx-walk@1 --system 電子カルテ --fy 2025
check "the assessment is created" grep -q "#1" "$CASE_DIR/cli.out"
answer_of() { sql "SELECT IFNULL(value,'-')||' '||IFNULL(checked,'-')||' '||IFNULL(due,'-') FROM answer WHERE assessment_pk = ${2:-1} AND item_id = '$1' AND party = '${3:-hospital}'"; }

start 80 24
keys Enter
expect "未回答です。w で1項目ずつ回答できます（ウォークスルー）"
keys w
expect "0/5 回答済み・残り5・超過0"
expect "1-①  責任者の任命"
expect "y:はい  n:いいえ  Enter:選択 s:次へ b:戻る Esc:ツリー"
snap ja-walk-card-80x24
# one key answers and moves on; the 確認日 is proposed
keys y
expect "保存しました: 1-① 回答 = はい  Enter で確認日 2025-06-01"
expect "1/5 回答済み・残り4・超過0"
expect "1-②  規程類の整備と見直し"
expect "1 体制の整備"
snap ja-walk-long-80x24
keys Enter
expect "保存しました: 1-① 確認日 = 2025-06-01"
check "1-① はい with today's 確認日" test "$(answer_of w-1)" = "yes 2025-06-01 -"
# the long text scrolls
expect "1-17 / "
keys PageDown
expect_not "1-17 / "
expect "出典: https://example.org/walk#2"
snap ja-walk-scrolled-80x24
# いいえ proposes the fiscal year's end as 目標日
keys n
expect "保存しました: 1-② 回答 = いいえ  Enter で目標日 2026-03-31"
expect "2-①  機器の台帳"
keys Enter
check "1-② いいえ with 目標日 = 令和7年度の末" test "$(answer_of w-2)" = "no - 2026-03-31"
# s skips (2-① stays open), the item's own later deadline (target_fy 2027 = 令和9年度)
keys s
expect "2-②  二要素認証の導入"
expect "対応期限年度: 令和9年度 (2027)"
keys n
expect "Enter で目標日 2028-03-31"
expect "2-③  バックアップの保管"
# a key other than Enter leaves the proposal alone
keys s
check "2-② いいえ without a date (the proposal was not taken)" test "$(answer_of w-4)" = "no - -"
expect "2-①  機器の台帳"
keys b
expect "2-③  バックアップの保管"
keys b
expect "2-②  二要素認証の導入"
keys t C-u
type_text 2028-03-31
keys Enter
check "2-② 目標日 by hand" test "$(answer_of w-4)" = "no - 2028-03-31"
expect "目標日: 2028-03-31 (令和10年3月31日)"
# Esc: the tree at the same item
keys Escape
expect ">  x 2-② 二要素認証の導入"
snap ja-walk-left-80x24

# walking a filter: いいえ only
keys f n
expect "絞り込み: 否定の回答（2 項目）"
keys w
expect "絞り込み: 否定の回答 2件"
expect "2-②  二要素認証の導入"
keys s
expect "1-②  規程類の整備と見直し"
keys y
expect "Enter で確認日 2025-06-01"
expect "絞り込み: 否定の回答 1件"
expect "2-②  二要素認証の導入"
snap ja-walk-filter-80x24
# a workshop: the vendor answers on the card, the hospital's answer beside it
keys P
expect "入力者: 事業者"
expect "*入力中 事業者: 未回答  医療機関: いいえ  合意: -"
keys y
check "the vendor's はい" test "$(answer_of w-4 1 vendor)" = "yes - -"
expect "*入力中 事業者: はい  医療機関: いいえ  合意: -"
expect "回答者別"
expect "*事業者 (北日本メディカル): はい"
keys f d
expect "絞り込み: 回答者間の不一致 1件"
snap ja-walk-workshop-80x24
keys P P
expect "入力者: 医療機関"
keys Escape Escape
expect "絞り込み: すべての項目（5 項目）"
start 120 40
keys Enter
expect ">  x 2-② 二要素認証の導入"
keys w
expect "[5/5]"
expect "2-③  バックアップの保管"
snap ja-walk-card-120x40

# The whole R7 hospital checklist (the shipped catalog, 22 items) from its first open item to the
# end: w, then per item one answer key and Enter for the date it proposes. The keys are counted.
R7_DIR=$(cd "$HERE/../../data/catalogs" && pwd)
EXTRA_ENV="ANZEN_CATALOG_PATH=$R7_DIR"
cli_with "$R7_DIR" assess new mhlw-checklist-hospital@R7 --fy 令和7年度
check "the R7 assessment is #2" grep -q "#2" "$CASE_DIR/cli.out"
mapfile -t r7_items < <(sql "SELECT n.id FROM catalog_node n JOIN catalog c ON c.pk = n.catalog_pk
    WHERE c.id = 'mhlw-checklist-hospital' AND c.version = 'R7' AND n.kind = 'item' ORDER BY n.seq")
check "the R7 checklist has 22 items" test "${#r7_items[@]}" = 22
start 80 24
keys Down Enter
expect "#2 CSチェックリスト R7 医療機関 令和7年度"
expect "未回答です。w で1項目ずつ回答できます"
no_item() { [ $(($1 % 4)) = 3 ] || [ "${r7_items[$1]}" = c7-2-10 ]; } # いいえ: every fourth, and 2FA
sent=0
walk_keys() { keys "$@"; sent=$((sent + $#)); }
walk_keys w
answers=0 dates=0 reasons=0
for i in "${!r7_items[@]}"; do
    k=y; no_item "$i" && k=n
    walk_keys "$k"
    answers=$((answers + 1))
    # いいえ needs a reason in the shipped catalogs (issue 16): one line typed, then Enter
    if screen_text | grep -qF "の理由（1行"; then
        keys "規程が未整備"
        walk_keys Enter
        reasons=$((reasons + 1))
    fi
    if screen_text | grep -qF "Enter で"; then
        walk_keys Enter
        dates=$((dates + 1))
    fi
done
expect "22/22 回答済み・残り0・超過0"
expect "残りの項目はありません（Esc でツリーへ）"
wrong=0
for i in "${!r7_items[@]}"; do
    id=${r7_items[$i]} want="yes 2025-06-01 -"
    if no_item "$i"; then want="no - 2026-03-31"; [ "$id" = c7-2-10 ] && want="no - 2028-03-31"; fi
    got=$(answer_of "$id" 2)
    [ "$got" = "$want" ] || { echo "  $id: got '$got', want '$want'"; wrong=$((wrong + 1)); }
done
check "every R7 item answered in catalog order, each with the date it wants" test "$wrong" = 0
check "the 2FA item (2-⑩) answered いいえ gets the end of 令和9年度" test "$(answer_of c7-2-10 2)" = "no - 2028-03-31"
check "one key per item plus one per accepted date and per reason, plus w" test "$sent" = $((answers + dates + reasons + 1))
check "a reason was asked for every いいえ" test "$reasons" = 6
check "a date was accepted for every item" test "$dates" = "${#r7_items[@]}"
echo "  keystrokes: $sent for ${#r7_items[@]} items ($answers answers, $dates dates accepted, $reasons reasons typed and confirmed, 1 to start the walk)"
