#!/usr/bin/env bash
# The layers of core/README.md, checked from the sources: a core folder includes only itself and
# the folders core/CMakeLists.txt links it to (build/core-layers.txt); core includes no curses and
# nothing of the front ends; tui/ includes nothing of cli/; nobody outside a folder includes its
# private headers; and no header includes itself through others (no include circles).
# usage: layers.sh SOURCE_DIR LAYER_TABLE
set -u
src=$1 table=$2
fail=0 checks=0
bad() { echo "layers: $*"; fail=1; }

declare -A allowed
while IFS=: read -r folder deps; do
  [ -n "$folder" ] && allowed[$folder]=" $folder $deps "
done <"$table"
private=" assess/apply.h assess/proposal_internal.h store/schema.h catalog/node_fields.h export/layout.h export/annex_parse.h catalog/catalog_failed.h catalog/catalog_file.h workspace/ws_record.h "

for f in "$src"/core/*/*.[ch]; do
  folder=$(basename "$(dirname "$f")")
  [ -n "${allowed[$folder]:-}" ] || { bad "${f#$src/}: folder core/$folder is not in core/CMakeLists.txt"; continue; }
  while IFS= read -r line; do
    checks=$((checks + 1))
    inc=${line#*\"}; inc=${inc%%\"*}
    case $inc in
      */*) dep=${inc%%/*}
           [[ "${allowed[$folder]}" == *" $dep "* ]] || bad "${f#$src/}: includes $inc, but core/$folder may include only:${allowed[$folder]}"
           [[ "$private" == *" $inc "* && $dep != "$folder" ]] && bad "${f#$src/}: includes the private header $inc" ;;
    esac
  done < <(grep -E '^#include "' "$f")
  grep -qE '^#include [<"](n?curses|curses_inc|cli)' "$f" && bad "${f#$src/}: core includes curses or the CLI"
done

for f in "$src"/tui/*.[ch] "$src"/tui/screens/*.[ch]; do
  checks=$((checks + 1))
  grep -qE '^#include "(cli/|cli\.h|cli_)' "$f" && bad "${f#$src/}: the TUI includes the CLI"
  for p in $private; do grep -q "^#include \"$p\"" "$f" && bad "${f#$src/}: includes the private header $p"; done
done
for f in "$src"/cli/*.[ch]; do
  checks=$((checks + 1))
  for p in $private; do grep -q "^#include \"$p\"" "$f" && bad "${f#$src/}: includes the private header $p"; done
done

# Include circles among core headers: depth-first search over "header includes header".
declare -A state
resolve() { # $1 including file, $2 include text -> path or empty
  local dir; dir=$(dirname "$1")
  if [ -f "$dir/$2" ]; then echo "$dir/$2"; elif [ -f "$src/core/$2" ]; then echo "$src/core/$2"; fi
}
visit() {
  local h=$1 inc next
  state[$h]=1
  while IFS= read -r inc; do
    inc=${inc#*\"}; inc=${inc%%\"*}
    next=$(resolve "$h" "$inc"); [ -n "$next" ] || continue
    next=$(realpath "$next")
    checks=$((checks + 1))
    if [ "${state[$next]:-0}" = 1 ]; then bad "include circle through ${h#$src/} -> ${next#$src/}"
    elif [ "${state[$next]:-0}" = 0 ]; then visit "$next"; fi
  done < <(grep -E '^#include "' "$h")
  state[$h]=2
}
for h in "$src"/core/*/*.h; do
  h=$(realpath "$h")
  [ "${state[$h]:-0}" = 0 ] && visit "$h"
done

[ "$checks" -gt 0 ] || bad "nothing was checked"
[ $fail = 0 ] && echo "layers: ok ($checks includes checked)"
exit $fail
