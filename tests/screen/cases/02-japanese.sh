# Japanese UI under ja_JP.UTF-8: labels, catalog titles and columns stay aligned (double width).
LANG_UI=ja
start 80 24
keys b
snap ja-catalogs-80x24
keys Enter
snap ja-browse-80x24
keys Down Down
snap ja-browse-item-80x24
start 120 40
keys b
keys Enter Down Down Down
snap ja-browse-item-120x40
# Odd widths: a double-width character that would straddle the edge is dropped and the cut is
# marked with "~" in the last column; columns stay aligned.
resize 81 24
snap ja-browse-item-81x24
resize 97 25
snap ja-browse-item-97x25
keys q
snap ja-catalogs-97x25
# A non-UTF-8 locale (LC_ALL=C) still shows Japanese text correctly (C.UTF-8 for the characters).
EXTRA_ENV="LC_ALL=C" start 80 24
keys b Enter Down
expect "作業記録簿またはチケットの写しを証跡とする。"
