# Filters: unanswered, negative, overdue, by responsible party, by vendor; Esc clears.
start 80 24
# a vendor first (inventory), so the vendor filter has something to show
keys i Down Enter
type_text 東日本メディカル
keys Enter C-s
expect "Saved: 東日本メディカル"
keys q n Enter Enter
keys Down y Down n Down n
keys Up t
type_text 2026-03-15
keys Enter
keys Down Down Down v
expect "Responsible: vendor (東日本メディカル)"
keys f u
expect "Filter: unanswered (2 items)"
snap filter-unanswered-80x24
keys f n
expect "Filter: negative answers (2 items)"
keys f o
expect "Filter: overdue (1 items)"
snap filter-overdue-80x24
keys f r
expect "Filter: Responsible = hospital"
keys f r
expect "Filter: Responsible = vendor (2 items)"
keys f v
expect "Filter: Vendor = 東日本メディカル (1 items)"
snap filter-vendor-80x24
keys Escape
expect "Filter: all items (5 items)"
