#!/usr/bin/python3
"""Prints run-bench.sh's hyperfine results as one table (median wall time) with the ratios the targets name."""
import json
import sys

medians = {}
for path in sys.argv[1:]:
    with open(path) as f:
        for r in json.load(f)["results"]:
            medians[r["command"]] = r["median"]

print("| what | median wall | min |")
print("| --- | --- | --- |")
for path in sys.argv[1:]:
    with open(path) as f:
        for r in json.load(f)["results"]:
            print(f"| {r['command']} | {r['median'] * 1000:.0f} ms | {r['min'] * 1000:.0f} ms |")


def ratio(peer, ours):
    if peer in medians and ours in medians:
        print(f"{peer} / {ours}: {medians[peer] / medians[ours]:.1f}x")


ratio("backtrader 252 bars", "tradeguard run 252 bars")
ratio("backtrader 100720 bars", "tradeguard run 100720 bars")
ratio("backtrader optstrategy 21", "tradeguard sweep 21")
