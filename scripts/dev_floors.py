#!/usr/bin/env python3
"""Prints the per-batch floor tables of tests/extraction.rs from the scores that
`cadre eval` reaches now: each F1 less a margin, rounded down to two decimals.

Usage: scripts/dev_floors.py [CADRE] [MARGIN]  (from the repository root, with
../shared present; CADRE defaults to target/release/cadre, MARGIN to 0.02).
"""
import math
import subprocess
import sys

FIELDS = ["persons", "positions", "positions_loose", "documents", "documents_dated",
          "terms", "meetings", "chairs", "published"]
BATCHES = ["00*", "a*", "b*", "c*", "d*", "e*", "f*", "g*", "h*", "i*"]
DEV = "../shared/eval/dev"


def scores(cadre, glob, jsonl):
    args = [cadre, "eval", DEV] + ([f"{DEV}/corpus.jsonl"] if jsonl else []) + ["--only", glob]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    f1 = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 7 and parts[0] in FIELDS:
            f1[parts[0]] = float(parts[3])
    return [f1[f] for f in FIELDS]


def main():
    cadre = sys.argv[1] if len(sys.argv) > 1 else "target/release/cadre"
    margin = float(sys.argv[2]) if len(sys.argv) > 2 else 0.02
    for name, jsonl in [("TXT_FLOORS", False), ("JSONL_FLOORS", True)]:
        print(f"const {name}: &[(&str, [f64; 9])] = &[")
        for glob in BATCHES:
            floors = [max(0.0, math.floor((f - margin) * 100) / 100) for f in scores(cadre, glob, jsonl)]
            print(f'    ("{glob}", [{", ".join(f"{x:.2f}" for x in floors)}]),')
        print("];")


if __name__ == "__main__":
    main()
