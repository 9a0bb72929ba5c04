#!/usr/bin/env python3
"""The benchmark's yardstick (issue 5): pandas computing only the per-department dimension means
of a bench export - read_csv, then groupby().sum() / count() per item, pooled per dimension.
Run by scripts/bench.mjs when pandas is installed (Debian: apt install python3-pandas).
Usage: python3 scripts/pandas-baseline.py bench/out/export-1000000.csv  -> prints seconds"""
import sys
import time

import pandas as pd

start = time.perf_counter()
df = pd.read_csv(sys.argv[1], na_values=["dk", "na"])
items = [c for c in df.columns if c not in ("respondent", "department", "group")]
groups = df.groupby("department")[items]
sums, counts = groups.sum(), groups.count()
dims = sorted({c.split("_")[0] for c in items})
means = {
    d: sums[[c for c in items if c.startswith(d + "_")]].sum(axis=1)
    / counts[[c for c in items if c.startswith(d + "_")]].sum(axis=1)
    for d in dims
}
elapsed = time.perf_counter() - start
assert len(means) == len(dims) and all(len(m) > 0 for m in means.values())
print(f"{elapsed:.4f}")
