tui_start() { # COLS ROWS COMMAND...: a private tmux server per test
  local cols=$1 rows=$2; shift 2
  TUI_DIR=$(mktemp -d); TUI_SOCK=$TUI_DIR/sock; trap tui_stop EXIT
  printf 'set -g remain-on-exit on\nset -g default-terminal tmux-256color\n' >"$TUI_DIR/conf"
  # Own status file: tmux 3.3a's #{pane_dead_status} is sometimes empty.
  tmux -S "$TUI_SOCK" -f "$TUI_DIR/conf" new-session -d -s tui -x "$cols" -y "$rows" \
    sh -c 'trap : INT; LANG=C.UTF-8 "$@"; echo $? >"$0.tmp"; mv "$0.tmp" "$0"' "$TUI_DIR/status" "$@"
}
tui_screen() { tmux -S "$TUI_SOCK" capture-pane -p -t tui; }
tui_keys() { tmux -S "$TUI_SOCK" send-keys -t tui "$@"; } # q Down F5 C-c
tui_has() { tui_screen | grep -Eq -- "$1"; }
tui_until() { # SECONDS COMMAND...: poll, never sleep blindly
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do ((SECONDS < deadline)) || return 1; sleep 0.05; done
}
tui_wait() { tui_until "${2:-10}" tui_has "$1" || { echo "no /$1/ in:" >&2; tui_screen >&2; return 1; }; }
tui_exit_status() { tui_until "${1:-10}" test -f "$TUI_DIR/status" && cat "$TUI_DIR/status"; }
tui_stop() { [[ -z ${TUI_DIR:-} ]] || { tmux -S "$TUI_SOCK" kill-server; rm -rf "$TUI_DIR"; TUI_DIR=; }; }
