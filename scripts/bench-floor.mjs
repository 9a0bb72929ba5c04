#!/usr/bin/env node
// The floor of `npm run bench`: how fast plain single-threaded JavaScript on this machine can do
// the per-row work of `score` on the benchmark file, when nothing is general. One fused pass over
// the bytes, written for exactly this file's layout (respondent, department, group, then the 48
// core items, comma-separated, no quotes to speak of): per row a respondent-id hash (duplicates),
// the cell (department × group), each cell's answer code and its count, per dimension the
// applicable and answered items and the exact respondent score (an integer over 60) into the
// cell's histogram, the overall score into another, and the reliability sums (Σx, Σx², Σx·T, ΣT,
// ΣT²) of the respondents who answered a whole dimension. Not done: problems and their account,
// rejects, department questionnaires (every row is scored with the core), building the assessment,
// writing any report.
//
// What the rules are comes from the real questionnaire: scripts/bench.mjs writes SPEC (dimension,
// reverse, groups and `when` of each item, read with the real loader) and checks the floor's
// dimension means against reifegrad's assessment.json for the departments scored with the core.
//
// Usage: node scripts/bench-floor.mjs FILE SPEC   (prints one JSON line: cells, n and sums)
import { closeSync, openSync, readFileSync, readSync } from "node:fs";

const [file, specFile] = process.argv.slice(2);
/** @type {{ items: { dim: number, reverse: boolean, groups: string[] | null,
 *   when: { item: number, min: number } | null }[], dims: number, minCoverage: number }} */
const spec = JSON.parse(readFileSync(specFile, "utf8"));
const NI = spec.items.length;
const ND = spec.dims;
const L = 60; // every dimension's score is a mean of 1–6 item scores: an integer over 60
const FIXED = 3; // respondent, department, group
// Codes: 0 blank, 1–5 the scale, 6 dk (applicable, no score), 7 na (not applicable), 8 not asked.
const BLANK = 0;
const DK = 6;
const NA = 7;
const NOT_ASKED = 8;
const reverse = Uint8Array.from(spec.items, (i) => (i.reverse ? 1 : 0));
const whenItem = Int32Array.from(spec.items, (i) => (i.when ? i.when.item : -1));
const whenMin = Int32Array.from(spec.items, (i) => (i.when ? i.when.min : 0));
const itemsOfDim = Array.from({ length: ND }, (_, d) =>
  Int32Array.from(spec.items.flatMap((it, j) => (it.dim === d ? [j] : []))),
);

/** An open-addressing table of integer keys → counts (as reifegrad's Histogram). */
class Table {
  keys = new Float64Array(1024).fill(Number.NaN);
  counts = new Float64Array(1024);
  add(key) {
    const m = this.keys.length - 1;
    let i = Math.imul(key | 0, 0x9e3779b1) >>> 22;
    for (;;) {
      i &= m;
      const k = this.keys[i];
      if (k === key) {
        this.counts[i]++;
        return;
      }
      if (Number.isNaN(k)) {
        this.keys[i] = key;
        this.counts[i] = 1;
        return;
      }
      i++;
    }
  }
}

const cells = new Map(); // "department|group" → cell
const cellList = [];
function cellOf(buf, a, b, groupAt) {
  const name = buf.toString("latin1", a, b);
  let cell = cells.get(name);
  if (!cell) {
    const group = buf.toString("latin1", groupAt, b);
    cell = {
      name,
      asked: Uint8Array.from(spec.items, (i) => (!i.groups || i.groups.includes(group) ? 1 : 0)),
      dims: Array.from({ length: ND }, () => new Table()),
      overall: new Table(),
      codeCounts: new Float64Array(NI * 9),
      rel: new Float64Array(ND * (3 * 6 + 3)),
    };
    cells.set(name, cell);
    cellList.push(cell);
  }
  return cell;
}

const starts = new Int32Array(FIXED + NI + 8);
const ends = new Int32Array(FIXED + NI + 8);
const codes = new Int8Array(NI);
const hashes = new Float64Array(1 << 21);
let rows = 0;
/** Cells by a hash of their key's bytes; each keeps its bytes to compare (no string per row). */
const byHash = new Map();

function row(buf) {
  let h = 0x811c9dc5;
  for (let i = starts[0]; i < ends[0]; i++) h = Math.imul(h ^ buf[i], 16777619);
  hashes[rows] = h;
  const a = starts[1];
  const b = ends[2];
  let k = 0x811c9dc5;
  for (let i = a; i < b; i++) k = Math.imul(k ^ buf[i], 16777619);
  let cell;
  for (const c of byHash.get(k) ?? []) {
    if (c.key.length !== b - a) continue;
    let same = true;
    for (let i = 0; i < c.key.length && same; i++) same = c.key[i] === buf[a + i];
    if (same) cell = c;
  }
  if (!cell) {
    cell = cellOf(buf, a, b, starts[2]);
    cell.key = Buffer.from(buf.subarray(a, b));
    byHash.set(k, [...(byHash.get(k) ?? []), cell]);
  }
  for (let j = 0; j < NI; j++) {
    const s = starts[FIXED + j];
    const n = ends[FIXED + j] - s;
    const c = buf[s];
    codes[j] = n === 1 && c >= 49 && c <= 53 ? c - 48 : n === 2 ? (c === 100 ? DK : NA) : BLANK;
  }
  const { asked, codeCounts, dims, rel } = cell;
  for (let j = 0; j < NI; j++) {
    const w = whenItem[j];
    const c = w < 0 ? 0 : codes[w];
    if (asked[j] === 0 || (w >= 0 && !(c >= whenMin[j] && c <= 5))) codes[j] = NOT_ASKED;
    codeCounts[j * 9 + codes[j]]++;
  }
  let overall = 0;
  let complete = true;
  for (let d = 0; d < ND; d++) {
    const its = itemsOfDim[d];
    let sum = 0;
    let answered = 0;
    let applicable = 0;
    for (let k = 0; k < its.length; k++) {
      const j = its[k];
      const c = codes[j];
      if (c < NA) applicable++;
      if (c >= 1 && c <= 5) {
        sum += (reverse[j] ? 5 - c : c - 1) * 25;
        answered++;
      }
    }
    if (answered > 0 && answered >= spec.minCoverage * applicable) {
      const key = sum * (L / answered);
      dims[d].add(key);
      overall += key;
    } else complete = false;
    if (answered === its.length) {
      const r = d * 21;
      let t = 0;
      for (let k = 0; k < its.length; k++) {
        const c = codes[its[k]];
        t += (reverse[its[k]] ? 5 - c : c - 1) * 25;
      }
      for (let k = 0; k < its.length; k++) {
        const c = codes[its[k]];
        const x = (reverse[its[k]] ? 5 - c : c - 1) * 25;
        rel[r + k] += x;
        rel[r + 6 + k] += x * x;
        rel[r + 12 + k] += x * t;
      }
      rel[r + 18] += t;
      rel[r + 19] += t * t;
      rel[r + 20]++;
    }
  }
  if (complete) cell.overall.add(overall);
  rows++;
}

// Chunks of 1 MiB; a row cut by a chunk's end moves to the front of the buffer. (In a function:
// V8 optimises a function's loop better than one at the top of a module.)
function readAll(fd) {
  let buf = Buffer.allocUnsafe(2 << 20);
  let have = 0;
  let header = true;
  for (let eof = false; !eof; ) {
    if (have + (1 << 20) > buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, have);
      buf = bigger;
    }
    const got = readSync(fd, buf, have, 1 << 20, null);
    eof = got === 0;
    have += got;
    let from = 0;
    let n = 0;
    let fieldStart = 0;
    for (let i = 0; i < have; i++) {
      const c = buf[i];
      if (c === 44) {
        starts[n] = fieldStart;
        ends[n++] = i;
        fieldStart = i + 1;
      } else if (c === 10) {
        starts[n] = fieldStart;
        ends[n++] = i;
        if (header) header = false;
        else row(buf);
        n = 0;
        fieldStart = i + 1;
        from = i + 1;
      } else if (c === 34) {
        const close = buf.indexOf(34, i + 1);
        if (close < 0 || close >= have) break;
        i = close;
      }
    }
    buf.copy(buf, 0, from, have);
    have -= from;
  }
}
const fd = openSync(file, "r");
readAll(fd);
closeSync(fd);

// Duplicates: the hashes sorted, neighbours compared.
const sorted = hashes.slice(0, rows).sort();
let repeated = 0;
for (let i = 1; i < rows; i++) if (sorted[i] === sorted[i - 1]) repeated++;

// Per department and dimension: respondents and the sum of their scores (exact: integers / 60).
const departments = {};
for (const cell of cellList) {
  const department = cell.name.slice(0, cell.name.indexOf(","));
  departments[department] ??= Array.from({ length: ND }, () => ({ n: 0, sum: 0 }));
  cell.dims.forEach((t, d) => {
    const acc = departments[department][d];
    for (let i = 0; i < t.keys.length; i++) {
      if (Number.isNaN(t.keys[i])) continue;
      acc.n += t.counts[i];
      acc.sum += t.counts[i] * t.keys[i];
    }
  });
}
const out = {};
for (const [id, dims] of Object.entries(departments))
  out[id] = dims.map(({ n, sum }) => ({ n, mean: n > 0 ? sum / L / n : null }));
console.log(JSON.stringify({ rows, cells: cellList.length, repeated, departments: out }));
