# The help screen is generated from the keymaps.
start 80 24
keys b
keys Enter
keys ?
snap help-browse-80x24
keys q
expect "Test guide"
LANG_UI=ja
start 80 24
keys b
keys ?
snap ja-help-catalogs-80x24
