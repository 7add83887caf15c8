# The hospital, a vendor and the PACS from the vendor guide (shared seed 004).
anzen org add --name さくら総合病院 --beds 320 --administrator "院長 田中一郎" \
    --security-officer "情報システム課長 佐藤花子" --planning-manager "事務部長 鈴木" \
    --operations-staff "情報システム課 高橋、伊藤"
anzen org add --name 二重登録
anzen org show
anzen org edit --beds 330
anzen org show --json
anzen vendor add ネオ画像システム株式会社 --contact "保守窓口 山本" --isms yes --isms-expiry R9.3.31 --pmark no
anzen vendor add ネオ画像システム株式会社
anzen vendor add 期限切れ商会 --pmark あり --pmark-expiry 令和8年3月31日
anzen vendor add 日付不正 --isms-expiry 令和元年4月30日
anzen vendor list
anzen vendor show "#1" --json
anzen system add 画像管理システム --category PACS --vendor ネオ画像システム株式会社 \
    --hosting オンプレミス --remote yes --remote-method "保守作業時のみのリモートログイン" \
    --remote-restriction "保守センターの固定IPのみ" --medical-device yes --patient-data yes \
    --sbom yes --sbom-ref "各製品の SBOM" --end-of-support R12.3.31 \
    --backup-method "シャットダウン時にバックアップディスクへ差分コピー" --backup-generations 1 \
    --restore-by "事業者の保守担当者" --restore-method "データ: 最後に正常シャットダウンした時点へ
システム: OS の復元ポイント／設置時イメージ" \
    --port-in "5432|TCP|データベース接続用" --port-in "104||DICOM QR 接続用|変更可" \
    --port-in "80,808,8080||画像閲覧ツール|オプション" --port-out "7,69,1024||当社モダリティ接続用" \
    --storage "メインディスク|D:¥MainImage|撮影画像" --storage "システムディスク|C:¥Program Files¥PostgreSQL¥***¥data|患者情報データベース" \
    --connection "保守センター|VPN|リモート保守" --control "ファイアウォール|必要なポートのみ開放"
anzen system add 謎の装置 --category toaster
anzen system add 謎の装置 --category 電子カルテ --vendor 無い会社
anzen system add 謎の装置 --category 電子カルテ --end-of-support 2030-13-01
anzen system list
anzen system show 画像管理システム
anzen system edit 画像管理システム --clear-storage --remote-restriction "都度許可"
anzen history --entity system
