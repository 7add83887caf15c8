# A terminal the workbench cannot draw on is refused before anything is written to it (issue 12):
# a clear message on stderr, exit 2, and the pane shows nothing else - no screen cleared, no
# alternate screen, no cursor hidden (tmux: cursor still visible after the message).
EXTRA_ENV="TERM=dumb" start 80 24
expect "anzen: the terminal TERM=dumb cannot move the cursor, so the workbench cannot dr"
expect "[anzen exited 2]"
check "nothing drawn but the message" test "$(screen_text | grep -c .)" = 3
check "cursor left visible" test "$("${TMUX_CMD[@]}" display -p -t main '#{cursor_flag}')" = 1
snap term-dumb-80x24
abandon
# an unknown terminal type: the same, before curses (exit 2, was 1)
EXTRA_ENV="TERM=no-such-terminal" start 80 24
expect "anzen: the terminal type TERM=no-such-terminal is unknown (no terminfo entry)"
expect "[anzen exited 2]"
abandon
# a window too small even for the "too small" notice
start 30 3
expect "[anzen exited 2]"
joined() { "${TMUX_CMD[@]}" capture-pane -p -J -S - -t main | tr -d '\n'; }
names_size() { joined | grep -q "too small to draw in (30x3); the workbench needs 80x24" || { joined; false; }; }
check "too small, named with its size" names_size
abandon
# in Japanese
LANG_UI=ja EXTRA_ENV="TERM=dumb" start 80 24
expect "端末 TERM=dumb はカーソルを移動できないため、画面を表示できません。"
expect "[anzen exited 2]"
abandon
