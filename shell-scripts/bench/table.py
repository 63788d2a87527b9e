"""Prints compare.sh's table from the JSON files in a directory.

dkctl-fib.json, dkctl.json, dkctl-request.json and beam.json hold arrays of
{workload, params, value, unit};
lua.json and python.json hold {"seconds": S} for fib(30). Ratios are dkctl's value divided by
the yardstick's; the last column checks the figures the kernel is meant to reach.
"""
import json
import os
import sys


def load(directory, name):
    path = os.path.join(directory, name)
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    with open(path) as file:
        return json.load(file)


def keyed(rows):
    """(workload, unit, n-th) -> row, so two ring shapes pair up in order."""
    seen, table = {}, {}
    for row in rows or []:
        key = (row["workload"], row["unit"])
        index = seen.get(key, 0)
        seen[key] = index + 1
        table[key + (index,)] = row
    return table


def lower_is_better(unit):
    return unit == "s" or unit.startswith(("us/", "ms/", "bytes/"))


def show(value):
    if value is None:
        return "-"
    if value >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}" if value < 10 else f"{value:.1f}"


def ratio(mine, other):
    return "-" if mine is None or other in (None, 0) else f"{mine / other:.2f}"


def target(row, beam, lua, python):
    """Whether a row meets the figure the issue sets for it (empty when none is set)."""
    workload, unit, value = row["workload"], row["unit"], row["value"]
    checks = {
        ("ring", "hops/s"): beam is not None and value >= beam,
        ("spawn-program", "us/spawn"): beam is not None and value <= beam,
        ("spawn", "us/spawn"): beam is not None and value <= beam,
        ("idle-memory", "bytes/process"): value < 1024,
        ("startup", "ms/start"): value < 50,
    }
    if (workload, unit) == ("fib", "s"):
        ok = (python is None or value < python) and (lua is None or value <= 1.5 * lua)
        return "ok" if ok else "MISS (< Python, <= 1.5x Lua)"
    if (workload, unit) == ("ps", "s") and row["params"].endswith("--json"):
        return "ok" if value < 0.5 else "MISS (< 0.5 s)"
    if (workload, unit) in checks:
        needs_beam = workload in ("ring", "spawn-program", "spawn")
        if needs_beam and beam is None:
            return "? (no BEAM)"
        goals = {"ring": ">= BEAM", "spawn-program": "<= BEAM", "spawn": "<= BEAM",
                 "idle-memory": "< 1 KB", "startup": "< 50 ms"}
        return "ok" if checks[(workload, unit)] else f"MISS ({goals[workload]})"
    return ""


def main(directory):
    mine = ((load(directory, "dkctl-fib.json") or []) + (load(directory, "dkctl.json") or [])
            + (load(directory, "dkctl-request.json") or []))
    beam = keyed(load(directory, "beam.json"))
    lua = load(directory, "lua.json")
    python = load(directory, "python.json")
    header = ["workload", "params", "unit", "dkctl", "BEAM", "Lua", "Python",
              "dkctl/BEAM", "dkctl/Lua", "dkctl/Python", "target"]
    lines = []
    for key, row in keyed(mine).items():
        other = beam.get(key)
        beam_value = other["value"] if other else None
        lua_value = python_value = None
        if key[:2] == ("fib", "s"):
            lua_value = lua["seconds"] if lua else None
            python_value = python["seconds"] if python else None
        lines.append([
            row["workload"], row["params"], row["unit"], show(row["value"]), show(beam_value),
            show(lua_value), show(python_value), ratio(row["value"], beam_value),
            ratio(row["value"], lua_value), ratio(row["value"], python_value),
            target(row, beam_value, lua_value, python_value),
        ])
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines)]
    for line in [header] + lines:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths)).rstrip())
    print()
    print("Ratios are dkctl / yardstick: below 1 is better for s, us/… and ms/… units, above 1 for …/s.")
    if not beam:
        print("No BEAM figures (erl not installed).")
    if lua is None:
        print("No Lua figure (lua5.4 not installed).")


if __name__ == "__main__":
    main(sys.argv[1])
