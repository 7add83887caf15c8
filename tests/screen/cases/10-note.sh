# The note editor: Japanese input arrives whole (as an IME delivers it), several lines, ^S saves
# in one transaction; Esc asks before discarding; ^E goes to $EDITOR and back; search finds notes;
# + opens the evidence register.
EDITOR_CMD="$HERE/fake-editor.sh"
start 80 24
keys n Enter Enter Down
keys e
type_text 保守記録は紙の台帳で管理
keys Enter
type_text 来年度に電子化を予定（ＩＴ担当）
snap note-editing-80x24
keys C-s
expect "Saved: 1-1 Note"
snap note-saved-80x24
# edit again, cancel: asked first, nothing changed
keys e
type_text 追加
keys Escape
expect "Discard the changes to the note? (y/n)"
keys y
expect_not "追加"
# $EDITOR adds a line; the editor comes back with it; ^S saves
keys e C-e
expect "外部エディタで追記した行"
keys C-s
expect "外部エディタで追記した行"
# search covers notes, half-width "it" matches full-width "ＩＴ"
keys Down Down /
type_text it担当
keys Enter
expect "Match 1 of 1"
expect ">  . 1-1 Records"
# + opens the evidence register for the item (24-evidence covers it); q comes back
keys +
expect "~ > Evidence register - link to 1-1"
expect "No evidence registered. Press n to add one."
keys q
# search finds references to other catalogs: fx-check 2-① "保守記録の確認" is mapped to 1-1
keys Escape /
keys C-u
type_text 記録の確認
keys Enter
expect "Match 1 of 1 for \"記録の確認\""
expect ">  . 1-1 Records"
