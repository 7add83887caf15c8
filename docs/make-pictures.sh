#!/usr/bin/env bash
# Remakes the README's pictures of the exports (docs/checklist-xlsx.png, docs/gaps-html.png) from a
# small example: a hospital, its PACS vendor and 13 answers of the R7 checklist. Not part of the
# build or the tests; it needs LibreOffice (calc), poppler-utils, wkhtmltopdf and python3-pil:
#   apt-get install libreoffice-calc-nogui poppler-utils wkhtmltopdf python3-pil
# Usage: docs/make-pictures.sh [BUILD]   (BUILD defaults to build; run from the repository)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
anzen="$top/${1:-build}/bin/anzen"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export ANZEN_DB="$work/a.db" ANZEN_USER="山田 太郎" ANZEN_LANG=ja LC_ALL=C.UTF-8
"$anzen" org add --name 〇〇市立総合病院 --security-officer "山田 太郎" >/dev/null
"$anzen" vendor add A社メディカル >/dev/null
"$anzen" system add PACS --category pacs --vendor A社メディカル --remote yes --remote-method VPN装置 >/dev/null
"$anzen" assess new mhlw-checklist-hospital@R7 --fy 2025 >/dev/null
a() { "$anzen" answer set 1 "$@" >/dev/null; }
a c7-1-01 yes --checked 2025-04-01 --evidence 情報セキュリティ責任者任命書.pdf
a c7-1-02 yes --checked 2025-04-01 --evidence 運用管理規程_第3版.pdf
a c7-2-01 yes --checked 2025-04-10
a c7-2-02 yes --checked 2025-04-10 --note "PACS・検査装置の3台"
a c7-2-03 no --due 2025-09-30 --note "A社に依頼済み（5月回答予定）"
a c7-2-04-server yes --checked 2025-04-15
a c7-2-04-pc no --due 2025-12-31 --note "共用アカウントが残る病棟端末あり"
a c7-2-05-server yes --checked 2025-04-15
a c7-2-06 no --due 2025-06-30 --note "PACSサーバは事業者が月次で適用"
a c7-2-07 yes --checked 2025-04-20
a c7-2-10 no --due 2027-03-31 --note "令和9年度までに導入"
a c7-3-01 yes --checked 2025-05-01 --evidence 連絡体制図_2025.xlsx
a c7-3-02 yes --checked 2025-05-01
"$anzen" export checklist 1 -o checklist.xlsx --date 2025-06-01 >/dev/null
"$anzen" export gaps 1 -o gaps.html --date 2025-06-01 >/dev/null
# the workbook as LibreOffice prints it (A4, one page wide), the top of page 1
soffice --headless --convert-to pdf checklist.xlsx >/dev/null 2>&1
pdftoppm -r 110 -f 1 -l 1 -png checklist.pdf checklist
# the HTML page as a browser engine draws it
QT_QPA_PLATFORM=offscreen wkhtmltoimage --width 800 gaps.html gaps.png >/dev/null 2>&1
/usr/bin/python3 - "$top/docs" <<'PY'
import sys
from PIL import Image
out = sys.argv[1]
im = Image.open("checklist-1.png").convert("RGB")
im.crop((40, 55, im.width - 40, 720)).quantize(64).save(f"{out}/checklist-xlsx.png", optimize=True)
im = Image.open("gaps.png").convert("RGB")
im.crop((0, 0, im.width, 1150)).quantize(64).save(f"{out}/gaps-html.png", optimize=True)
PY
echo "wrote $top/docs/checklist-xlsx.png and $top/docs/gaps-html.png"
