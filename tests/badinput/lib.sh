# Helpers for the setups and commands of cases.tsv (sourced by run.sh).

# A small valid catalog on stdout; sed it to break one thing.
catalog_ok() {
    cat <<'YAML'
format: anzen-catalog/1
catalog:
  id: bad-cat
  version: "1"
  revision: 1
  kind: guideline
  title: {ja: 不正入力テスト, en: Bad input test}
  publisher: anzen tests
  published: 2025-04-01
  source: {title: テスト, url: "https://example.invalid/bad"}
  completeness: {status: complete}
  answers:
    - {value: done, label: {ja: 実施, en: Done}, meaning: positive, key: d}
    - {value: not_done, label: {ja: 未実施, en: Not done}, meaning: negative, key: n}
nodes:
  - {id: h1, kind: heading, ref: "1", title: {ja: 第1章}}
  - id: i-1
    kind: item
    parent: h1
    ref: "1-1"
    text: {ja: テスト用の項目。}
    source: "https://example.invalid/bad#1"
    verified: false
YAML
}

# An anzen database in FILE with the schema version set to N (a newer anzen's).
db_version() {
    cp "$ANZEN_DB" "$1" && sqlite3 "$1" "PRAGMA user_version = $2"
}

# Runs a shell command line in a fresh tmux terminal (80x24); a TUI still running once it has
# drawn is quit with Q. Prints the screen, returns anzen's exit code.
tty_run() {
    local t=(tmux -L "badinput-$$-$RANDOM" -f /dev/null) i screen code drawn=
    "${t[@]}" new-session -d -s main -x 80 -y 24 "bash -c $(printf %q "$1"); echo \"[anzen exited \$?]\"; sleep 60"
    for ((i = 0; i < 100; i++)); do
        screen=$("${t[@]}" capture-pane -p -t main 2>/dev/null)
        grep -q '\[anzen exited [0-9]*\]' <<<"$screen" && break
        if grep -qE 'Dashboard|ダッシュボード' <<<"$screen"; then
            drawn=$screen
            sleep 0.3
            "${t[@]}" send-keys -t main Escape Q
            grep -qE '\[anzen exited' <<<"$screen" || sleep 0.2
        fi
        sleep 0.1
    done
    screen=$("${t[@]}" capture-pane -p -t main 2>/dev/null)
    "${t[@]}" kill-server 2>/dev/null
    printf '%s\n' "$drawn" "$screen" | grep -v '^$'
    code=$(sed -n 's/.*\[anzen exited \([0-9]*\)\].*/\1/p' <<<"$screen" | tail -1)
    return "${code:-125}"
}
