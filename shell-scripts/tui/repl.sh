#!/usr/bin/env bash
# Drives the dkctl REPL in tmux: history, Ctrl-R, Tab completion, Ctrl-C, output from
# processes above a half-typed line, Ctrl-D. Usage: repl.sh DKCTL FIXTURES_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../tui-test.sh"
dkctl=$1
cd "$2"
history=$(mktemp)
fail() { echo "FAIL: $*" >&2; tui_screen >&2; exit 1; }
count() { tui_screen | grep -cE -- "$1" || true; }
# at_least REGEX N: the screen shows at least N lines matching REGEX (re-evaluated each poll).
at_least() { [ "$(count "$1")" -ge "$2" ]; }
# prompt_ready: the last line on screen is an empty prompt.
prompt_ready() { [ "$(tui_screen | grep -v '^$' | tail -n 1)" = "dkctl>" ]; }

XDG_STATE_HOME=$(mktemp -d) tui_start 100 30 env "XDG_STATE_HOME=$(dirname "$history")" "$dkctl"
tui_wait 'dkctl>' || fail "no prompt"

# History: Up recalls the last line.
tui_keys 'echo one' Enter
tui_until 5 at_least '^one$' 1 || fail "echo one did not run"
tui_until 10 prompt_ready || fail "no prompt"
tui_keys Up Enter
tui_until 5 at_least '^one$' 2 || fail "Up did not recall 'echo one'"
tui_until 10 prompt_ready || fail "no prompt"

# Ctrl-R finds it again.
tui_keys C-r 'one'
tui_wait "reverse-i-search" || fail "no reverse search prompt"
tui_keys Enter
tui_until 5 at_least '^one$' 3 || fail "Ctrl-R did not run 'echo one'"
tui_until 10 prompt_ready || fail "no prompt"

# Tab completes a command name.
tui_keys 'pstr' Tab
tui_wait 'dkctl> pstree' || fail "Tab did not complete pstree"
tui_keys Enter
tui_wait '1 init@1.0.0' || fail "pstree did not run"
tui_until 10 prompt_ready || fail "no prompt"

# Ctrl-C abandons the line.
tui_keys 'echo nope' C-c
tui_keys 'echo yes' Enter
tui_wait '^yes$' || fail "the line after Ctrl-C did not run"
tui_until 10 prompt_ready || fail "no prompt"
[ "$(count '^nope$')" = 0 ] || fail "Ctrl-C ran the abandoned line"

# A process prints while a line is half typed: the line survives, redrawn below.
tui_keys 'spawn ticker.orch' Enter
tui_wait '^[0-9]+$' || fail "spawn printed no PID"
tui_keys 'echo half'
tui_wait 'tick 2' || fail "no output from the ticker"
tui_screen | grep -v '^$' | tail -n 1 | grep -q '^dkctl> echo half$' || fail "the half-typed line was not redrawn below the output"
tui_keys 'way' Enter
tui_wait '^halfway$' || fail "the completed line did not run intact"
tui_keys 'kill $!' Enter
tui_until 10 prompt_ready || fail "no prompt after kill"

# Ctrl-D on an empty line leaves with status 0.
tui_keys C-d
status=$(tui_exit_status 10) || fail "dkctl did not exit on Ctrl-D"
[ "$status" = 0 ] || fail "exit status $status after Ctrl-D"
tui_stop
echo "repl: ok"
