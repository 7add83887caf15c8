#!/usr/bin/env bash
# Screen tests: the real anzen binary in a tmux pseudo-terminal (no terminal needed on the host),
# keys sent with send-keys, whole screens captured with capture-pane and compared with golden files.
#
#   tests/screen/run.sh BUILD/anzen [CASE...]     run all cases (or those named)
#   UPDATE=1 tests/screen/run.sh BUILD/anzen      regenerate the golden files (review the diff!)
#
# Each case is tests/screen/cases/NAME.sh, sourced with the helpers below. The environment is
# pinned: a fresh HOME and database per case, TZ=UTC, ANZEN_NOW fixed, catalogs from
# tests/screen/data (small fixtures, so content work on data/ never changes a screen test),
# LC_ALL=C.UTF-8 (English UI) unless the case starts with LANG_UI=ja (ja_JP.UTF-8, Japanese UI).
set -u
BIN=$(realpath "${1:?usage: run.sh path/to/anzen [case...]}")
shift
HERE=$(cd "$(dirname "$0")" && pwd)
GOLDEN=$HERE/golden
UPDATE=${UPDATE:-0}
TIMEOUT=${SCREEN_TIMEOUT:-20}
command -v tmux >/dev/null || { echo "screen tests need tmux (make deps)"; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/anzen-screen.XXXXXX")
SOCK="anzen-screen-$$"
TMUX_CMD=(tmux -L "$SOCK" -f /dev/null)
failures=0
checks=0
cleanup() {
    "${TMUX_CMD[@]}" kill-server 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s%N; }

idle_count() { cat "$CASE_DIR/idle" 2>/dev/null || echo 0; }

# Waits until the app has gone idle (waiting for a key) after `before` and stayed idle 80 ms.
wait_idle() {
    local before=$1 deadline=$(( $(now) + TIMEOUT * 1000000000 ))
    while :; do
        local c; c=$(idle_count)
        if [ "$c" != "$before" ] && [ "$c" != 0 ]; then
            sleep 0.08
            [ "$(idle_count)" = "$c" ] && return 0
            continue
        fi
        if pane_dead; then return 0; fi
        if [ "$(now)" -gt "$deadline" ]; then
            echo "  timeout waiting for the app (idle=$c)"; return 1
        fi
        sleep 0.02
    done
}

# Not anchored: a key sent while anzen was already leaving is echoed by the terminal just before
# the marker (e.g. "Q[anzen exited 0]" when the Escapes of `finish` ended the app themselves).
pane_dead() {
    "${TMUX_CMD[@]}" capture-pane -p -t main 2>/dev/null | grep -q '\[anzen exited [0-9]*\]$'
}

# finish: quits a running anzen with Q (after Esc to leave any prompt) and checks it exits 0, so
# sanitizer builds get to report leaks; then looks for sanitizer reports of this case.
finish() {
    if "${TMUX_CMD[@]}" has-session -t main 2>/dev/null; then
        if ! pane_dead; then
            "${TMUX_CMD[@]}" send-keys -t main Escape Escape
            sleep 0.1
            "${TMUX_CMD[@]}" send-keys -t main Q
            local deadline=$(( $(now) + TIMEOUT * 1000000000 ))
            while ! pane_dead && [ "$(now)" -lt "$deadline" ]; do sleep 0.05; done
        fi
        checks=$((checks + 1))
        if ! screen_text | grep -q '\[anzen exited 0\]$'; then
            echo "  FAIL: anzen did not exit cleanly:"
            screen_text | grep -v '^$' | tail -5 | sed 's/^/    | /'
            failures=$((failures + 1))
        fi
        "${TMUX_CMD[@]}" kill-session -t main 2>/dev/null
    fi
    local f
    for f in "$CASE_DIR"/sanitizer.*; do
        [ -e "$f" ] || continue
        checks=$((checks + 1))
        echo "  FAIL: sanitizer report $f:"
        sed 's/^/    | /' "$f" | head -40
        failures=$((failures + 1))
        rm -f "$f"
    done
}

# abandon: ends the session without the clean-exit check (for cases that kill anzen on purpose).
abandon() { "${TMUX_CMD[@]}" kill-session -t main 2>/dev/null; }

# start W H [extra anzen args...]: starts anzen in a fresh session of W×H.
start() {
    local w=$1 h=$2; shift 2
    finish
    rm -f "$CASE_DIR/idle"
    local locale=C.UTF-8
    [ "${LANG_UI:-en}" = ja ] && locale=ja_JP.UTF-8
    local cmd
    # EXTRA_ENV: more VAR=value words for this start (e.g. NO_COLOR=1). SCREEN_USER= (empty) drops
    # the pinned ANZEN_USER=tester, so the login decides who acts (a shared one makes anzen ask).
    # shellcheck disable=SC2086
    cmd=$(printf '%q ' env -i PATH="$PATH" HOME="$CASE_DIR/home" TERM=screen LC_ALL="$locale" TZ=UTC ${EXTRA_ENV:-} \
        ANZEN_NOW="${ANZEN_NOW:-2026-04-01T09:00:00Z}" ANZEN_DATA_DIR="$HERE/data" \
        ANZEN_TEST_IDLE_FILE="$CASE_DIR/idle" ANZEN_TEST_NO_SQL_IN_DRAW=1 ANZEN_USER="${SCREEN_USER-tester}" EDITOR="${EDITOR_CMD:-false}" \
        ASAN_OPTIONS="log_path=$CASE_DIR/sanitizer" UBSAN_OPTIONS="log_path=$CASE_DIR/sanitizer:print_stacktrace=1" \
        LSAN_OPTIONS="suppressions=$HERE/lsan.supp:print_suppressions=0" \
        "$BIN" --db "$CASE_DIR/db/anzen.db" "$@")
    "${TMUX_CMD[@]}" new-session -d -s main -x "$w" -y "$h" \
        "$cmd; echo \"[anzen exited \$?]\"; sleep 600"
    wait_idle 0
}

# keys K...: tmux key names (Enter, Escape, Down, C-s, q ...), then wait for the app.
keys() {
    local before; before=$(idle_count)
    "${TMUX_CMD[@]}" send-keys -t main "$@"
    wait_idle "$before"
}

# type TEXT: literal text (Japanese too), as a terminal or IME would deliver it.
type_text() {
    local before; before=$(idle_count)
    "${TMUX_CMD[@]}" send-keys -t main -l "$1"
    wait_idle "$before"
}

# resize W H
resize() {
    local before; before=$(idle_count)
    "${TMUX_CMD[@]}" resize-window -t main -x "$1" -y "$2"
    wait_idle "$before"
}

screen_text() { "${TMUX_CMD[@]}" capture-pane -p -t main; }
# The screen with attributes as escape sequences (colours, bold, reverse).
screen_escapes() { "${TMUX_CMD[@]}" capture-pane -p -e -t main; }
# The process id of anzen in the pane (the child of the pane's shell).
app_pid() { pgrep -P "$("${TMUX_CMD[@]}" display -p -t main '#{pane_pid}')" -x anzen; }

# snap NAME: compares the whole screen with golden/NAME.txt.
snap() {
    local name=$1 out="$CASE_DIR/$1.txt"
    screen_text >"$out"
    checks=$((checks + 1))
    if [ "$UPDATE" = 1 ]; then
        cp "$out" "$GOLDEN/$name.txt"
        return 0
    fi
    if [ ! -f "$GOLDEN/$name.txt" ]; then
        echo "  FAIL $name: no golden file (run with UPDATE=1)"
        sed 's/^/    | /' "$out"
        failures=$((failures + 1))
        return 1
    fi
    if ! diff -u "$GOLDEN/$name.txt" "$out" >"$CASE_DIR/$name.diff"; then
        echo "  FAIL $name: screen differs from golden/$name.txt"
        sed 's/^/    /' "$CASE_DIR/$name.diff"
        failures=$((failures + 1))
        return 1
    fi
}

# expect TEXT: the screen contains TEXT (for facts that goldens alone would hide).
expect() {
    checks=$((checks + 1))
    if ! screen_text | grep -qF -- "$1"; then
        echo "  FAIL: screen does not contain \"$1\""
        screen_text | sed 's/^/    | /'
        failures=$((failures + 1))
        return 1
    fi
}

expect_not() {
    checks=$((checks + 1))
    if screen_text | grep -qF -- "$1"; then
        echo "  FAIL: screen unexpectedly contains \"$1\""
        screen_text | sed 's/^/    | /'
        failures=$((failures + 1))
        return 1
    fi
}

# check DESCRIPTION COMMAND...: a plain assertion.
check() {
    local what=$1; shift
    checks=$((checks + 1))
    if ! "$@"; then
        echo "  FAIL: $what"
        failures=$((failures + 1))
        return 1
    fi
}

# cli ARGS...: the same binary as a command on the case's database, in the pinned environment
# (another person at another terminal, for cases about several people).
cli() {
    env -i PATH="$PATH" HOME="$CASE_DIR/home" LC_ALL=C.UTF-8 TZ=UTC ANZEN_NOW="${ANZEN_NOW:-2026-04-01T09:00:00Z}" \
        ANZEN_DATA_DIR="$HERE/data" ANZEN_USER=tester "$BIN" --db "$CASE_DIR/db/anzen.db" "$@" >"$CASE_DIR/cli.out" 2>&1
}

# sql QUERY: runs a query on the case's database (read-only) and prints the result.
sql() { sqlite3 -readonly "$CASE_DIR/db/anzen.db" "$1" 2>&1; }

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
    for f in "$HERE"/cases/*.sh; do cases+=("$(basename "$f" .sh)"); done
fi
mkdir -p "$GOLDEN"
for c in "${cases[@]}"; do
    CASE_DIR="$WORK/$c"
    mkdir -p "$CASE_DIR/home" "$CASE_DIR/db"
    before=$failures
    before_checks=$checks
    echo "case $c"
    (
        LANG_UI=en
        # shellcheck disable=SC1090
        source "$HERE/cases/$c.sh"
        finish
        echo "$failures $checks" >"$CASE_DIR/.result"
    )
    read -r failures checks <"$CASE_DIR/.result" || { echo "  FAIL: case aborted"; failures=$((before + 1)); }
    # A case that checks nothing proves nothing (a typo'd helper, an early exit): it fails.
    if [ "$checks" = "$before_checks" ] && [ "$failures" = "$before" ]; then
        echo "  FAIL: the case made no checks"
        failures=$((failures + 1))
    fi
    [ "$failures" = "$before" ] && echo "  ok"
done
echo "screen tests: $checks checks, $failures failures"
[ "$failures" = 0 ]
