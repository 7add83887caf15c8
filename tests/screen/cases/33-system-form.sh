# Every system field in the TUI form (issue 12), in Japanese at 80x24: the form is built from core's
# one field table (workspace/fields.h), the same the CLI's system add/edit and JSON use. Fill every
# field - restore by and method, remote-access restriction, SBOM and its reference, backup
# generations, disposal, documents, security updates by / in contract - save, and check that
# `anzen system show --json` has each. The multi-line fields (backup method, restore procedure,
# disposal, documents, note) open the note editor: ^S there keeps the text in the form, and a
# procedure typed on two lines is saved with its line break.
LANG_UI=ja
cli vendor add 西日本メディカル
start 80 24
keys i Down Down Down Enter
expect "接続元の制限"
text() { keys Enter; type_text "$1"; keys Enter Down; }
lines() { keys Enter; type_text "$1"; keys C-s Down; }
text 画像サーバ
keys Enter Enter Down          # category: ehr -> ordering -> pacs
keys Enter Down                # vendor: 西日本メディカル
text PACS-X
text 5.2
keys Enter Down                # hosting: オンプレミス
keys Enter Down                # remote maintenance: yes
text IPsec-VPN
text 保守センターのIPのみ
keys Enter Down                # medical device: yes
keys Enter Enter Down          # patient data in maintenance: no
keys Enter Down                # SBOM: yes
text SBOM-2025.json
text 令和7年3月31日
lines シャットダウン時に差分コピー
text 3
text 事業者の保守担当者
keys Enter; type_text バックアップディスクから復元; keys Enter; type_text OSは設置時イメージ
expect "OSは設置時イメージ"
snap ja-system-form-lines-80x24
keys C-s Down
lines ディスクを物理破壊
lines "MDS/SDS Ver.5"
lines 備考です
keys Enter Enter Down          # security updates by: hospital -> vendor
keys Enter                     # stated in the contract: yes
expect "更新責任の契約記載"
snap ja-system-form-80x24
keys C-s
expect "保存しました: 画像サーバ"
expect "PACS / オンプレミス / 西日本メディカ~ サポート終了"
cli system show 画像サーバ --json
has() { grep -qF "$(printf '"%s":\t%s' "$1" "$2")" "$CASE_DIR/cli.out"; }
check "category" has category '"pacs"'
check "vendor" has vendor '"西日本メディカル"'
check "product" has product '"PACS-X"'
check "version" has product_version '"5.2"'
check "hosting" has hosting '"on-premises"'
check "remote" has remote_maintenance '"yes"'
check "remote method" has remote_method '"IPsec-VPN"'
check "restriction" has remote_source_restriction '"保守センターのIPのみ"'
check "medical device" has medical_device '"yes"'
check "patient data" has patient_data_in_maintenance '"no"'
check "sbom" has sbom_available '"yes"'
check "sbom ref" has sbom_ref '"SBOM-2025.json"'
check "end of support" has end_of_support '"2025-03-31"'
check "backup method" has backup_method '"シャットダウン時に差分コピー"'
check "backup generations" has backup_generations 3
check "restore by" has restore_by '"事業者の保守担当者"'
check "restore method, two lines" has restore_method '"バックアップディスクから復元\nOSは設置時イメージ"'
check "disposal" has disposal '"ディスクを物理破壊"'
check "documents" has documents '"MDS/SDS Ver.5"'
check "note" has note '"備考です"'
check "updates by" has security_updates_by '"vendor"'
check "updates in contract" has security_updates_in_contract '"yes"'
