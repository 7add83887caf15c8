# Without a terminal: a clear message and a non-zero exit, nothing drawn.
out=$(env -i PATH="$PATH" HOME="$CASE_DIR/home" LC_ALL=C.UTF-8 ANZEN_DATA_DIR="$HERE/data" \
      "$BIN" --db "$CASE_DIR/db/anzen.db" </dev/null 2>&1 >/dev/null)
code=$?
check "exit code 2 without a terminal (got $code)" test "$code" = 2
check "message names the problem (got: $out)" grep -q "needs a terminal" <<<"$out"
# A terminal type curses does not know: a clear message, exit 2 (a usage problem, as without a
# terminal), found before curses starts, so the terminal is left alone (40-terminal: TERM=dumb too).
EXTRA_ENV="TERM=no-such-terminal" start 80 24
expect "anzen: the terminal type TERM=no-such-terminal is unknown (no terminfo entry)"
expect "[anzen exited 2]"
abandon
