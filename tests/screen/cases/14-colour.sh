# Colours by role; NO_COLOR (set and non-empty) gives the monochrome theme: no colour at all, the
# selection still visible (reverse video).
has_colour() { screen_escapes | grep -qE $'\e\\[[0-9;]*(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+)[;m]'; }
has_reverse() { screen_escapes | grep -qE $'\e\\[[0-9;]*7[;m]'; }
start 80 24
keys b
check "colours are used by default" has_colour
EXTRA_ENV="NO_COLOR=1" start 80 24
keys b
check "NO_COLOR=1: no colour escape sequences" eval '! has_colour'
check "NO_COLOR=1: selection in reverse video" has_reverse
snap mono-catalogs-80x24
EXTRA_ENV="NO_COLOR=" start 80 24
keys b
check "NO_COLOR empty: colours stay on" has_colour
