#!/usr/bin/env node
// Writes fixtures/demo/staff-survey.csv: a synthetic staff survey of the bundled questionnaires.
// Seeded (same seed → same bytes); run `npm run build` first, it reads the questionnaires through
// the real loader. Usage: node scripts/generate-demo.mjs [--seed N] [--out FILE]
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { evaluateCondition } from "../dist/questionnaire/condition.js";
import { loadQuestionnaires } from "../dist/questionnaire/load.js";
import { rng } from "./mulberry32.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const seed = Number(arg("--seed", "2018"));
const out = arg("--out", "fixtures/demo/staff-survey.csv");

const rand = rng(seed);
const normal = () => {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
};
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

function walk(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(p) ? [p] : [];
    });
}
const sources = walk("questionnaires").map((p) => ({ path: p, text: readFileSync(p, "utf8") }));
const { questionnaires, problems } = loadQuestionnaires(sources);
if (problems.some((p) => p.severity === "error")) {
  console.error(problems);
  process.exit(1);
}
const core = questionnaires.find((q) => q.id === "core");
const departments = questionnaires
  .filter((q) => q.department)
  .sort((a, b) => (a.id < b.id ? -1 : 1));

// Respondents per department (about 400 in all) and a tiny office that must be suppressed.
const sizes = [62, 38, 55, 47, 41, 52, 36, 65];
const plan = departments.map((q, i) => ({ id: q.department.id, q, n: sizes[i % sizes.length] }));
// Two small offices without an own questionnaire, each below the minimum group size (together 7,
// so neither can be recovered from the administration total and no secondary suppression is needed).
plan.push({ id: "rpa", q: core, n: 4 }); // Rechnungsprüfungsamt
plan.push({ id: "gleichstellung", q: core, n: 3 }); // Gleichstellungsstelle

const columns = [];
const seen = new Set();
for (const q of [core, ...departments]) {
  for (const item of q.items) {
    const keys = item.type === "grid" ? item.rows.map((r) => `${item.id}[${r.id}]`) : [item.id];
    for (const k of keys) if (!seen.has(k)) seen.add(k) && columns.push(k);
  }
}

const REMARKS = [
  "Die E-Akte sollte schneller kommen.",
  "Mehr Schulungen zu den Fachverfahren wären hilfreich.",
  "Online-Terminvergabe hat sich bewährt.",
  "WLAN in den Außenstellen ist unzuverlässig.",
];

function answer(item, q, maturity) {
  // maturity: 0–1 latent level of this respondent for the item's dimension.
  const r = rand();
  if (r < 0.03) return ""; // blank
  switch (item.type) {
    case "likert":
    case "grid": {
      const scale = q.scales.get(item.scale);
      const scored = scale.options.filter((o) => !o.missing);
      const special = scale.options.filter((o) => o.missing);
      if (special.length > 0 && r < 0.08) return special[Math.floor(rand() * special.length)].code;
      let x = clamp(maturity + normal() * 0.18, 0, 0.999);
      if (item.reverse) x = 0.999 - x;
      return scored[Math.floor(x * scored.length)].code;
    }
    case "yesno": {
      if (r < 0.06) return "dk";
      const yes = rand() < maturity;
      return (item.reverse ? !yes : yes) ? "yes" : "no";
    }
    case "single": {
      const scored = item.choices.filter((c) => !c.missing).sort((a, b) => a.score - b.score);
      const x = clamp(maturity + normal() * 0.2, 0, 0.999);
      return scored[Math.floor(x * scored.length)].code;
    }
    case "multi": {
      const picks = item.choices.filter((c) => !c.missing && !c.exclusive && rand() < maturity);
      if (picks.length === 0) return item.choices.find((c) => c.exclusive)?.code ?? "";
      return picks.map((c) => c.code).join(";");
    }
    case "number": {
      const b =
        item.bands[Math.floor(clamp(maturity + normal() * 0.2, 0, 0.999) * item.bands.length)];
      const lo = b.min ?? (b.max ?? 10) - 10;
      const hi = b.max ?? lo + 10;
      const v = lo + rand() * (hi - lo);
      return String(Math.round(v * 10) / 10);
    }
    case "text":
      return rand() < 0.15 ? REMARKS[Math.floor(rand() * REMARKS.length)] : "";
  }
  return "";
}

const rows = [];
let serial = 0;
for (const d of plan) {
  // Department profile: a base level and a per-dimension offset.
  const base = 0.3 + rand() * 0.35;
  const offsets = new Map(d.q.dimensions.map((dim) => [dim.id, normal() * 0.1]));
  for (let i = 0; i < d.n; i++) {
    serial++;
    const group = rand() < 0.15 ? "management" : "staff";
    const person = normal() * 0.08;
    const row = { respondent: `R${String(serial).padStart(4, "0")}`, department: d.id, group };
    for (const item of d.q.items) {
      if (item.groups && !item.groups.includes(group)) continue;
      const m = clamp(base + offsets.get(item.dimension) + person, 0.02, 0.98);
      if (item.type === "grid") {
        for (const rw of item.rows) row[`${item.id}[${rw.id}]`] = answer(item, d.q, m);
      } else row[item.id] = answer(item, d.q, m);
    }
    // A survey tool does not put a question whose condition fails: its cell stays empty. Drawn
    // first and blanked after, so the other answers are those of the same seed either way.
    for (const item of d.q.items) {
      if (!item.when || evaluateCondition(item.when, (id) => row[id])) continue;
      if (item.type === "grid") for (const rw of item.rows) delete row[`${item.id}[${rw.id}]`];
      else delete row[item.id];
    }
    rows.push(row);
  }
}
const csv = stringify(rows, {
  header: true,
  columns: ["respondent", "department", "group", ...columns],
});
writeFileSync(out, csv);
console.error(
  `wrote ${out}: ${rows.length} respondents, ${columns.length} item columns, seed ${seed}`,
);
