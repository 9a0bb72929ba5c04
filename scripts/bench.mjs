#!/usr/bin/env node
// `npm run bench`: the speed and memory yardstick of issue 16.
//
// Input: seeded exports of 10k, 100k and 1M respondents × the 48 scored core items (in the order
// of questionnaires/core.yaml), cached in bench/out/ (git-ignored). Each cell is drawn from the
// demo's value mix (fixtures/demo/staff-survey.csv, read at run time): per respondent group and
// item, the demo's shares of codes 1–5, `dk`, `na` and blanks; departments and groups in the
// demo's proportions. About 117 MB at 1M rows.
//
// Runs, alternating per iteration so that a slow phase of the machine hits all alike:
// - reifegrad: `node bin/reifegrad.js score FILE --out DIR --format json
//   --allow-unknown-departments` (the full statistics), the BUILT CLI — run `npm run build` first;
// - pandas: scripts/pandas-baseline.py, read_csv(na_values=['dk','na']) +
//   groupby('department')[items].mean(), timed as a whole process;
// - the floor: scripts/bench-floor.mjs, the per-row work of `score` hand-written for exactly this
//   file in one fused pass (what plain JavaScript can do here when nothing is general); its
//   dimension means are checked against reifegrad's for the departments scored with the core.
// Prints per size the medians of the wall time, the peak RSS (/usr/bin/time -v, Debian package
// `time`), the ratios to pandas and the time per 1M rows, checks the issue's targets
// (≤ 0.3× pandas at 1M, ≤ 100 MB peak RSS at every size, time linear in rows) and writes
// bench/out/results.json. pandas is not a project dependency: apt install python3-pandas.
//
// Usage: node scripts/bench.mjs [--sizes 10000,100000,1000000] [--runs 5] [--seed 7]
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { rng } from "./mulberry32.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = arg("--sizes", "10000,100000,1000000")
  .split(",")
  .map(Number)
  .sort((a, b) => a - b);
const runs = Number(arg("--runs", "5"));
const seed = Number(arg("--seed", "7"));
const OUT = "bench/out";
const DEMO = "fixtures/demo/staff-survey.csv";
mkdirSync(OUT, { recursive: true });

// The 48 scored core items, through the real loader.
const { loadQuestionnaires } = await import("../dist/questionnaire/load.js");
const { evaluateCondition } = await import("../dist/questionnaire/condition.js");
const { DEFAULT_SETTINGS } = await import("../dist/scoring/assessment.js");
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
const scored = core.items.filter((i) => i.type !== "text");
const items = scored.map((i) => i.id);
if (items.length !== 48) throw new Error(`expected 48 scored core items, found ${items.length}`);

// The demo's mix: a weighted table per department, per group and per group × item.
const demo = parse(readFileSync(DEMO, "utf8"), { columns: true });
const table = (values) => {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const keys = [...counts.keys()].sort();
  let sum = 0;
  const cum = keys.map((k) => (sum += counts.get(k)));
  return { keys, cum: cum.map((c) => c / sum) };
};
const draw = ({ keys, cum }, x) => {
  let i = 0;
  while (cum[i] <= x && i < keys.length - 1) i++;
  return keys[i];
};
const departmentMix = table(demo.map((r) => r.department));
const groupMix = table(demo.map((r) => r.group));
// An item with a `when` is drawn from the demo's answers of those it was put to, and left blank
// when its condition fails for the generated row, as a survey tool exports it (and the demo is).
const asked = (item, row) => !item.when || evaluateCondition(item.when, (id) => row[id]);
// A department's own questionnaire may leave core items out: those cells stay blank too.
const itemsOf = new Map([["", new Set(items)]]);
for (const q of questionnaires)
  if (q.department) itemsOf.set(q.department.id, new Set(q.items.map((i) => i.id)));
const cellMix = new Map(
  groupMix.keys.map((g) => {
    const rows = demo.filter((r) => r.group === g);
    return [
      g,
      scored.map((item) => table(rows.filter((r) => asked(item, r)).map((r) => r[item.id]))),
    ];
  }),
);

function generate(n) {
  const file = join(OUT, `core48-${n}-seed${seed}-v2.csv`);
  if (existsSync(file)) return file;
  const rand = rng(seed + n);
  const fd = openSync(`${file}.part`, "w");
  let buf = `respondent,department,group,${items.join(",")}\n`;
  for (let r = 0; r < n; r++) {
    const group = draw(groupMix, rand());
    const department = draw(departmentMix, rand());
    let line = `R${String(r + 1).padStart(7, "0")},${department},${group}`;
    const has = itemsOf.get(department) ?? itemsOf.get("");
    const row = {};
    cellMix.get(group).forEach((mix, i) => {
      row[items[i]] = draw(mix, rand());
    });
    for (const [i, item] of scored.entries())
      line += `,${has.has(item.id) && asked(item, row) ? row[items[i]] : ""}`;
    buf += `${line}\n`;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = "";
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
  renameSync(`${file}.part`, file);
  return file;
}

// The core's rules as the floor reads them. It knows 1–5 scales with dk and na, equal weights,
// mean dimensions of at most six items and conditions `item >= n`: anything else stops the bench.
const dimIds = core.dimensions.map((d) => d.id);
const floorRule = (ok, what) => {
  if (!ok) throw new Error(`scripts/bench-floor.mjs does not know ${what}`);
};
for (const d of core.dimensions) {
  floorRule(d.aggregate === "mean", `dimension ${d.id}'s aggregate ${d.aggregate}`);
  const count = scored.filter((i) => i.dimension === d.id).length;
  floorRule(count >= 1 && count <= 6, `dimension ${d.id} with ${count} items`);
}
const floorSpec = join(OUT, "floor-spec.json");
writeFileSync(
  floorSpec,
  `${JSON.stringify({
    dims: dimIds.length,
    minCoverage: DEFAULT_SETTINGS.minCoverage,
    items: scored.map((item) => {
      const codes = core.scales
        .get(item.scale)
        ?.options.map((o) => o.code)
        .join(",");
      floorRule(codes === "1,2,3,4,5,dk,na", `item ${item.id}'s options ${codes}`);
      floorRule(item.weight === 1, `item ${item.id}'s weight ${item.weight}`);
      const w = item.when;
      floorRule(
        !w || (w.kind === "compare" && w.op === ">=" && items.includes(w.item)),
        `item ${item.id}'s condition`,
      );
      return {
        dim: dimIds.indexOf(item.dimension),
        reverse: item.reverse === true,
        groups: item.groups ?? null,
        when: w ? { item: items.indexOf(w.item), min: Number(w.value) } : null,
      };
    }),
  })}\n`,
);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const haveTime = existsSync("/usr/bin/time");

// Wall time of a whole process, and its peak RSS when /usr/bin/time is there.
function timed(argv, keep) {
  const cmd = haveTime ? ["/usr/bin/time", "-v", ...argv] : argv;
  const t0 = performance.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: "utf8", maxBuffer: 1 << 26 });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${argv.join(" ")} failed (${r.status}):\n${r.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { s, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, ...(keep ? { out: r.stdout } : {}) };
}

const reifegrad = (file, n) =>
  timed([
    process.execPath,
    "bin/reifegrad.js",
    "score",
    file,
    "--out",
    join(OUT, `run-${n}`),
    "--format",
    "json",
    "--allow-unknown-departments",
  ]);

// The Python that has pandas, if any (a pyenv python3 on PATH may lack it; Debian's has it).
const python = ["python3", "/usr/bin/python3"].find(
  (py) => spawnSync(py, ["-c", "import pandas"], { stdio: "ignore" }).status === 0,
);
const pandas = (file) => timed([python, "scripts/pandas-baseline.py", file]);
const floor = (file) => timed([process.execPath, "scripts/bench-floor.mjs", file, floorSpec], true);

/**
 * The floor computes what reifegrad computes: for each department scored with the core (no
 * questionnaire of its own) the same respondents and mean per dimension (to the six decimals
 * assessment.json writes).
 */
function checkFloor(out, n) {
  const floorResult = JSON.parse(out);
  const assessment = JSON.parse(readFileSync(join(OUT, `run-${n}`, "assessment.json"), "utf8"));
  let compared = 0;
  for (const unit of assessment.departments) {
    if (itemsOf.has(unit.id)) continue;
    dimIds.forEach((id, d) => {
      const ours = unit.dimensions.find((x) => x.id === id);
      const theirs = floorResult.departments[unit.id]?.[d];
      if (!ours || !theirs || ours.n !== theirs.n || Math.abs(ours.mean - theirs.mean) > 5e-7)
        throw new Error(`the floor differs from reifegrad: ${unit.id}, ${id}`);
      compared++;
    });
  }
  if (compared === 0) throw new Error("no department scored with the core to check the floor on");
}

const cpu = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "?";
const machine = { node: process.version, nproc: cpus().length, cpu };
console.log(`node ${machine.node}, ${machine.nproc} CPUs (nproc), ${cpu}`);
if (!haveTime)
  console.log("NOTE: /usr/bin/time is missing (apt install time): peak RSS is not measured.");
if (!python)
  console.log("NOTE: no Python with pandas (apt install python3-pandas): pandas is skipped.");

const fmt = (x, d = 0) =>
  Number.isFinite(x)
    ? x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d })
    : "–";
const results = [];
console.log(
  "     rows      MB | reifegrad s  RSS MB  s/1M rows | pandas s  RSS MB | floor s | reifegrad/pandas  floor/pandas",
);
for (const n of sizes) {
  const file = generate(n);
  const ours = [];
  const theirs = [];
  const floors = [];
  for (let i = 0; i < runs; i++) {
    ours.push(reifegrad(file, n));
    if (python) theirs.push(pandas(file));
    floors.push(floor(file));
  }
  checkFloor(floors[0].out, n);
  const row = {
    rows: n,
    mb: statSync(file).size / 1e6,
    s: median(ours.map((r) => r.s)),
    rssMb: Math.max(...ours.map((r) => r.rssMb)),
    pandasS: python ? median(theirs.map((r) => r.s)) : null,
    pandasRssMb: python ? Math.max(...theirs.map((r) => r.rssMb)) : null,
    floorS: median(floors.map((r) => r.s)),
  };
  row.sPer1M = (row.s * 1e6) / n;
  row.ratio = python ? row.s / row.pandasS : null;
  row.floorRatio = python ? row.floorS / row.pandasS : null;
  results.push(row);
  console.log(
    `${fmt(n).padStart(9)} ${fmt(row.mb, 1).padStart(7)} | ${fmt(row.s, 2).padStart(11)} ${fmt(row.rssMb).padStart(7)} ${fmt(row.sPer1M, 2).padStart(10)} | ${fmt(row.pandasS ?? Number.NaN, 2).padStart(8)} ${fmt(row.pandasRssMb ?? Number.NaN).padStart(7)} | ${fmt(row.floorS, 2).padStart(7)} | ${fmt(row.ratio ?? Number.NaN, 2).padStart(16)} ${fmt(row.floorRatio ?? Number.NaN, 2).padStart(13)}`,
  );
}

// Targets. Linear: the time per 1M rows does not grow with the size (the start-up makes it
// shrink); 20 % slack for noise.
const largest = results.find((r) => r.rows === 1_000_000);
const targets = {
  ratioAt1M: largest?.ratio != null ? largest.ratio <= 0.3 : null,
  rssAtMost100Mb: haveTime ? results.every((r) => r.rssMb <= 100) : null,
  linear: results.every((r, i) => i === 0 || r.sPer1M <= 1.2 * results[i - 1].sPer1M),
};
const verdict = (ok) => (ok == null ? "not measured" : ok ? "met" : "MISSED");
console.log(`target reifegrad/pandas ≤ 0.3 at 1M rows: ${verdict(targets.ratioAt1M)}`);
console.log(`target peak RSS ≤ 100 MB at every size: ${verdict(targets.rssAtMost100Mb)}`);
console.log(`target time linear in rows (s per 1M rows): ${verdict(targets.linear)}`);
writeFileSync(
  join(OUT, "results.json"),
  `${JSON.stringify({ machine, runs, seed, results, targets }, null, 2)}\n`,
);
