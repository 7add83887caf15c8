# The terminal is restored when anzen is killed (SIGTERM) or crashes (SIGSEGV): the exit status
# tells the signal, and the TUI's screen is gone (the normal screen is back).
start 80 24
expect "Dashboard"
kill -TERM "$(app_pid)"
sleep 0.5
expect "[anzen exited 143]"
expect_not "Dashboard"
abandon
start 80 24
keys b Enter
kill -SEGV "$(app_pid)"
sleep 0.5
expect "[anzen exited 139]"
expect_not "Catalogs"
abandon
