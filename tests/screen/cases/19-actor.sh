# Who acts, on a shared account: the login "guest" (root counts too, see session_login_shared)
# names nobody, so the workbench asks once at start, in the UI language, and records every change
# under the name given. Undo (u) takes back only one's own change, and refuses, naming the other
# person, when someone else changed the item since.
SCREEN_USER= EXTRA_ENV="USER=guest"
start 80 24
expect "Shared account (guest): your name for the history:"
snap actor-prompt-80x24
type_text "山田 太郎"
keys Enter
expect "Changes are recorded as 山田 太郎"
keys n Enter Enter
expect "Created assessment #1"
keys Down y
expect "Saved: 1-1 answer = Implemented"
check "the asked name is the actor in the history" \
    test "$(sql "SELECT group_concat(DISTINCT who) FROM history_action")" = "山田 太郎"
# someone else, at another terminal, answers the same item
check "another person's answer" cli --user 佐藤 answer set 1 g-1-1 not_implemented
keys u
expect "Cannot undo: 1-1 was changed by 佐藤 since (2026-04-01 09:00 UTC)"
snap actor-undo-refused-80x24
check "nothing undone" \
    test "$(sql "SELECT value FROM answer WHERE assessment_pk = 1 AND item_id = 'g-1-1'")" = "not_implemented"
# once 佐藤 takes their answer back, 山田's own undo goes through
check "the other person's undo" cli --user 佐藤 assess undo 1
keys u
expect "Undone: 1-1 answer"
check "both undone" test "$(sql "SELECT IFNULL(value, '-') FROM answer WHERE assessment_pk = 1 AND item_id = 'g-1-1'")" = "-"
keys u
expect "Nothing of yours (山田 太郎) to undo here"
keys q q
expect "[anzen exited 0]"
# in Japanese, and Esc keeps the login name
LANG_UI=ja
start 80 24
expect "共有アカウント（guest）です。履歴に残す氏名:"
keys Escape
expect "変更は guest さんとして記録します"
snap ja-actor-esc-80x24
