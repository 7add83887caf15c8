# List edits on the command line (issue 12): `system edit PACS --port-in …` used to replace all
# seven ports silently. A row option adds a row; --replace-ports / --clear-ports (and the same for
# storage, connections, controls) are explicit, and the CLI prints what changed.
anzen vendor add 〇〇メディカル
anzen system add PACS --category PACS --vendor 〇〇メディカル --remote yes --remote-method VPN \
    --port-in '104|TCP|DICOM受信' --port-in '443|TCP|Web閲覧' --port-in '22|TCP|保守用SSH' \
    --port-in '5432|TCP|DB' --port-out '104|TCP|DICOM送信' --port-out '123|UDP|時刻同期' --port-out '443|TCP|更新確認' \
    --storage 'SSD|サーバ室|画像'
anzen system edit PACS --port-in '8443|TCP|管理画面'
anzen system show PACS --json
anzen system edit PACS --replace-ports --port-in '104|TCP|DICOM受信' --port-out '104|TCP|DICOM送信'
anzen system edit PACS --remote-method IPsec-VPN --note 保守は月1回
anzen system edit PACS --remote-method IPsec-VPN
anzen system edit PACS --clear-storage
anzen system show PACS
# contradictory or incomplete list edits are usage errors, nothing written
anzen system edit PACS --clear-ports --port-in '80|TCP|x'
anzen system edit PACS --replace-ports
anzen system edit PACS --port-in '99999|TCP|x'
anzen system show PACS --json
anzen vendor edit 〇〇メディカル --isms yes --isms-expiry 2027-03-31
ANZEN_LANG=en
export ANZEN_LANG
anzen system edit PACS --control '物理|サーバ室は施錠' --connection '〇〇メディカル|IPsec-VPN|リモート保守'
