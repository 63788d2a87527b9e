#!/usr/bin/env bash
# Runs dkctl's benchmarks and the same work on the BEAM (Erlang/OTP), Lua 5.4 and Python 3,
# side by side, and prints one table with ratios. A yardstick that is not installed is
# skipped with a note. Needs python3 for the table. About a minute and a half on 2 cores.
#
#   shell-scripts/bench/compare.sh [--no-build] [--json-dir DIR]
#
# --json-dir keeps each tool's raw JSON there (default: a temporary directory).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=1
out=
while (($#)); do
  case $1 in
    --no-build) build=0 ;;
    --json-dir) out=$2; shift ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
if [[ -z $out ]]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"
command -v python3 >/dev/null || { echo "compare.sh: python3 is needed to print the table" >&2; exit 1; }

note() { echo "compare.sh: $*" >&2; }

if ((build)); then
  note "building dkctl (release)"
  (cd "$root" && swift build -c release) >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
fi
dkctl=$root/.build/release/dkctl
[[ -x $dkctl ]] || { note "no $dkctl; build it or drop --no-build"; exit 1; }

note "dkctl bench"
"$dkctl" bench --json idle-memory fanout pubsub incr ps startup top-frame bpmn >"$out/dkctl.json"
"$dkctl" bench --json request >"$out/dkctl-request.json" || note "dkctl bench request failed"

beam=0
if command -v erl >/dev/null && command -v erlc >/dev/null; then
  beam=1
  note "Erlang/OTP $(erl -noshell -eval 'io:format("~s", [erlang:system_info(otp_release)]), halt().')"
  mkdir -p "$out/beam"
  erlc -o "$out/beam" "$here/dkbench.erl" "$here/dkbench_server.erl"
  erl -noshell -pa "$out/beam" -run dkbench main fib fanout request pubsub incr -s init stop >"$out/beam.json"
else
  note "erl not installed: no BEAM column"
fi
# The ring and the spawns, the figures the kernel is held to against BEAM, in five
# interleaved rounds with each tool's best kept (as fib below), and within a round in three
# timed laps with the fastest kept. This machine switches between a fast and a slow step
# (about 1.5x apart for both tools; a ring timed lap by lap shows it) that lasts from a
# fraction of a second to several seconds, so one lap each, or three rounds, often compared
# one tool's fast step with the other's slow one.
note "ring and spawn: dkctl and BEAM, five interleaved rounds"
for round in 1 2 3 4 5; do
  "$dkctl" bench --json spawn ring spawn-program >"$out/rounds-dkctl-$round.json"
  if ((beam)); then
    erl -noshell -pa "$out/beam" -run dkbench main ring spawn -s init stop >"$out/rounds-beam-$round.json"
  fi
done
(cd "$here" && python3 best-rounds.py "$out")
# fib(30) in three interleaved rounds, each tool's best kept: the machine's speed drifts over
# seconds, and one run each put the tools in different drifts. (Lua has no wall clock below a
# second, so its figure is CPU time, which never counts time the VM was descheduled: the Lua
# column is, if anything, optimistic.)
note "fib(30): dkctl, Lua, Python, three interleaved rounds"
command -v lua5.4 >/dev/null || note "lua5.4 not installed: no Lua column"
for round in 1 2 3; do
  "$dkctl" bench --json fib >"$out/fib-dkctl-$round.json"
  if command -v lua5.4 >/dev/null; then lua5.4 "$here/fib.lua" 30 >"$out/fib-lua-$round.json"; fi
  python3 "$here/fib.py" 30 >"$out/fib-python-$round.json"
done
python3 "$here/best-fib.py" "$out"

python3 "$here/table.py" "$out"

# The rings once more, lap by lap with the two tools taking turns (paired-ring.py): the
# ratio of two laps taken one after the other compares the tools within one step of the
# machine's speed, which the best-of figures above cannot promise.
if ((beam)); then
  note "rings lap by lap, dkctl and BEAM taking turns"
  python3 "$here/paired-ring.py" "$dkctl" "$out/beam" --processes 1000 --rounds 1000 --laps 20
  python3 "$here/paired-ring.py" "$dkctl" "$out/beam" --processes 10000 --rounds 100 --laps 20
fi
