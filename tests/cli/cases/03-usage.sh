# Usage errors and English output.
anzen assess
anzen assess bogus
anzen answer set 1
anzen history --limit x --all
anzen assess new
ANZEN_LANG=en
export ANZEN_LANG
anzen org show
anzen vendor list
anzen assess list
