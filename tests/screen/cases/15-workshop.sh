# A workshop: a system with its vendor (inventory), an assessment of that system, the vendor's
# and the agreed answer next to the hospital's (P switches who answers), then carry-over to the
# next fiscal year from the dashboard.
start 80 24
keys i Down Enter
type_text 北日本画像システム
keys Enter C-s
keys Down Down Enter
type_text 画像サーバ
keys Enter Down Down Enter
expect "> Vendor                       北日本画像システム"
keys C-s
expect "Saved: 画像サーバ"
snap workshop-inventory-80x24
keys q n Down Enter Enter
expect "System (name or #id, empty = whole organisation):"
type_text 画像サーバ
keys Enter
expect "#1 Test checklist FY2026 画像サーバ"
keys y
keys P
expect "[editing as: vendor]"
keys n
expect "*vendor No"
keys P
expect "[editing as: agreed]"
keys y
expect "Answer: Yes (agreed)"
expect "By party: hospital Yes / vendor No / *agreed"
snap workshop-parties-80x24
keys q
keys C
expect "Carry into fiscal year: 2027"
keys Enter
expect "Also copy the answers and dates? (y/n"
keys y
expect "Carried into #2: 1 items; 0 not carried"
expect ">#2 Test checklist  画像サーバ          FY2027     [#####-----]  50%"
snap workshop-carried-80x24
# without the values: the new year starts unanswered
keys Down C C-u
type_text 令和10年度
keys Enter n
expect "Carried into #3"
expect "#3 Test checklist  画像サーバ          FY2028     [----------]   0%"
