# Several instances on one database (a workshop over SSH): the hospital has the TUI open on an
# assessment while another anzen process - the command line, as the vendor's engineer would use
# it from a second terminal - answers items. Without a key the TUI shows each answer within a
# second or so (PRAGMA data_version, looked at on every key and every 500 ms idle), keeping its
# selection and collapsed headings; a screen opened on top reloads the one below when it closes;
# the dashboard's progress follows too.

# anzen_cli ARGS...: a second anzen process on the case's database, as another user.
anzen_cli() {
    env -i PATH="$PATH" HOME="$CASE_DIR/home" LC_ALL=C.UTF-8 TZ=UTC ANZEN_NOW=2026-04-01T09:30:00Z \
        ANZEN_DATA_DIR="$HERE/data" ANZEN_USER=vendor-se "$BIN" --db "$CASE_DIR/db/anzen.db" "$@" \
        >>"$CASE_DIR/cli.log" 2>&1 || { sed "s/^/    cli: /" "$CASE_DIR/cli.log"; return 1; }
}

# external ARGS...: runs anzen_cli (it must succeed) and remembers the TUI's idle count before it.
external() {
    ext_before=$(idle_count)
    check "anzen $* exits 0 (see cli.log)" anzen_cli "$@"
}

# appears TEXT: polls the screen for up to 3 s - no key is sent - until TEXT shows, then waits for
# the TUI to go idle after its redraw; prints how long it took.
appears() {
    local t0 deadline; t0=$(now); deadline=$((t0 + 3000000000))
    checks=$((checks + 1))
    while ! screen_text | grep -qF -- "$1"; do
        if [ "$(now)" -gt "$deadline" ]; then
            echo "  FAIL: \"$1\" did not appear within 3 s of the other process's write"
            screen_text | sed 's/^/    | /'
            failures=$((failures + 1))
            return 1
        fi
        sleep 0.05
    done
    echo "  shown $(( ($(now) - t0) / 1000000 )) ms after the write: $1"
    wait_idle "$ext_before"
}

start 120 40
keys n Enter Enter
expect "Created assessment #1"
keys Down y
expect "Saved: 1-1 answer = Implemented"
# heading 2 collapsed, 1-2 selected
keys Down Down Down h Up Up
expect "+ 2 Backup and recovery"
expect ">  . 1-2 VPN connections"

# the vendor is entered at the other terminal, then answers the selected item from there
external vendor add 北日本画像システム
external answer set 1 g-1-2 implemented --party vendor --vendor 北日本画像システム --note "作業時のみ接続し、終了後に切断を確認"
appears "Answer: Implemented (vendor)"
expect "By party: *hospital - / vendor Implemented / agreed -"
expect "vendor-se [vendor] answer: - ->"
expect ">  o 1-2 VPN connections"
expect "+ 2 Backup and recovery"
snap two-vendor-answer-120x40

# an item that is not selected: the tree and the heading count follow, the selection stays
external answer set 1 g-1-3 partial
appears "~ 1-3 Accounts"
expect "3/3"
expect ">  o 1-2 VPN connections"
expect "+ 2 Backup and recovery"
# the TUI's own answer after the other's: both stay
keys n
expect "Saved: 1-2 answer = Not implemented"
expect "By party: *hospital Not implemented / vendor Implemented / agreed -"

# a screen on top (help): the navigator below reads everything again when it closes
keys '?'
external answer set 1 g-1-1 not_implemented
keys q
expect "x 1-1 Records"
expect ">  x 1-2 VPN connections"

# the dashboard's progress
keys q
expect "[######----]  60%"
external answer set 1 g-2-1 na
appears "[########--]  80%"
snap two-dash-120x40
