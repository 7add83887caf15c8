# The catalog browser (issue #2; b on the dashboard), at 80×24 and 120×40; q quits with status 0.
start 80 24
keys b
snap catalogs-80x24
keys Down
snap catalogs-80x24-down
keys q q
expect "[anzen exited 0]"
start 120 40
keys b
snap catalogs-120x40
keys Q
expect "[anzen exited 0]"
