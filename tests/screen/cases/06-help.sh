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
# In an assessment the help also lists the catalog's answer keys (data, not keymap).
start 80 24
keys n Enter Enter
keys ?
snap ja-help-navigator-80x24
# the answer keys come last: the next page
keys PageDown
expect "回答: 未実施"
