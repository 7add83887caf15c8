#!/usr/bin/env bash
# The bad-input catalogue (issue 14): every case of cases.tsv runs the real anzen binary on one
# hostile input and checks
#   - the exit code,
#   - a fragment of the message (the case's language: ja or en),
#   - that the output holds no raw control character (ESC, CR, ...) and is valid UTF-8
#     (except cases run in a terminal, flag tty),
#   - that nothing changed on disk: every file of the case (the database, the input, whatever
#     the setup made) has the same bytes, size and mode, no file appeared (no temp file, no
#     -wal/-shm, no half-written output), and `sqlite3 DB .dump` of the case's database is
#     byte-identical before and after.
# Then it prints the summary "bad input: N cases, N passed".
#
#   tests/badinput/run.sh BUILD/bin/anzen [CASE...]     all cases, or those named
#   SHOW=1 tests/badinput/run.sh ...                    print every case's output too
#
# cases.tsv: one case a line, tab-separated: name, expected exit, language (ja|en), the message
# fragment (grep -F), flags (tty | nobody | -), setup (shell, run in the case's directory with
# lib.sh's helpers; - for none), the command (shell; `anzen` is the binary under test). Each case
# gets a fresh directory with a copy of a small database (an organisation, a vendor, a system,
# two assessments with answers) as $ANZEN_DB, its own HOME, catalogs only from the test fixtures.
# Flag nobody: as root the command runs as uid 65534 (so file modes bind); tty: in a terminal
# (tmux), for the TUI.
set -u
BIN=$(realpath "${1:?usage: run.sh path/to/anzen [case...]}")
shift
HERE=$(cd "$(dirname "$0")" && pwd)
FIX=$(cd "$HERE/../fixtures" && pwd)
SHOW=${SHOW:-0}
command -v sqlite3 >/dev/null || { echo "bad input: needs sqlite3 (make deps)"; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/anzen-badinput.XXXXXX")
chmod 755 "$WORK" # the nobody cases must reach their files
cleanup() {
    chmod -R u+rwX "$WORK" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/bin" "$WORK/data/catalogs" "$WORK/cases" "$WORK/snap"
printf '#!/bin/sh\nexec %q "$@"\n' "$BIN" >"$WORK/bin/anzen"
chmod 755 "$WORK/bin/anzen"
export PATH="$WORK/bin:$PATH" HERE FIX
export ANZEN_DATA_DIR=$WORK/data ANZEN_CATALOG_PATH=$FIX/assess:$FIX/export ANZEN_NOW=2026-05-10T09:00:00Z
export ANZEN_USER=tester LC_ALL=C.UTF-8 TZ=UTC NO_COLOR= XDG_DATA_HOME= ANZEN_TEMPLATES_DIR=
unset ANZEN_LANG ANZEN_DB

# The database every case starts from, closed cleanly (no -wal / -shm).
template=$WORK/template.db
(
    export HOME=$WORK/home ANZEN_DB=$template ANZEN_LANG=en
    mkdir -p "$HOME"
    set -e
    anzen org add --name 東病院
    anzen vendor add A社
    anzen system add PACS --category pacs --vendor A社
    anzen assess new fx-gl@1 --fy 2025
    anzen answer set 1 g-1 done --note 保守用アカウント
    anzen assess new fx-emds@1 --system PACS --fy 2025
    anzen answer set 2 q-1 yes --party vendor
) >"$WORK/template.log" 2>&1 || { echo "bad input: cannot make the template database:"; cat "$WORK/template.log"; exit 1; }

# What is on disk under a case directory: every entry with type, size and mode, and the bytes of
# every regular file (never read through FIFOs or symlinks).
snapshot() {
    local dir=$1
    (cd "$dir" && find . -printf '%p %y %s %m\n' | sort && find . -type f -print0 | sort -z | xargs -0r sha256sum)
}

# The dump of the case's database, from a copy (sqlite3 must not leave files in the case); the
# template's own dump when the bytes are the template's (most cases: a quicker run).
dump() {
    local db=$1 copy=$WORK/dump.db
    rm -f "$copy"
    [ -f "$db" ] || { echo "(no database file)"; return; }
    if [ -n "${template_sum:-}" ] && [ ! -e "$db-wal" ] && [ "$(sha256sum <"$db")" = "$template_sum" ]; then
        cat "$WORK/template.dump"
        return
    fi
    cp "$db" "$copy"
    [ -f "$db-wal" ] && cp "$db-wal" "$copy-wal"
    sqlite3 "$copy" .dump 2>&1
    rm -f "$copy" "$copy-wal" "$copy-shm"
}

dump "$template" >"$WORK/template.dump"
template_sum=$(sha256sum <"$template")

# Runs the command as the case asks: in tmux (tty), as uid 65534 (nobody, when root), or as is.
run_cmd() {
    local flags=$1 cmd=$2
    case ",$flags," in
    *,tty,*) tty_run "$cmd" ;;
    *,nobody,*)
        if [ "$(id -u)" = 0 ]; then
            setpriv --reuid=65534 --regid=65534 --clear-groups -- bash -c "$cmd"
        else
            bash -c "$cmd"
        fi ;;
    *) bash -c "$cmd" ;;
    esac
}

# shellcheck source=lib.sh
source "$HERE/lib.sh"

# As root the nobody cases need uid 65534 to run programs at all: some build chroots keep their
# libraries unreadable to other users. Then those cases are skipped (and counted), not failed.
nobody_runs=1
if [ "$(id -u)" = 0 ] && ! setpriv --reuid=65534 --regid=65534 --clear-groups -- bash -c true >/dev/null 2>&1; then
    nobody_runs=0
    echo "bad input: uid 65534 cannot run programs here; the cases that need it are skipped"
fi

only=("$@")
total=0 passed=0 skipped=0
failed_names=()
while IFS=$'\t' read -r name code lang fragment flags setup cmd; do
    [ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
    if [ ${#only[@]} -gt 0 ] && ! printf '%s\n' "${only[@]}" | grep -qxF "$name"; then
        continue
    fi
    total=$((total + 1))
    if [ "$nobody_runs" = 0 ] && [[ ",$flags," == *,nobody,* ]]; then
        skipped=$((skipped + 1))
        printf 'skip %-34s (uid 65534 cannot run programs here)\n' "$name"
        continue
    fi
    dir=$WORK/cases/$name
    mkdir -p "$dir/home"
    chmod 755 "$dir" "$dir/home"
    cp "$template" "$dir/anzen.db"
    problems=()
    export HOME=$dir/home ANZEN_DB=$dir/anzen.db ANZEN_LANG=$lang
    if [ "$setup" != - ]; then
        (cd "$dir" && eval "$setup") >"$WORK/snap/$name.setup" 2>&1 ||
            problems+=("setup failed: $(tail -3 "$WORK/snap/$name.setup")")
    fi
    snapshot "$dir" >"$WORK/snap/$name.before"
    dump "$dir/anzen.db" >"$WORK/snap/$name.dump-before"
    out=$WORK/snap/$name.out
    start=$(date +%s%N)
    (cd "$dir" && timeout 30 bash -c "$(declare -f run_cmd tty_run catalog_ok db_version); run_cmd $(printf %q "$flags") $(printf %q "$cmd")" \
        </dev/null >"$out" 2>&1)
    rc=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    [ "$rc" = 124 ] && problems+=("timed out after 30 s (a hang)")
    [ "$rc" = "$code" ] || problems+=("exit $rc, expected $code")
    grep -qF -- "$fragment" "$out" || problems+=("the output lacks: $fragment")
    if [[ ",$flags," != *,tty,* ]]; then
        LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$out" && problems+=("raw control characters in the output")
        iconv -f UTF-8 -t UTF-8 "$out" >/dev/null 2>&1 || problems+=("the output is not valid UTF-8")
    fi
    snapshot "$dir" >"$WORK/snap/$name.after"
    if ! diff "$WORK/snap/$name.before" "$WORK/snap/$name.after" >"$WORK/snap/$name.diff"; then
        problems+=("files changed on disk: $(head -5 "$WORK/snap/$name.diff" | tr '\n' ' ')")
    fi
    dump "$dir/anzen.db" >"$WORK/snap/$name.dump-after"
    cmp -s "$WORK/snap/$name.dump-before" "$WORK/snap/$name.dump-after" || problems+=("the database dump differs")
    if [ ${#problems[@]} -eq 0 ]; then
        passed=$((passed + 1))
        printf 'ok   %-34s exit %s  %5d ms\n' "$name" "$rc" "$ms"
    else
        failed_names+=("$name")
        printf 'FAIL %-34s %s\n' "$name" "$(printf '%s; ' "${problems[@]}")"
        sed 's/^/     | /' "$out" | head -8
    fi
    [ "$SHOW" = 1 ] && sed 's/^/     > /' "$out" | head -12
done <"$HERE/cases.tsv"

if [ "$skipped" -gt 0 ]; then
    echo "bad input: $total cases, $passed passed, $skipped skipped"
else
    echo "bad input: $total cases, $passed passed"
fi
[ "$total" -gt 0 ] || { echo "bad input: no case ran"; exit 1; }
[ ${#failed_names[@]} -eq 0 ] || { echo "failed: ${failed_names[*]}"; exit 1; }
