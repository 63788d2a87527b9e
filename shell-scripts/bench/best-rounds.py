"""Keeps each tool's best ring and spawn figures of compare.sh's interleaved rounds.

Reads rounds-dkctl-N.json and rounds-beam-N.json (arrays of {workload, params, value, unit})
from a directory, and appends to dkctl.json and beam.json, for each (workload, params), the
best row of all rounds: the most hops per second, the fewest microseconds per spawn.
"""
import glob
import json
import os
import sys

from table import lower_is_better


def best_rows(paths):
    best = {}
    order = []
    for path in sorted(paths):
        if os.path.getsize(path) == 0:
            continue
        with open(path) as file:
            for row in json.load(file):
                key = (row["workload"], row["params"], row["unit"])
                if key not in best:
                    order.append(key)
                    best[key] = row
                    continue
                better = (row["value"] < best[key]["value"]) == lower_is_better(row["unit"])
                if better:
                    best[key] = row
    return [best[key] for key in order]


def main(directory):
    for tool in ("dkctl", "beam"):
        rows = best_rows(glob.glob(os.path.join(directory, f"rounds-{tool}-*.json")))
        if not rows:
            continue
        path = os.path.join(directory, f"{tool}.json")
        existing = []
        if os.path.exists(path) and os.path.getsize(path) > 0:
            with open(path) as file:
                existing = json.load(file)
        with open(path, "w") as file:
            json.dump(existing + rows, file)


if __name__ == "__main__":
    main(sys.argv[1])
