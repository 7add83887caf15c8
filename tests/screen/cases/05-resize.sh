# Resize at any moment; below 80×24 a "terminal too small" screen; back to normal when enlarged.
start 100 30
keys b
keys Enter
resize 79 24
snap too-small-79x24
resize 80 23
expect "Need at least 80x24, have 80x23"
resize 120 40
snap resized-120x40
resize 80 24
snap resized-80x24
