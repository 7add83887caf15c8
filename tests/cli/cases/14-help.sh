# Help for every command from the one command table (issue 12): anzen help [COMMAND [SUB]],
# COMMAND --help, COMMAND SUB --help, in Japanese (the case default) and English; an unknown
# command or subcommand is a usage error. tests/cli/help_coverage.sh checks that nothing is missing.
anzen help
anzen help vendor
anzen catalog list --help
anzen org add --help
anzen system edit PACS --port-in '443|tcp|x|' --help
anzen progress --help
anzen history -h
anzen help bogus
anzen help vendor bogus
anzen vendor
anzen vendor bogus
ANZEN_LANG=en
export ANZEN_LANG
anzen --help
anzen help assess carry
anzen answer set --help
anzen export annex --help
anzen help key new
