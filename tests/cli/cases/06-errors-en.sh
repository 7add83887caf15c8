# The refusals of 01-workspace and 02-assessment again in the English UI: the status table's
# English messages (core/base/status.c) read as core's sentences did before it.
ANZEN_LANG=en
export ANZEN_LANG
anzen org add --name さくら総合病院
anzen org add --name 二重登録
anzen vendor add ネオ画像システム株式会社
anzen vendor add ネオ画像システム株式会社
anzen vendor add 日付不正 --isms-expiry 令和元年4月30日
anzen system add 謎の装置 --category toaster
anzen system add 謎の装置 --category 電子カルテ --vendor 無い会社
anzen system add 謎の装置 --category 電子カルテ --end-of-support 2030-13-01
anzen system add 画像管理システム --category PACS --vendor ネオ画像システム株式会社
anzen assess new fx-gl@1 --fy 2025
anzen assess new fx-cl@R1 --fy 2025
anzen assess new fx-cl@R1 --fy 2025
anzen assess new no-such-catalog --fy 2025
anzen assess new fx-gl --fy 令和99年度x
anzen answer set 1 g-9 done
anzen answer set 1 h1 done
anzen answer set 1 g-1 maybe
anzen answer set 1 g-2 not_done --due 2026-02-30
anzen answer set 1 g-2 not_done --due 平成31年5月1日
anzen answer set 1 g-2 not_done --owner-vendor 無い会社
anzen answer set 2 q1 yes --done 2025-04-01
anzen answer set 9 g-1 done
anzen assess carry 1 --to-fy 2026
anzen assess carry 1 --to-fy 2026
anzen diff 1 99
anzen assess undo 2
anzen answer set 1 g-1 done
anzen answer accept P1
anzen answer accept P1
# and in Japanese, where the UI is Japanese: the same refusal names the field in Japanese
ANZEN_LANG=ja
anzen answer set 1 g-1 maybe
anzen --lang en answer set 1 g-1 maybe
