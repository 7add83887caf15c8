# Sign-off in Japanese: S on the dashboard names the unanswered items and asks first, then asks name and role on the status line (prefilled from
# the organisation's security officer), the dashboard and the navigator title show the state, an
# answer afterwards marks "changed since sign-off", u in the navigator undoes that answer.
LANG_UI=ja
start 80 24
keys i Enter
type_text 安全中央病院
keys Enter Down Down Down Enter
type_text "山田 太郎"
keys Enter C-s q
keys n Enter Enter
keys q
expect "未承認（S で承認）"
keys S
expect "未回答 5 件: 1-1, 1-2, 1-3, 2-1, 2-2。このまま承認しますか？(y/N)"
keys y
expect "承認者の氏名: 山田 太郎"
keys Enter
expect "役職: 医療情報システム安全管理責任者"
keys C-u Enter
expect "役職 は必須です"
keys S y Enter C-u
type_text 院長
keys Enter
expect "承認しました: 山田 太郎（院長）"
expect "承認: 山田 太郎（院長） 2026-04-01"
snap ja-signoff-dash-80x24
check "sign-off stored" test "$(sql "SELECT signed_by || '/' || signed_role FROM assessment WHERE pk = 1")" = "山田 太郎/院長"
keys Enter
expect "[承認済]"
keys Down y
expect "[承認後変更]"
snap ja-signoff-changed-80x24
keys q
expect "承認後変更"
expect "承認後に変更あり"
keys Enter S y
keys Enter
keys Enter
expect "承認しました: 山田 太郎（医療情報システム安全管理責任者）"
expect "[承認済]"
keys u
expect "[承認後変更]"
expect "取り消しました: 承認"
