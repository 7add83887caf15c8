#!/usr/bin/env python3
# Writes the spreadsheet fixtures of the bad-input catalogue (committed; a developer tool, not run
# by the tests). Each breaks one thing in an XLSX for `anzen catalog import-sheet` with the
# shipped R7-columns layout; good.xlsx is the same checklist unbroken (the cases that need a
# readable workbook start from it).
import os, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
ROOT_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
             'Target="xl/workbook.xml"/></Relationships>')
WB = (f'<?xml version="1.0"?><workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<sheets><sheet name="チェックリスト" sheetId="1" r:id="rId1"/></sheets></workbook>')
WB_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
           '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
           '</Relationships>')
STRINGS = ["番号", "確認項目", "サーバ", "端末PC", "ネットワーク機器", "1-①", "責任者を置いている", "－", "2-④", "アクセス権限を設定している"]

def sst(strings):
    return f'<?xml version="1.0"?><sst {NS}>' + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>"

def cell(ref, idx):
    return f'<c r="{ref}" t="s"><v>{idx}</v></c>'

def sheet(rows):
    out = f'<?xml version="1.0"?><worksheet {NS}><sheetData>'
    for r, cells in enumerate(rows, 1):
        out += f'<row r="{r}">' + "".join(cell(f"{'ABCDE'[c]}{r}", v) for c, v in enumerate(cells) if v is not None) + "</row>"
    return out + "</sheetData></worksheet>"

GOOD_ROWS = [[0, 1, 2, 3, 4], [5, 6, 7, 7, 7], [8, 9, None, None, 7]]

def book(name, parts):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            z.writestr(part, data)

def good_parts(**over):
    parts = {"_rels/.rels": ROOT_RELS, "xl/workbook.xml": WB, "xl/_rels/workbook.xml.rels": WB_RELS,
             "xl/sharedStrings.xml": sst(STRINGS), "xl/worksheets/sheet1.xml": sheet(GOOD_ROWS)}
    parts.update(over)
    return {k: v for k, v in parts.items() if v is not None}

book("good.xlsx", good_parts())
with open(os.path.join(HERE, "good.xlsx"), "rb") as f:
    data = f.read()
with open(os.path.join(HERE, "truncated.xlsx"), "wb") as f:
    f.write(data[: len(data) // 2])
with open(os.path.join(HERE, "not-zip.xlsx"), "w", encoding="utf-8") as f:
    f.write("これは XLSX ではありません\n")
book("no-workbook.xlsx", good_parts(**{"xl/workbook.xml": None}))
book("dtd.xlsx", good_parts(**{"xl/worksheets/sheet1.xml":
     f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
     f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>'}))
book("bad-xml.xlsx", good_parts(**{"xl/worksheets/sheet1.xml":
     f'<?xml version="1.0"?>\n<worksheet {NS}>\n<sheetData>\n<row r="1"><c r="A1"><v>1</v></row>\n</sheetData></worksheet>'}))
book("bad-string-index.xlsx", good_parts(**{"xl/worksheets/sheet1.xml": sheet([[0, 1, 2, 3, 4], [5, 99, 7, 7, 7]])}))
book("missing-number.xlsx", good_parts(**{"xl/worksheets/sheet1.xml": sheet([[0, 1, 2, 3, 4], [5, 6, 7, 7, 7], [None, 9, 7, 7, 7]])}))
book("no-header.xlsx", good_parts(**{"xl/worksheets/sheet1.xml": sheet([[5, 6, 7, 7, 7]])}))
