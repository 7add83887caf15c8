# Hostile text in names, notes and arguments (issue 14): escape sequences and carriage returns are
# shown, never written raw (caret notation; \uXXXX for C1 controls and bidi overrides, which --json
# escapes the same way); arguments that are not UTF-8 are refused with exit 2 and nothing stored.
# `od -c` makes every byte the CLI wrote visible in the golden file.
anzen org add --name $'\e]0;PWNED\a\e[2J東病院'
anzen org show | od -An -c | head -3
anzen org show --json | head -3
anzen vendor add $'業者\r上書き'
anzen vendor list | od -An -c | head -2
anzen vendor add $'逆\xe2\x80\xae順\xc2\x9b31m'
anzen vendor list --json | grep name
anzen assess new fx-gl@1 --fy 2025
anzen answer set 1 g-1 done --note $'一行目\r\e[1A\e[2K偽の行'
anzen history --assessment 1 | grep note
anzen history --assessment 1 | grep -c $'[\e\r]'
# not UTF-8: refused before anything runs, named by the option or the argument's position
anzen answer set 1 g-2 done --note $'bad\xff'
anzen org edit --name $'\xe6\x9d'
anzen answer set 1 $'g\xfe' done
ANZEN_LANG=en
export ANZEN_LANG
anzen answer set 1 g-2 done --note $'bad\xffです'
anzen assess show 1 --json | grep -c '"items"'
anzen assess show 1 --json | grep '"item_count"'
