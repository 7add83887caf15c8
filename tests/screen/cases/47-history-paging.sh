# The history of an assessment (H in the navigator), newest first, read in windows of 200 rows
# as the cursor moves (history_window): 450 changes page through without a gap, End shows the
# oldest, Home the newest, and Japanese values are drawn by columns.
sql_rw() { sqlite3 "$CASE_DIR/db/anzen.db" "$1"; }
check "an assessment" cli assess new fx-guide@1 --fy 2026
check "450 changes to its item 1-1" sql_rw "
  INSERT INTO history_action(at, who, kind, assessment_pk) VALUES ('2026-03-01T00:00:00Z', '山田 花子', 'answer', 1);
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 450)
  INSERT INTO history(action_pk, entity, assessment_pk, item_id, party, field, old_value, new_value)
    SELECT (SELECT max(pk) FROM history_action), 'answer', 1, 'g-1-1', 'hospital', 'note',
           printf('メモ%03d', i - 1), printf('メモ%03d', i) FROM n;"
start 80 24
keys Enter
keys H
expect "メモ449 -> メモ450"
snap history-newest-80x24
# 11 pages: past the first window of 200 rows, on the 221st newest
keys PageDown PageDown PageDown PageDown PageDown PageDown PageDown PageDown PageDown PageDown PageDown
expect ">2026-03-01 00:00 UTC 山田 花子    1-1      Note: メモ229 -> メモ230"
snap history-second-window-80x24
keys End
expect ">2026-04-01 09:00 UTC tester       assessm~ created: - -> fx-guide@1"
expect "メモ000 -> メモ001"
expect_not "メモ449 -> メモ450"
snap history-oldest-80x24
# up from the oldest window (the creation and メモ000..メモ198) reads the newer rows back
keys PageUp PageUp PageUp PageUp PageUp PageUp PageUp PageUp PageUp PageUp PageUp
expect ">2026-03-01 00:00 UTC 山田 花子    1-1      Note: メモ219 -> メモ220"
keys Home
expect ">2026-03-01 00:00 UTC 山田 花子    1-1      Note: メモ449 -> メモ450"
keys q q q
expect "[anzen exited 0]"
