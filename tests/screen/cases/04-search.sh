# Search is NFKC-folded: half-width "vpn" finds full-width "ＶＰＮ"; n/N move; Esc clears.
start 80 24
keys b
keys Enter
keys /
type_text vpn
keys Enter
snap search-vpn-80x24
expect "Match 1 of 1"
# "保守" occurs in 1, 1-1, 1-2 (text) and 1-3; the search starts at the selected node (1-2).
keys /
keys C-u
type_text 保守
keys Enter
expect "Match 3 of 4"
keys n
expect "Match 4 of 4"
keys n
expect "Match 1 of 4"
keys N N
expect "Match 3 of 4"
# Full-width digits in the data match half-width in the query: "３－２－１" in 2-1.
keys /
keys C-u
type_text 3-2-1
keys Enter
expect "Match 1 of 1"
expect ">    2-1 Offline backup"
keys Escape
expect "Search cleared"
keys n
expect_not "Match"
keys /
keys C-u
type_text ｘｙｚ
keys Enter
expect "Not found: ｘｙｚ"
