"""Writes Sources/Shell/Bench/BenchPrograms.swift from the .orch files beside this script.

Run it after editing a program here (then `swift format -i` the result); a test checks that
the embedded text and the files agree.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NAMES = ["fib", "ring", "spawn", "fanout", "pubsub", "request", "incr"]

out = [
    "/// The programs `dkctl bench` runs, embedded so the binary measures itself with no files.",
    "/// Each is the same text as `shell-scripts/bench/NAME.orch` (the comparison script and a test",
    "/// check that), so the `.orch` files can be read, run and compared with the Erlang versions.",
    "enum BenchPrograms {",
]
for name in NAMES:
    with open(os.path.join(HERE, name + ".orch")) as file:
        source = file.read()
    body = "\n".join(("        " + line) if line else "" for line in source.rstrip("\n").split("\n"))
    out += [f"    /// `shell-scripts/bench/{name}.orch`.", f'    static let {name} = #"""', body, '        """#', ""]
out += [
    "    /// Every program by its file name, for the test that compares them with the files.",
    "    static let all: [(file: String, source: String)] = [",
    *[f'        ("{name}.orch", {name}),' for name in NAMES],
    "    ]",
    "}",
]
with open(os.path.join(ROOT, "Sources/Shell/Bench/BenchPrograms.swift"), "w") as file:
    file.write("\n".join(out) + "\n")
