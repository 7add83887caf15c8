# The workshop reconciliation screen in Japanese at 80x24 and 120x40. The vendor answers in its
# own database and exports a bundle; the hospital has its own answers and the workshop screen
# open (W on the dashboard) when the vendor's bundle is imported by a second anzen process (the
# CLI) on the same database: without a key the vendor column fills in. Three disagreements are
# resolved in the screen - h takes the hospital's answer, v the vendor's, Enter a value chosen -
# with the counterpart's name asked once; the filters show disagreements and one-sided answers;
# u undoes an agreement; the dashboard counts agreed / different / one-sided; the agreement is in
# history with both names, and the agreed values are what an export shows.
LANG_UI=ja
EXTRA_ENV="ANZEN_CATALOG_PATH=$HERE/data-walk/catalogs"
# on DB ARGS...: anzen as a command on database DB, as user AS_USER (default tester), with the
# words of ON_ENV in the environment
on() {
    local db=$1; shift
    # shellcheck disable=SC2086
    env -i ${ON_ENV:-} PATH="$PATH" HOME="$CASE_DIR/home" LC_ALL=C.UTF-8 TZ=UTC ANZEN_NOW=2026-04-01T09:00:00Z \
        ANZEN_DATA_DIR="$HERE/data" ANZEN_CATALOG_PATH="$HERE/data-walk/catalogs" ANZEN_USER="${AS_USER:-tester}" \
        "$BIN" --db "$db" "$@" >>"$CASE_DIR/cli.log" 2>&1 || { sed "s/^/    cli: /" "$CASE_DIR/cli.log"; return 1; }
}
VDB=$CASE_DIR/vendor.db
HDB=$CASE_DIR/db/anzen.db
# --- the vendor, in its own database
AS_USER=山田 on "$VDB" vendor add 北日本画像システム
AS_USER=山田 on "$VDB" system add 画像サーバ --category pacs --vendor 北日本画像システム
AS_USER=山田 on "$VDB" assess new fx-walk@1 --system 画像サーバ --fy 2026
for a in "w-1 yes" "w-2 no" "w-3 yes" "w-4 no"; do
    # shellcheck disable=SC2086
    AS_USER=山田 on "$VDB" answer set 1 ${a% *} ${a#* } --party vendor --note "事業者の確認: ${a% *}"
done
check "the vendor exports its bundle" on "$VDB" bundle export 1 -o "$CASE_DIR/vendor.json"
# --- the hospital: its own answers (1-①, 1-② and 2-① differ from the vendor's, 2-③ only the hospital's, 2-② only the vendor's)
on "$HDB" vendor add 北日本画像システム
on "$HDB" system add 画像サーバ --category pacs --vendor 北日本画像システム
on "$HDB" assess new fx-walk@1 --system 画像サーバ --fy 2026
for a in "w-1 no" "w-2 yes" "w-3 no" "w-5 yes"; do
    # shellcheck disable=SC2086
    on "$HDB" answer set 1 ${a% *} ${a#* } --due 2027-03-31
done

start 80 24
expect_not "打合せ:" # no vendor answer, nothing agreed: no workshop line on the dashboard
keys W
expect "打合せ #1"
expect "相違 0・片側のみ 4・一致 0・未回答 1／合意 0"
expect "相手: （最初の合意で入力）"

# the vendor's bundle, imported by another process while the screen is open: it shows without a key
before=$(idle_count)
check "anzen bundle import exits 0 (see cli.log)" on "$HDB" bundle import "$CASE_DIR/vendor.json"
deadline=$(($(now) + 3000000000))
while ! screen_text | grep -qF "相違 3・片側のみ 2" && [ "$(now)" -lt "$deadline" ]; do sleep 0.05; done
wait_idle "$before"
expect "相違 3・片側のみ 2・一致 0・未回答 0／合意 0"
expect "医療機関: いいえ"
expect "事業者: はい"
snap ja-workshop-imported-80x24
# differences highlighted: a disagreement's state and both values as warnings (bold red); the
# one-sided row's values are not
red=$'\e[1m\e[31m'
check "the disagreement's values are drawn as warnings" bash -c '[ "$(grep -cF -- "$1はい" <<<"$2")" -ge 2 ]' _ "$red" "$(screen_escapes)"
check "a one-sided answer is not drawn as a warning" bash -c '! grep -F -- "医療機関: -" <<<"$2" | grep -qF -- "$1"' _ "$red" "$(screen_escapes)"

# filters: disagreements, one-sided, all
keys f
expect "絞込: 相違"
expect_not "2-③"
keys f
expect "絞込: 片側のみ"
expect "医療機関のみ"
expect "事業者のみ"
expect_not "1-①"
keys f
expect "絞込: すべて"

# three disagreements resolved: the counterpart is asked once
keys f
keys h
expect "合意の相手（相手方の氏名）:"
type_text 山田（北日本画像システム）
keys Enter
expect "1-① を「いいえ」で合意しました（相手: 山田（北日本画像システム））"
expect "合意: いいえ（tester と 山田（北日本画像システム）、2026-04-01 09:00）"
keys Down v
expect "1-② を「いいえ」で合意しました"
keys Down Enter
expect "合意する値:  y:はい  n:いいえ"
keys y
expect "2-① を「はい」で合意しました"
expect "相手: 山田（北日本画像システム）"
expect "／合意 3"
snap ja-workshop-agreed-80x24
resize 120 40
expect "医療機関       事業者         合意"
snap ja-workshop-agreed-120x40

# undo the last agreement, then agree again (the name is not asked again)
keys u
expect "取り消しました"
expect "／合意 2"
keys Enter y
expect "2-① を「はい」で合意しました"
expect "／合意 3"
# taking the same side again changes nothing
keys Up Up h
expect "1-① は既にその内容で合意済みです"

# the dashboard's count
keys q
expect "打合せ: 合意 3・相違 3・片側のみ 2（W で照合）"
snap ja-workshop-dashboard-120x40
# from the navigator, at the selected item; ? lists the screen's keys
keys Enter Down Down
expect ">  x 1-② 規程類の整備と見直し"
keys W
expect "打合せ #1"
expect ">1-②"
keys '?'
expect "医療機関の回答で合意（日付・メモ・証跡も）"
expect "合意の相手の氏名（一度だけ尋ね、終了まで保持）"
keys q q
expect "2-① 機器の台帳"
finish

# history: the agreements with both names; the agreed values are what the export shows
check "the agreed answers name the acting user and the counterpart" \
    test "$(sql "SELECT COUNT(*) FROM answer WHERE party = 'agreed' AND answered_by = 'tester' AND agreed_with = '山田（北日本画像システム）'")" = 3
# 1-①, 1-② and 2-① twice (agreed, undone, agreed again); the no-op on 1-① wrote nothing
check "history has four agreements by tester with the counterpart, and the undo" \
    test "$(sql "SELECT COUNT(*) FROM history h JOIN history_action a ON a.pk = h.action_pk WHERE a.kind = 'agree' AND a.who = 'tester' AND h.field = 'agreed_with' AND h.new_value = '山田（北日本画像システム）'")/$(sql "SELECT COUNT(*) FROM history_action WHERE undo_of IS NOT NULL")" = 4/1
# the value column (はい／いいえ) of REF in the exported CSV: the sixth field from the end
exported() { grep -E "^$1," "$CASE_DIR/checklist.csv" | grep -oE ",[^,]*(,[^,]*){5}$" | cut -d, -f2; }
ON_ENV=ANZEN_LANG=ja check "the checklist exports" on "$HDB" export checklist 1 --format csv -o "$CASE_DIR/checklist.csv" --date 2026-04-01
check "1-① exported as the agreed いいえ (the hospital's)" test "$(exported 1-①)" = いいえ
check "1-② exported as the agreed いいえ (the vendor's; the hospital said はい)" test "$(exported 1-②)" = いいえ
check "2-① exported as the agreed はい (the hospital said いいえ)" test "$(exported 2-①)" = はい
check "2-③ exported as the hospital's はい (nothing agreed)" test "$(exported 2-③)" = はい
