#!/usr/bin/env python3
"""The comparison for anzen-bench: the same workbook anzen's XLSX renderer writes, with openpyxl.

Reads an anzen JSON export (format anzen-export/1) and writes its tables as anzen does: a title
row, bold shaded header, thin borders, wrapped text, column widths, frozen header, A4 portrait.
Prints one line: "openpyxl SECONDS ROWS" where SECONDS covers building and saving the workbook
(the interpreter start, the import and reading the JSON are left out, in openpyxl's favour).
The caller measures the process's peak memory."""
import json
import sys
import time

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side


def main(src, dst):
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    t0 = time.perf_counter()
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_fill = PatternFill("solid", fgColor="E8E8E8")
    group_fill = PatternFill("solid", fgColor="F2F2F2")
    wrap = Alignment(vertical="top", wrap_text=True)
    rows = 0
    for s, sec in enumerate(doc["sections"]):
        ws = wb.create_sheet(sec.get("sheet") or sec["heading"])
        r = 1
        if s == 0:
            ws.cell(r, 1, doc["title"]).font = Font(bold=True, size=16)
            r += 2
        for blk in sec["blocks"]:
            if blk["type"] != "table":
                ws.cell(r, 1, blk.get("text", "")).alignment = wrap
                r += 1
                continue
            cols = blk["columns"]
            for c, col in enumerate(cols, 1):
                ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = col["width"] + 2
                cell = ws.cell(r, c, col["header"])
                cell.font = Font(bold=True)
                cell.fill = header_fill
                cell.border = border
                cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
            ws.freeze_panes = ws.cell(r + 1, 1)
            r += 1
            for row in blk["rows"]:
                if row["type"] == "group":
                    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(cols))
                    cell = ws.cell(r, 1, row["label"])
                    cell.font = Font(bold=True)
                    cell.fill = group_fill
                    cell.border = border
                else:
                    for c, text in enumerate(row["cells"], 1):
                        cell = ws.cell(r, c, text)
                        cell.border = border
                        cell.alignment = wrap
                r += 1
                rows += 1
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "portrait"
        ws.page_setup.fitToWidth = 1
    wb.save(dst)
    print(f"openpyxl {time.perf_counter() - t0:.4f} {rows}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
