# The title bar at 80x24 (issue 12): who is answering (医療機関 / 事業者 / 合意) and the sign-off
# state stay visible at the right; the titles give way instead (the dashboard first, then the
# assessment's title is cut by columns). The party chosen with P is kept per user and assessment:
# reopening the assessment answers as that party again, another assessment starts as 医療機関.
LANG_UI=ja
start 80 24
keys n Down Enter Enter
expect "~ > #1 テスト用チェックリスト 令和8年度 組織全体   [入力者: 医療機関] [未承認]"
snap ja-title-bar-80x24
keys P
expect "[入力者: 事業者] [未承認]"
keys X
expect "[入力者: 事業者] [未承認]"
snap ja-title-bar-proposals-80x24
keys q q
expect "ダッシュボード"
check "the party is remembered for this user" test "$(sql "SELECT party FROM user_state WHERE assessment_pk = 1 AND actor = 'tester'")" = "vendor"
keys Enter
expect "[入力者: 事業者] [未承認]"
# another assessment starts as the hospital
keys q n Enter Enter
expect "[入力者: 医療機関] [未承認]"
keys q
# at 120 columns everything fits
resize 120 40
keys Up Enter
expect " anzen > ダッシュボード > #1 テスト用チェックリスト 令和8年度 組織全体"
expect "[入力者: 事業者] [未承認]"
snap ja-title-bar-120x40
