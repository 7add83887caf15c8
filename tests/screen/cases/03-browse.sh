# Browsing a catalog tree: open, move, collapse/expand, focus the detail, back with q.
start 80 24
keys b
keys Enter
snap browse-80x24
keys Down
snap browse-item-80x24
keys Left
keys Left
snap browse-collapsed-80x24
keys Right Down Down Tab
snap browse-detail-focus-80x24
keys q
snap browse-back-80x24
