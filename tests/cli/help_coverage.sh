#!/usr/bin/env bash
# Every command group registered in cli/cli.c, every subcommand its file dispatches (its CLI_SUB
# rows, or a str_eq on argv[0] where a group dispatches by hand) and every
# option its option tables accept must appear in `anzen help`, in the man page and in the bash
# completion (all three come from the command table, cli/help/cli_help_table.c). Fails naming
# what is missing.
#   help_coverage.sh BIN SRCDIR MAN_EN MAN_JA COMPLETION
set -u
BIN=$1 SRC=$2 MAN_EN=$3 MAN_JA=$4 COMP=$5
export ANZEN_LANG=en
fail=0 checks=0
miss() { echo "MISSING: $*"; fail=1; }
has() { checks=$((checks + 1)); grep -qF -- "$2" "$1"; }
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT

# The groups of the registry, by their .name.
registry=$(grep -o '&cli_group_[a-z_]*' "$SRC/cli/cli.c" | sed 's/&//')
groups=()
for var in $registry; do
    name=$(grep -h -A2 "^const cli_group .*$var = " "$SRC"/cli/*.c | grep -o '\.name = "[a-z-]*"' | head -1 | cut -d'"' -f2)
    [ -n "$name" ] || { miss "no .name for $var"; continue; }
    groups+=("$name")
done
[ ${#groups[@]} -gt 10 ] || miss "read only ${#groups[@]} groups from cli/cli.c"
"$BIN" help >"$work/top" || miss "anzen help fails"
listed=$(sed -n '/^Commands:/,/^$/p' "$work/top" | awk 'NF && !/Commands:/ {print $1}' | sort)
[ "$listed" = "$(printf '%s\n' "${groups[@]}" | sort)" ] || miss "anzen help lists [$listed] but cli/cli.c registers [${groups[*]}]"
: >"$work/all"
for g in "${groups[@]}"; do
    "$BIN" help "$g" >"$work/$g" 2>&1 || miss "anzen help $g"
    cat "$work/$g" >>"$work/all"
    has "$MAN_EN" "anzen $g" || miss "group $g in $MAN_EN"
    has "$MAN_JA" "anzen $g" || miss "group $g in $MAN_JA"
    has "$COMP" "\"$g " || miss "group $g in the completion"
done

# Per source file: its groups, subcommands and options.
for f in "$SRC"/cli/cli_*.c; do
    mine=$(grep -h -A2 '^const cli_group ' "$f" | grep -o '\.name = "[a-z-]*"' | cut -d'"' -f2)
    case $(basename "$f") in
    cli_common.c) mine="vendor system" ;;   # add / edit / list / show of the record groups
    cli_reconcile.c) mine="$mine answer" ;; # anzen answer agree
    esac
    subs=$(grep -oE 'str_eq\(argv\[0\], "[a-z-]+"\)|CLI_SUB(_FLAG)?\("[a-z-]+"' "$f" | cut -d'"' -f2 | sort -u)
    for s in $subs; do
        found=
        for g in $mine; do
            if "$BIN" help "$g" "$s" >/dev/null 2>&1; then found=$g; break; fi
        done
        [ -n "$found" ] || { miss "subcommand $s of $(basename "$f") (groups: $mine) in anzen help"; continue; }
        has "$MAN_EN" "anzen $found ${s//-/\\-}" || miss "anzen $found $s in $MAN_EN"
        has "$COMP" "\"$found $s\")" || miss "anzen $found $s in the completion"
    done
    opts=$(grep -oE '\.name = "[a-z0-9-]+"(\}|, \.(flag|repeat))' "$f" | cut -d'"' -f2 | sort -u)
    for o in $opts; do
        where=$work/all
        if [ -n "$mine" ]; then
            cat /dev/null $(for g in $mine; do echo "$work/$g"; done) >"$work/mine"
            where=$work/mine
        fi
        has "$where" "--$o" || miss "--$o of $(basename "$f") in anzen help ${mine:-(any group)}"
        has "$MAN_EN" "\\-\\-${o//-/\\-}" || miss "--$o of $(basename "$f") in $MAN_EN"
        has "$MAN_JA" "\\-\\-${o//-/\\-}" || miss "--$o of $(basename "$f") in $MAN_JA"
        has "$COMP" " --$o" || miss "--$o of $(basename "$f") in the completion"
    done
done
for o in $(grep -oE 'cli_opt\(argc, argv, &i, "[a-z-]+"' "$SRC/cli/cli.c" | cut -d'"' -f2) help version; do
    has "$work/top" "--$o" || miss "global --$o in anzen help"
    has "$MAN_EN" "\\-\\-$o" || miss "global --$o in $MAN_EN"
    has "$COMP" " --$o" || miss "global --$o in the completion"
done
echo "$checks checks"
[ $checks -gt 300 ] || miss "only $checks checks ran"
exit $fail
