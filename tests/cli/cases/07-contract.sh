# A maintenance contract and its annex: the scenario PACS with the fixture clause library
# (tests/fixtures/contract, whose maps point into the screen-test catalogs). Proposals and why,
# a decision needs a reason, typed parameters, the matrix, the annex in three formats (no
# overwrite without --force, 0600), its digest, and a template error with file:line:col.
export ANZEN_CATALOG_PATH=$HERE/../screen/data/catalogs:$HERE/../fixtures/contract
export ANZEN_TEMPLATES_DIR=$HERE/../../templates  # the shipped annex template (the case's data dir has none)
anzen org add --name テスト総合病院 >/dev/null
anzen vendor add A社 >/dev/null
anzen system add PACS --category pacs --vendor A社 --hosting on-premises --remote yes --remote-method IPsec-VPN \
    --patient-data yes >/dev/null
anzen contract new --system PACS
anzen contract new --vendor A社 --system PACS --system 無い装置
anzen contract new --vendor A社 --system PACS --start R9.4.1 --end R8.3.31 --clauses fx-clauses
anzen contract new --vendor A社 --system PACS --ref 保守契約第12号 --start R8.4.1 --end 2027-03-31 --clauses fx-clauses
anzen contract list
anzen contract list --json
anzen contract clause exclude 保守契約第12号 C08
anzen contract clause exclude 保守契約第12号 C08 --reason "保守でデータを持ち出さない"
anzen contract clause include 1 C99 --reason x
anzen contract param set 1 C06 log_months 24時間
anzen contract param set 1 C06 log_months ２４
anzen contract param set 1 C06 approval 口頭
anzen contract matrix set 1 network emergency 共同 --note "VPN装置の障害は共同で切り分け"
anzen contract matrix set 1 network 平時 joint
anzen contract show 1
anzen contract history 1
anzen export annex 1 --date 2026-04-01 -o annex.md
cat annex.md
anzen export annex 1 --date 2026-04-01 -o annex.md
anzen export annex 1 --date 2026-04-01 --format docx -o annex.bin
anzen export annex 1 --date 2026-04-01 -o annex.html
stat -c '%a %n' annex.md annex.bin annex.html
anzen export annex 1 --date 2026-04-01 --digest
anzen export annex 1 -o annex.pdf
printf '# {{title}}\n{{#each articles}}\n{{nubmer}}\n' >bad.md
anzen export annex 1 --template bad.md -o x.md
anzen export annex 2 -o x.md
