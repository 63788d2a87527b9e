#!/usr/bin/env bash
# Drives `top` in tmux over a scripted process tree: tree shape, sort, search, filter, kill
# from the signal menu, suspend/resume, resize, and q restoring the terminal.
# Usage: top.sh DKCTL FIXTURES_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../tui-test.sh"
dkctl=$1
cd "$2"
fail() { echo "FAIL: $*" >&2; tui_screen >&2; exit 1; }
stty_file=$(mktemp)
# Spawned in this order, the PIDs are fixed: echoer 3, spinner 4, tree 5 (its children 6 and 7).
script='spawn echoer.orch; spawn spinner.orch; spawn tree.orch; sleep 0.2; top -d 0.2; wait 3; ps -o pid,name'
tui_start 100 30 sh -c 'stty -g >"$1.before"; "$0" -c "$2"; code=$?; stty -g >"$1.after"; exit $code' \
  "$dkctl" "$stty_file" "$script"

# The tree.
tui_wait 'PID NAME@VERSION' || fail "no table"
tui_wait '└─ dkctl@0.1.0' || fail "no shell under init"
tui_wait '^ +3 +├─ echoer@1.0.0' || fail "no echoer under the shell"
tui_wait '^ +4 +├─ spinner@1.0.0' || fail "no spinner under the shell"
tui_wait '^ +5 +└─ tree@1.0.0' || fail "no tree process, last under the shell"
tui_wait '^ +6 +├─ tree@1.0.0' || fail "children of tree are not nested"
tui_wait '^ +7 +└─ tree@1.0.0' || fail "the last child of tree is not drawn last"

# Sort: flat list by CPU% puts the spinner first.
tui_keys F5 P
tui_until 10 sh -c "tmux -S '$TUI_SOCK' capture-pane -p -t tui | grep -A1 'PID NAME@VERSION' | tail -n 1 | grep -q spinner" \
  || fail "sorting by CPU% did not put the spinner first"
tui_keys F5

# Search selects echoer: its threads show below.
tui_keys / 'echoer' Enter
tui_wait 'threads of 3' || fail "search did not select echoer"

# Filter shows only matching processes (and their ancestors).
tui_keys '\' 'tree' Enter
tui_until 5 sh -c "! tmux -S '$TUI_SOCK' capture-pane -p -t tui | grep -q spinner" || fail "the filter kept the spinner"
tui_wait '├─ tree@1.0.0|└─ tree@1.0.0' || fail "the filter lost tree"
tui_keys Escape
tui_wait 'spinner@1.0.0' || fail "Esc did not clear the filter"

# Suspend and resume the spinner (select it by searching).
tui_keys / 'spinner' Enter
tui_wait 'threads of 4' || fail "search did not select the spinner"
tui_keys s
tui_wait 'spinner@1.0.0 +suspended' || fail "s did not suspend the spinner"
tui_keys r
tui_until 10 sh -c "! tmux -S '$TUI_SOCK' capture-pane -p -t tui | grep -q 'spinner@1.0.0 *suspended'" \
  || fail "r did not resume the spinner"

# Kill echoer from the signal menu (KILL is the second entry).
tui_keys / 'echoer' Enter
tui_wait 'threads of 3' || fail "search did not select echoer again"
tui_keys k
tui_wait 'Send signal' || fail "no signal menu"
tui_keys Down Enter
tui_until 10 sh -c "tmux -S '$TUI_SOCK' capture-pane -p -t tui | grep -q 'echoer@1.0.0 *exited'" || fail "echoer did not exit"

# Resize to 80x24 and back.
tmux -S "$TUI_SOCK" resize-window -t tui -x 80 -y 24
tui_until 10 sh -c "tmux -S '$TUI_SOCK' capture-pane -p -t tui | head -n 1 | grep -q 'dkctl top'" || fail "no header at 80x24"
widest=$(tui_screen | python3 -c 'import sys; print(max(len(line.rstrip("\n")) for line in sys.stdin))')
[ "$widest" -le 80 ] || fail "a line is $widest characters wide at 80 columns"
tmux -S "$TUI_SOCK" resize-window -t tui -x 100 -y 30
tui_wait 'spinner@1.0.0' || fail "lost the table after resizing back"

# q returns to the shell, which goes on: it reaps echoer (killed by KILL) and ps shows it gone.
tui_keys q
status=$(tui_exit_status 10) || fail "dkctl did not exit after q"
[ "$status" = 0 ] || fail "exit status $status after q"
tui_screen | grep -q '3 exited with code 137 (killed by KILL)' || fail "wait after top did not see the KILL"
tui_screen | grep -qE '^ +4 +spinner$' || fail "ps after top did not run"
if tui_screen | grep -qE '^ +3 +echoer$'; then fail "echoer survived the KILL"; fi
cmp -s "$stty_file.before" "$stty_file.after" || fail "terminal settings were not restored"
tui_stop
echo "top: ok"
