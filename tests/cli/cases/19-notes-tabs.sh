# A tab in a note (a row pasted from a spreadsheet) becomes spaces up to the next 8-column stop,
# measured in terminal columns (機器 = 4, サーバ = 6), instead of vanishing: core stores the note
# so (text_expand_tabs), the TUI's note editor inserts the same spaces. The golden files hold
# the spaces; a stored tab would differ (and show as \t in the JSON note).
anzen assess new fx-cl@R1 --fy 2025
anzen answer set 1 q1 yes --note "$(printf '機器\t台数\nサーバ\t3\nPC\t\t12')"
anzen assess show 1
anzen assess show 1 --json
