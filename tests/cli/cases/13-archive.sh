# Archive and restore an assessment (issue 12): a mistaken create is hidden from the lists (and
# the dashboard), listed with --archived, kept with its answers and history, restorable, and both
# steps are in the history and undoable.
anzen assess new fx-cl@R1 --fy 2025
anzen assess new fx-gl@1 --fy 2025
anzen answer set 2 g-1 実施
anzen assess archive 2
anzen assess archive 2
anzen assess list
anzen assess list --archived
anzen assess show 2
anzen progress
anzen assess undo 2
anzen assess list
anzen assess archive 2
anzen assess restore 2
anzen assess restore 2
anzen history --assessment 2
anzen assess archive 9
ANZEN_LANG=en
export ANZEN_LANG
anzen assess archive 1
anzen assess list --archived --json
