#!/bin/sh
# Stands in for $EDITOR in screen tests: appends a Japanese line to the file it is given.
printf '%s\n' "外部エディタで追記した行" >>"$1"
