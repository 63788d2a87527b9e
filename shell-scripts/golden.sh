#!/usr/bin/env bash
# Runs every golden session script (shell-scripts/golden/*.dksh and the demos in
# shell-scripts/demos/) in deterministic mode and compares the transcript (standard output
# and error, then "[exit N]") with the .out file beside it. With --update, rewrites them.
# The same comparison runs in `swift test` (GoldenTranscriptTests).
set -uo pipefail
cd "$(dirname "$0")"
dkctl=${DKCTL:-../.build/debug/dkctl}
update=false
[ "${1:-}" = "--update" ] && update=true
failed=0
for script in golden/*.dksh demos/*.dksh; do
  [ -f "$script" ] || continue
  expected="${script%.dksh}.out"
  actual=$("$dkctl" --deterministic --seed 1 "$script" 2>&1; echo "[exit $?]")
  if $update; then
    printf '%s\n' "$actual" >"$expected"
    echo "updated $expected"
  elif ! diff -u "$expected" <(printf '%s\n' "$actual"); then
    echo "FAILED: $script" >&2
    failed=1
  fi
done
exit $failed
