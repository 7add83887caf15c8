# Japanese line breaking (JIS X 4051 kinsoku, core/text/wrap.h) in the detail pane, with the
# real text of the shipped R7 hospital checklist at 80 and 97 columns: for each item, no line of
# the pane starts with 、。）」ー・ or a small kana, none ends with 「（, and a reference such as
# 2-② is never split across lines.
LANG_UI=ja
EXTRA_ENV="ANZEN_CATALOG_PATH=$HERE/../../data/catalogs"
pane() { screen_text | sed -n '2,23p' | cut -d'|' -f2-; }
no_bad_start() { ! pane | grep -qE '^ *[、。，．）」』】〕ー・：；？！っゃゅょッャュョァィゥェォ々]'; }
no_bad_end() { ! pane | grep -qE '[「『（【〔]$'; }
no_split_ref() { ! pane | grep -qE '[0-9]-$'; }
walk_items() {
    local i
    for i in $(seq 1 "$1"); do
        keys Down
        check "no line starts with a closing mark ($2, row $i)" no_bad_start
        check "no line ends with an opening mark ($2, row $i)" no_bad_end
        check "no reference split ($2, row $i)" no_split_ref
    done
}
start 80 24
keys n Down Down Down Down Down Down Down Down
expect ">チェックリスト mhlw-chec~spital@R7 CSチェックリスト R7 医療機関"
keys Enter Enter
expect "#1 CSチェックリスト R7 医療機関 令和8年度"
walk_items 14 80x24
snap ja-kinsoku-80x24
resize 97 25
walk_items 8 97x25
snap ja-kinsoku-97x25
