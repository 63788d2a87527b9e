"""Naive fib(n) for compare.sh, best of three runs; prints {"seconds": S} as JSON."""
import json
import sys
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
seconds = float("inf")
for _ in range(3):  # best of three, as dkctl bench fib
    start = time.perf_counter()
    result = fib(n)
    seconds = min(seconds, time.perf_counter() - start)
assert n != 30 or result == 832040
print(json.dumps({"seconds": seconds}))
