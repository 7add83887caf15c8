# The first screen (issue #2): the catalogs, at 80×24 and 120×40; q quits with status 0.
start 80 24
snap catalogs-80x24
keys Down
snap catalogs-80x24-down
keys q
expect "[anzen exited 0]"
start 120 40
snap catalogs-120x40
keys Q
expect "[anzen exited 0]"
