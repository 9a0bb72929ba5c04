#!/usr/bin/env node
// `npm run bench`: writes seeded exports of 10k, 100k and 1M respondents × 40 Likert items in 20
// departments (the 8 with a questionnaire and 12 without) into bench/out/, then runs the BUILT
// CLI (`node bin/reifegrad.js score … --out …`) on each several times and prints, per size, the
// median wall time, rows/s, MB/s and peak RSS (from /usr/bin/time -v when available), on two
// threads (the default) and on one (REIFEGRAD_THREADS=1). When a Python with pandas is found
// (Debian: apt install python3-pandas), it also times the yardstick in the same run:
// pandas computing only the per-department dimension means (scripts/pandas-baseline.py), and
// prints the ratio. Run `npm run build` first.
// Usage: node scripts/bench.mjs [--sizes 10000,100000,1000000] [--runs 3] [--seed 7]
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { rng } from "./mulberry32.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = arg("--sizes", "10000,100000,1000000").split(",").map(Number);
const runs = Number(arg("--runs", "3"));
const seed = Number(arg("--seed", "7"));
const OUT = "bench/out";
mkdirSync(OUT, { recursive: true });

const { loadQuestionnaires } = await import("../dist/questionnaire/load.js");
const walk = (dir) =>
  readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(p) ? [p] : [];
    });
const { questionnaires } = loadQuestionnaires(
  walk("questionnaires").map((p) => ({ path: p, text: readFileSync(p, "utf8") })),
);
const core = questionnaires.find((q) => q.id === "core");
const likert = core.items.filter((i) => i.type === "likert").map((i) => i.id);
const items = Array.from({ length: 40 }, (_, i) => likert[i % likert.length]);
const uniqueItems = [...new Set(items)];
const departments = [
  ...questionnaires
    .filter((q) => q.department)
    .map((q) => q.department.id)
    .sort(),
];
for (let i = 1; departments.length < 20; i++) departments.push(`amt${String(i).padStart(2, "0")}`);

function generate(n) {
  const file = join(OUT, `export-${n}.csv`);
  if (existsSync(file)) return file;
  const rand = rng(seed + n);
  const fd = openSync(file, "w");
  let buf = `respondent,department,group,${uniqueItems.join(",")}\n`;
  const codes = ["1", "2", "3", "4", "5", "dk"];
  for (let r = 0; r < n; r++) {
    const dep = departments[Math.floor(rand() * departments.length)];
    const base = rand() * 4;
    let line = `R${String(r + 1).padStart(7, "0")},${dep},${rand() < 0.15 ? "management" : "staff"}`;
    for (let i = 0; i < uniqueItems.length; i++) {
      const x = rand();
      line += `,${x < 0.03 ? "" : x < 0.06 ? "dk" : codes[Math.min(4, Math.floor(base + rand() * 2))]}`;
    }
    buf += `${line}\n`;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = "";
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
  return file;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const haveTime = existsSync("/usr/bin/time");

function timed(argv, env = {}) {
  const t0 = performance.now();
  const r = haveTime
    ? spawnSync("/usr/bin/time", ["-v", ...argv], {
        encoding: "utf8",
        maxBuffer: 1 << 26,
        env: { ...process.env, ...env },
      })
    : spawnSync(argv[0], argv.slice(1), {
        encoding: "utf8",
        maxBuffer: 1 << 26,
        env: { ...process.env, ...env },
      });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`${argv.join(" ")} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, stdout: r.stdout };
}

function runCli(file, n, env) {
  const out = join(OUT, `run-${n}`);
  const cmd = ["bin/reifegrad.js", "score", file, "--out", out, "--format", "json"];
  return timed([process.execPath, ...cmd, "--allow-unknown-departments"], env);
}

// The Python that has pandas, if any (pyenv shims may shadow Debian's).
const python = ["python3", "/usr/bin/python3"].find(
  (py) => spawnSync(py, ["-c", "import pandas"], { stdio: "ignore" }).status === 0,
);

function runPandas(file) {
  const r = timed([python, "scripts/pandas-baseline.py", file]);
  return { ms: r.ms, inner: Number(r.stdout) * 1000, rssMb: r.rssMb };
}

const fmt = (x, d = 0) =>
  x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const results = [];
if (!python) console.log("(no Python with pandas found: the pandas yardstick is skipped)");
for (const n of sizes) {
  const file = generate(n);
  const mb = statSync(file).size / 1e6;
  // Interleaved, so a slow phase of the machine hits every variant alike.
  const two = [];
  const one = [];
  const pandas = [];
  for (let i = 0; i < runs; i++) {
    two.push(runCli(file, n, {}));
    one.push(runCli(file, n, { REIFEGRAD_THREADS: "1" }));
    if (python) pandas.push(runPandas(file));
  }
  const ms = median(two.map((r) => r.ms));
  const row = {
    rows: n,
    mb,
    ms,
    rowsPerS: n / (ms / 1000),
    mbPerS: mb / (ms / 1000),
    rssMb: Math.max(...two.map((r) => r.rssMb)),
    oneThreadMs: median(one.map((r) => r.ms)),
    oneThreadRssMb: Math.max(...one.map((r) => r.rssMb)),
    ...(python
      ? {
          pandasMs: median(pandas.map((r) => r.ms)),
          pandasRssMb: Math.max(...pandas.map((r) => r.rssMb)),
        }
      : {}),
  };
  results.push(row);
  const vsPandas = python
    ? ` | pandas (means only): ${fmt(row.pandasMs).padStart(6)} ms, peak RSS ${fmt(row.pandasRssMb).padStart(4)} MB; reifegrad/pandas ${fmt(ms / row.pandasMs, 2)}`
    : "";
  console.log(
    `${fmt(n).padStart(9)} rows ${fmt(mb, 1).padStart(6)} MB | score: median ${fmt(ms).padStart(6)} ms, ${fmt(row.rowsPerS).padStart(9)} rows/s, ${fmt(row.mbPerS, 1).padStart(5)} MB/s, peak RSS ${fmt(row.rssMb).padStart(4)} MB | one thread: ${fmt(row.oneThreadMs).padStart(6)} ms, ${fmt(row.oneThreadRssMb).padStart(4)} MB${vsPandas}`,
  );
}
writeFileSync(join(OUT, "results.json"), `${JSON.stringify({ runs, seed, results }, null, 2)}\n`);
