#!/usr/bin/env python3
# An XLSX as the text form fuzz_xlsx.c reads: each part as a line "%% NAME" and its bytes. A
# developer tool for the seed corpus in tests/fuzz/xlsx/ (the seeds are committed):
#   python3 tests/fuzz/xlsx-seed.py book.xlsx > tests/fuzz/xlsx/book.txt
# Parts other than the workbook, its relationships, shared strings and worksheets are left out
# (the reader does not look at styles, themes or document properties).
import sys, zipfile

keep = lambda n: n in ("_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml") \
    or n.startswith("xl/worksheets/sheet")
out = sys.stdout.buffer
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in z.namelist():
        if keep(name):
            data = z.read(name)
            out.write(b"%% " + name.encode() + b"\n" + data + (b"" if data.endswith(b"\n") else b"\n"))
