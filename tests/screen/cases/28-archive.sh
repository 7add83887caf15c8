# An archived assessment is hidden from the dashboard (issue 12): archived from the command line
# while the workbench runs, it disappears within the idle reload; restored, it comes back.
cli assess new fx-check@1 --fy 2026
cli assess new fx-guide@1 --fy 2026
start 80 24
expect "#2"
cli assess archive 2
sleep 1
keys Down
expect "#1"
expect_not "#2 "
snap archive-dashboard-80x24
cli assess restore 2
sleep 1
keys Up
expect "#2"
