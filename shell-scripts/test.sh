#!/usr/bin/env bash
# Runs every test: installs what the tests need (tmux, ncurses headers, graphviz, groff), builds, runs
# `swift test` (unit, end-to-end and golden-transcript tests).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v tmux >/dev/null 2>&1 || need+=(tmux)
dpkg -s libncurses-dev >/dev/null 2>&1 || need+=(libncurses-dev)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v groff >/dev/null 2>&1 || need+=(groff-base)
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

swift build
swift test "$@"
