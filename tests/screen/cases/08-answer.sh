# An assessment from the dashboard: create, answer with the catalog's keys, dates (ISO and 令和),
# responsible party, undo; the status line says what was saved; answers survive a restart, and
# the assessment opens again at the item last visited.
start 80 24
snap dash-empty-80x24
keys n
snap new-pick-80x24
keys Enter
expect "Fiscal year (2026 or 令和8年度): 2026"
keys Enter
expect "Created assessment #1"
keys Down y
expect "Saved: 1-1 answer = Implemented"
keys Down n Down p
expect "Saved: 1-3 answer = Partial"
keys Up t
type_text R8.3.1
keys Enter
expect "Due: 2026-03-01  overdue"
expect "Saved: 1-2 Due = 2026-03-01"
keys c Enter
expect "Checked: 2026-04-01"
keys r
expect "Responsible: hospital"
snap answer-80x24
# a bad date is refused, naming the field; nothing is saved
keys C
type_text 2026-02-30
keys Enter
expect "Done:"
expect_not "Done: 2026"
# undo the responsible party, then the checked date
keys u
expect "Undone: 1-2 responsible"
expect "Responsible: joint"
keys u
expect "Undone: 1-2 Checked"
expect "Checked: -"
snap undo-80x24
# Enter on an item offers the answer menu (n answers even while a search is active)
keys Down Enter
expect "Answer: y:Implemented p:Partial n:Not implemented x:N/A Del:clear"
keys x
expect "Saved: 1-3 answer = N/A"
keys q
snap dash-after-80x24
keys q
expect "[anzen exited 0]"
# restart: everything is still there
start 80 24
snap dash-after-80x24
keys Enter
expect "o 1-1 Records"
expect "! 1-2 VPN"
expect "/ 1-3 Accounts"
expect ">  / 1-3 Accounts"
snap restart-80x24
# opening it again returns to the item last visited (1-3); one up is 1-2
start 120 40
keys Enter Up
snap restart-120x40
