#!/usr/bin/env bash
# CLI tests: the real anzen binary's output and exit codes compared with golden files.
#
#   tests/cli/run.sh BUILD/anzen [CASE...]     run all cases (or those named)
#   UPDATE=1 tests/cli/run.sh BUILD/anzen      regenerate the golden files (review the diff!)
#
# Each case is tests/cli/cases/NAME.sh, sourced with `anzen ARGS...` defined: it prints the command,
# its stdout, then its stderr (lines prefixed "! ") and "[exit N]"; a case that runs no command
# fails. The
# environment is pinned: fresh HOME and database per case, ANZEN_NOW fixed, ANZEN_USER=tester,
# Japanese UI unless the case sets ANZEN_LANG=en, catalogs only from tests/fixtures/assess (so
# content work on data/ never changes a CLI test).
set -u
BIN=$(realpath "${1:?usage: run.sh path/to/anzen [case...]}")
shift
HERE=$(cd "$(dirname "$0")" && pwd)
GOLDEN=$HERE/golden
UPDATE=${UPDATE:-0}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/anzen-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
    for f in "$HERE"/cases/*.sh; do cases+=("$(basename "$f" .sh)"); done
fi

failures=0
for name in "${cases[@]}"; do
    dir=$WORK/$name
    mkdir -p "$dir/home" "$dir/data/catalogs"
    out=$dir/out.txt
    (
        export HOME=$dir/home XDG_DATA_HOME= ANZEN_DB=$dir/anzen.db ANZEN_DATA_DIR=$dir/data
        export ANZEN_CATALOG_PATH=$HERE/../fixtures/assess ANZEN_NOW=2026-05-10T09:00:00Z ANZEN_USER=tester
        export ANZEN_LANG=ja LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=
        anzen() {
            printf '$ anzen'
            printf ' %q' "$@"
            printf '\n'
            "$BIN" "$@" 2>"$dir/stderr"; local rc=$?
            sed 's/^/! /' "$dir/stderr"
            printf '[exit %d]\n' "$rc"
            echo >>"$dir/.calls"
        }
        cd "$dir"
        # shellcheck disable=SC1090
        source "$HERE/cases/$name.sh"
    ) >"$out" 2>&1
    # Every command's output is checked against the golden file; a case that runs none checks nothing.
    calls=0
    [ -f "$dir/.calls" ] && calls=$(wc -l <"$dir/.calls")
    if [ "$calls" -eq 0 ]; then
        echo "FAIL $name: the case ran no anzen command (nothing checked)"
        failures=$((failures + 1))
    elif [ "$UPDATE" = 1 ]; then
        cp "$out" "$GOLDEN/$name.txt"
        echo "updated $name"
    elif ! diff -u "$GOLDEN/$name.txt" "$out"; then
        echo "FAIL $name"
        failures=$((failures + 1))
    else
        echo "ok   $name ($calls commands)"
    fi
done
[ "$failures" -eq 0 ]
