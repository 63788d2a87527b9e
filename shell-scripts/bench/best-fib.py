"""Keeps each tool's best fib(30) of compare.sh's interleaved rounds.

Reads fib-dkctl-N.json (dkctl bench --json fib), fib-lua-N.json and fib-python-N.json
({"seconds": S}) from a directory; writes dkctl-fib.json (the round with the fewest seconds),
lua.json and python.json (the fewest seconds) for table.py.
"""
import glob
import json
import os
import sys


def rounds(directory, pattern):
    found = []
    for path in sorted(glob.glob(os.path.join(directory, pattern))):
        with open(path) as file:
            found.append(json.load(file))
    return found


def main(directory):
    dkctl = rounds(directory, "fib-dkctl-*.json")
    if dkctl:
        def seconds(rows):
            return next(row["value"] for row in rows if row["unit"] == "s")
        with open(os.path.join(directory, "dkctl-fib.json"), "w") as file:
            json.dump(min(dkctl, key=seconds), file)
    for tool in ("lua", "python"):
        runs = rounds(directory, f"fib-{tool}-*.json")
        if runs:
            with open(os.path.join(directory, f"{tool}.json"), "w") as file:
                json.dump(min(runs, key=lambda run: run["seconds"]), file)


if __name__ == "__main__":
    main(sys.argv[1])
