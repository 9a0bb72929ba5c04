#!/usr/bin/env python3
"""The benchmark's yardstick (issue 16): pandas reading a bench export and computing the
per-department item means - read_csv(na_values=['dk','na']) + groupby('department')[items].mean().
Run by scripts/bench.mjs, which times the whole process (start-up and import included), when
pandas is installed (Debian: apt install python3-pandas).
Usage: python3 scripts/pandas-baseline.py bench/out/core48-1000000-seed7.csv"""
import sys

import pandas as pd

df = pd.read_csv(sys.argv[1], na_values=["dk", "na"])
items = [c for c in df.columns if c not in ("respondent", "department", "group")]
means = df.groupby("department")[items].mean()
assert len(means) > 0 and list(means.columns) == items
