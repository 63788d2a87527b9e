"""Times a message ring on dkctl and on the BEAM lap by lap, the two tools taking turns.

    python3 paired-ring.py DKCTL BEAM_DIR [--processes N] [--rounds M] [--laps K] [--json FILE]

Each tool keeps one ring of N processes alive and runs a lap of M rounds (N*M hops) when
told: dkctl's is ring.orch, driven from dkctl's shell on a pipe (`send PID go`, `recv`), the
BEAM's is `dkbench:laps/1` (a "lap" line on its standard input). The laps alternate, a
dkctl lap then a BEAM lap, K times, and this script times each from its request to its
answer. This machine switches between a fast and a slow step that lasts a fraction of a
second to seconds (about 1.5x apart, for both tools): two laps taken one after the other
usually fall in the same step, so the ratio of each pair compares the tools, not the steps.
Prints the median of the pair ratios (dkctl's hops per second over the BEAM's), each tool's
fastest lap, and how many pairs had dkctl at least level.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


class Tool:
    """A long-lived process answering one line per lap on a pipe."""

    def __init__(self, command, cwd):
        self.process = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True, bufsize=1)

    def send(self, *lines):
        for line in lines:
            self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def expect(self, word):
        line = self.process.stdout.readline()
        if word not in line:
            raise SystemExit(f"paired-ring.py: expected {word!r}, got {line.strip()!r}")

    def close(self, *lines):
        try:
            self.send(*lines)
            self.process.stdin.close()
            self.process.wait(timeout=30)
        except (BrokenPipeError, subprocess.TimeoutExpired):
            self.process.kill()


def dkctl_ring(binary, processes, rounds, laps):
    tool = Tool([binary], HERE)
    tool.send(f"spawn ring.orch {processes} {rounds} phased {laps}")
    pid = tool.process.stdout.readline().strip()
    if not pid.isdigit():
        raise SystemExit(f"paired-ring.py: dkctl did not spawn the ring: {pid!r}")
    tool.send("recv")
    tool.expect('"ready"')

    def lap():
        tool.send(f"send {pid} go", "recv")
        tool.expect('"done"')

    return tool, lap, lambda: tool.close(f"kill -KILL {pid}", "exit")


def beam_ring(directory, processes, rounds):
    tool = Tool(["erl", "-noshell", "-pa", directory, "-run", "dkbench", "laps", str(processes), str(rounds)],
                HERE)
    tool.expect("ready")

    def lap():
        tool.send("lap")
        tool.expect("done")

    return tool, lap, lambda: tool.close("stop")


def seconds(lap):
    start = time.monotonic()
    lap()
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dkctl")
    parser.add_argument("beam_dir")
    parser.add_argument("--processes", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--laps", type=int, default=20)
    parser.add_argument("--json", help="also write the laps and the figures to this file")
    options = parser.parse_args()
    # Both tools run in this script's folder (ring.orch is there): paths given relative to
    # the caller's folder are made absolute first.
    options.dkctl = os.path.abspath(options.dkctl)
    options.beam_dir = os.path.abspath(options.beam_dir)
    if not os.access(options.dkctl, os.X_OK):
        raise SystemExit(f"paired-ring.py: no dkctl binary at {options.dkctl}")
    hops = options.processes * options.rounds
    _, dkctl_lap, dkctl_close = dkctl_ring(options.dkctl, options.processes, options.rounds, options.laps)
    _, beam_lap, beam_close = beam_ring(options.beam_dir, options.processes, options.rounds)
    pairs = []
    try:
        for _ in range(options.laps):
            pairs.append((seconds(dkctl_lap), seconds(beam_lap)))
    finally:
        dkctl_close()
        beam_close()
    ratios = [beam / mine for mine, beam in pairs]  # dkctl's rate over the BEAM's
    result = {
        "processes": options.processes, "rounds": options.rounds, "laps": options.laps,
        "median_ratio": statistics.median(ratios),
        "level_or_better": sum(ratio >= 1 for ratio in ratios),
        "dkctl_best_hops_per_second": hops / min(mine for mine, _ in pairs),
        "beam_best_hops_per_second": hops / min(beam for _, beam in pairs),
        "pairs_ms": [[round(mine * 1000, 1), round(beam * 1000, 1)] for mine, beam in pairs],
    }
    if options.json:
        with open(options.json, "w") as file:
            json.dump(result, file)
    print(f"ring {options.processes:,} x {options.rounds:,}, {options.laps} laps each, taking turns: "
          f"dkctl/BEAM median {result['median_ratio']:.2f} "
          f"(dkctl at least level in {result['level_or_better']} of {options.laps}); "
          f"fastest laps {result['dkctl_best_hops_per_second'] / 1e6:.2f} M vs "
          f"{result['beam_best_hops_per_second'] / 1e6:.2f} M hops/s")


if __name__ == "__main__":
    sys.exit(main())
