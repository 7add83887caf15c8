#!/usr/bin/env python3
"""What the navigator's bytes per key are made of, from a dump of the bench's terminal output.

    ANZEN_BENCH_DUMP=/tmp/nav.dump build/bin/anzen-bench
    python3 tests/bench/nav_dump_changed.py /tmp/nav.dump

Replays the dump through a small model of an 80x24 terminal (cursor moves, erase, text by column
width) and prints per navigation key the bytes sent, split into text, cursor moves, colour/attribute
changes (SGR and the charset reset xterm's sgr0 carries) and clears, and the bytes of the
characters that actually differ on screen (non-blank cells only), and the least any screen diff
could send for those changes (one cursor move per run of changed cells, blank tails erased, no
attribute change): what no drawing code can go below for the content shown.
A figure, not a test."""
import re
import sys
import unicodedata

ROWS, COLS, TREE_COLS = 24, 80, 33  # the tree column and its border at 80x24
CSI = re.compile(r'\x1b\[([0-9;?>]*)([A-Za-z@])')


def width(ch):
    return 2 if unicodedata.east_asian_width(ch) in 'WF' else 1


class Screen:
    def __init__(self):
        self.cells = [[' '] * COLS for _ in range(ROWS)]
        self.x = self.y = 0

    def blank(self, y, x0, x1):
        for c in range(x0, x1):
            self.cells[y][c] = ' '

    def feed(self, s, tally=None):
        i = 0
        while i < len(s):
            ch = s[i]
            if ch == '\x1b':
                m = CSI.match(s, i)
                if not m:
                    n = 3 if s.startswith('\x1b(B', i) else 2
                    if tally is not None:
                        tally['sgr'] += n
                    i += n
                    continue
                params, final = m.group(1), m.group(2)
                i = m.end()
                if tally is not None:
                    kind = 'sgr' if final == 'm' else 'clear' if final in 'KJX' else 'move'
                    tally[kind] += len(m.group(0))
                if params[:1] in ('?', '>'):
                    continue
                a = [int(v) if v else 0 for v in params.split(';')] if params else []
                arg = lambda k, d: a[k] if len(a) > k and a[k] else d  # noqa: E731
                if final in 'Hf':
                    self.y, self.x = arg(0, 1) - 1, arg(1, 1) - 1
                elif final == 'd':
                    self.y = arg(0, 1) - 1
                elif final == 'G':
                    self.x = arg(0, 1) - 1
                elif final == 'C':
                    self.x += arg(0, 1)
                elif final == 'D':
                    self.x -= arg(0, 1)
                elif final == 'A':
                    self.y -= arg(0, 1)
                elif final == 'B':
                    self.y += arg(0, 1)
                elif final == 'K':
                    self.blank(self.y, self.x, COLS)
                elif final == 'X':
                    self.blank(self.y, self.x, min(COLS, self.x + arg(0, 1)))
                elif final == 'J':
                    for r in range(0 if arg(0, 0) == 2 else self.y, ROWS):
                        self.blank(r, 0 if arg(0, 0) == 2 or r > self.y else self.x, COLS)
                continue
            if ch in '\r\b\n':
                if tally is not None:
                    tally['move'] += 1
                self.x = 0 if ch == '\r' else self.x - 1 if ch == '\b' else self.x
                self.y += ch == '\n'
            elif ch >= ' ':
                if tally is not None:
                    tally['text'] += len(ch.encode())
                if 0 <= self.y < ROWS and 0 <= self.x < COLS:
                    self.cells[self.y][self.x] = ch
                    if width(ch) == 2 and self.x + 1 < COLS:
                        self.cells[self.y][self.x + 1] = ''
                self.x += width(ch)
            i += 1


def run_text_bytes(cells):
    """The text of a run, a blank stretch sent as spaces or as one ECH, whichever is shorter."""
    total = blank = 0
    for ch in cells:
        if ch in (' ', ''):
            blank += ch == ' '
            continue
        total += min(blank, len(f'\x1b[{blank}X')) if blank else 0
        blank = 0
        total += len(ch.encode())
    return total + (min(blank, len(f'\x1b[{blank}X')) if blank else 0)


def floor_bytes(old, new):
    """The least a screen diff could send to turn old into new: per row, runs of differing cells
    (gaps under 5 columns rewritten), each reached by one cursor move (CUP, or CUF on the same row),
    blank tails erased with EL, blank stretches by ECH where shorter, and no attribute change at all."""
    total = 0
    for r in range(ROWS):
        diff = [c for c in range(COLS) if new[r][c] != old[r][c]]
        if not diff:
            continue
        runs, start, end = [], diff[0], diff[0]
        for c in diff[1:]:
            if c - end > 5:
                runs.append((start, end))
                start = c
            end = c
        runs.append((start, end))
        prev_end = None
        for a, b in runs:
            total += len(f'\x1b[{r + 1};{a + 1}H') if prev_end is None else len(f'\x1b[{a - prev_end}C')
            if all(new[r][c] in (' ', '') for c in range(a, COLS)):
                total += 3  # EL
                break
            total += run_text_bytes(new[r][a:b + 1])
            prev_end = b + 1
    return total


def main(path):
    data = open(path, 'rb').read().decode('utf-8', 'replace')
    before_nav, nav = data.split('=====NAV=====\n', 1)
    keys = nav.split('\n=====K=====\n')[:-1]
    scr = Screen()
    scr.feed(before_nav)
    tally = {'text': 0, 'move': 0, 'sgr': 0, 'clear': 0}
    sent = changed = changed_tree = floor = 0
    for k in keys:
        old = [row[:] for row in scr.cells]
        scr.feed(k, tally)
        sent += len(k.encode())
        floor += floor_bytes(old, scr.cells)
        for r in range(ROWS):
            for c in range(COLS):
                ch = scr.cells[r][c]
                if ch != old[r][c] and ch not in (' ', ''):
                    changed += len(ch.encode())
                    changed_tree += len(ch.encode()) if c < TREE_COLS else 0
    n = len(keys) or 1
    print(f'{len(keys)} keys: {sent / n:.0f} bytes per key sent, of which text {tally["text"] / n:.0f}, '
          f'cursor moves {tally["move"] / n:.0f}, attributes {tally["sgr"] / n:.0f}, clears {tally["clear"] / n:.0f}')
    print(f'characters that differ on screen: {changed / n:.0f} bytes per key '
          f'({changed_tree / n:.0f} in the tree, {(changed - changed_tree) / n:.0f} in the detail pane)')
    print(f'least any screen diff could send for them (cursor moves and text, no attribute change at all): '
          f'{floor / n:.0f} bytes per key')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: nav_dump_changed.py DUMP (written by ANZEN_BENCH_DUMP=DUMP anzen-bench)')
    main(sys.argv[1])
