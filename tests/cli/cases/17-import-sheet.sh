# anzen catalog import-sheet: a checklist CSV in UTF-8 with a BOM and the same in CP932 (made here
# with iconv), through the shipped R7-columns layout (data/layouts); the catalogs written validate
# and load; a shipped identity is refused; no overwrite without --force; malformed rows name the
# file and cell; a layout with an error names file:line:col. The shipped R8 skeleton's identity
# is simulated by a fixture catalog in ANZEN_CATALOG_PATH.
cp "$HERE/../../data/layouts/mhlw-checklist-r7-columns.yaml" r7.yaml
mkdir -p cats
cat >cats/r8.yaml <<'YAML'
format: anzen-catalog/1
catalog:
  id: mhlw-checklist-hospital
  version: R8
  revision: 1
  kind: checklist
  title: {ja: 骨組み（テスト）}
  publisher: テスト
  published: 2026-06
  source: {title: テスト, url: "https://example.invalid/r8"}
  completeness: {status: skeleton, note: {ja: テスト用。}}
  answers: [{value: "yes", label: {ja: はい}, meaning: positive}]
nodes: [{id: h, kind: heading, title: {ja: 見出し}}]
YAML
export ANZEN_CATALOG_PATH=cats
printf '\357\273\277令和8年度 チェックリスト（テスト）,,,,\r\n番号,確認項目,サーバ,端末PC,ネットワーク機器\r\n1-①,"責任者を置いている（兼務可, 記録あり）",－,－,－\r\n2-④,アクセス権限を設定している,,,－\r\n' >r8.csv
anzen catalog import-sheet r8.csv --layout r7.yaml -o r8.yaml
stat -c '%a %n' r8.yaml
grep -c '^  verified: false' r8.yaml
anzen catalog validate r8.yaml
anzen catalog import-sheet r8.csv --layout r7.yaml -o r8.yaml
anzen catalog import-sheet r8.csv --layout r7.yaml -o mine.yaml --version R8
sed '1s/^\xEF\xBB\xBF//' r8.csv | iconv -f UTF-8 -t CP932 >r8-sjis.csv
anzen catalog import-sheet r8-sjis.csv --layout r7.yaml -o cats/sjis.yaml --id my-r8 --version "1" --title "自院のR8チェックリスト"
anzen catalog show my-r8
printf '番号,確認項目,サーバ,端末PC,ネットワーク機器\n1-①,ある,,,\n,番号がない,,,\n' >bad.csv
anzen catalog import-sheet bad.csv --layout r7.yaml -o bad.yaml
ls bad.yaml
printf 'layout: anzen-sheet-layout/1\nheader_row: 1\ncolumns:\n  number: 番\n  text: B\n' >bad-layout.yaml
anzen catalog import-sheet r8.csv --layout bad-layout.yaml -o x.yaml
anzen catalog import-sheet r8.csv -o x.yaml
