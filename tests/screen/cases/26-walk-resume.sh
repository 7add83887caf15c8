# Resume and auto-advance, per user (assess/user_state.h): opening an assessment again returns the
# acting user to the item they last visited - on the walk card (also when anzen was quit from
# there with Q) or in the tree; another user has their own place; A turns auto-advance on for this
# user, kept across restarts: after an answer in the tree the next open item is selected, and the
# date the answer wants is still one Enter.
LANG_UI=ja
ANZEN_NOW=2025-06-01T09:00:00Z
EXTRA_ENV="ANZEN_CATALOG_PATH=$HERE/data-walk/catalogs"
env -i PATH="$PATH" HOME="$CASE_DIR/home" LC_ALL=C.UTF-8 TZ=UTC ANZEN_NOW=$ANZEN_NOW ANZEN_DATA_DIR="$HERE/data" \
    ANZEN_CATALOG_PATH="$HERE/data-walk/catalogs" ANZEN_USER=tester \
    "$BIN" --db "$CASE_DIR/db/anzen.db" assess new fx-walk@1 --fy 2025 >"$CASE_DIR/cli.out" 2>&1
check "the assessment is created" grep -q "#1" "$CASE_DIR/cli.out"
place() { sql "SELECT actor||' '||last_item FROM user_state ORDER BY actor"; }
answer_of() { sql "SELECT IFNULL(value,'-')||' '||IFNULL(checked,'-')||' '||IFNULL(due,'-') FROM answer WHERE item_id = '$1' AND party = 'hospital'"; }

start 80 24
keys Enter w y Enter n Enter
expect "2-①  機器の台帳"
keys Q
check "quitting from the walk card remembers its item" test "$(place)" = "tester w-3"
start 80 24
keys Enter
expect ">  . 2-① 機器の台帳"
snap ja-resume-80x24
keys Down Down q
check "a move in the tree is remembered on leaving" test "$(place)" = "tester w-5"
# another person: the top, and a place of their own
SCREEN_USER=佐藤 start 80 24
keys Enter
expect ">- 1 体制の整備"
keys Down q
check "each person has their own place" test "$(place | tr '\n' ,)" = "tester w-5,佐藤 w-1,"
# auto-advance in the tree, per user, kept across restarts
start 120 40
keys Enter
expect ">  . 2-③ バックアップの保管"
keys A
expect "自動で次へ: オン（回答したら次の未回答項目へ）"
keys y
expect ">  . 2-① 機器の台帳"
expect "保存しました: 2-③ 回答 = はい  Enter で確認日 2025-06-01"
keys Enter
check "the date proposed for 2-③ taken after the move" test "$(answer_of w-5)" = "yes 2025-06-01 -"
keys n
expect ">  . 2-② 二要素認証の導入"
snap ja-auto-advance-120x40
keys Q
check "the setting is kept for tester" test "$(sql "SELECT actor||'='||value FROM user_pref WHERE key = 'auto_advance'")" = "tester=1"
start 80 24
keys Enter
expect ">  . 2-② 二要素認証の導入"
keys n
check "2-② answered, the 2028 deadline proposed" test "$(answer_of w-4)" = "no - -"
expect "Enter で目標日 2028-03-31"
expect ">  x 2-② 二要素認証の導入"
keys A
expect "自動で次へ: オフ"
SCREEN_USER=佐藤 start 80 24
keys Enter
expect ">  o 1-① 責任者の任命"
keys n
expect "保存しました: 1-① 回答 = いいえ  Enter で目標日 2026-03-31"
expect ">  x 1-① 責任者の任命"
