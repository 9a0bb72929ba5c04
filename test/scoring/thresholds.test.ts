// Issue 16, "Done when": levels at exact thresholds. Department means of exactly 20, 40, 60 and 80
// built from thirds (a 4-point scale: 0, 33⅓, 66⅔, 100) and sixths (a 7-point scale) must be at
// the level that STARTS at that threshold (a mean of 60 is L4, not L3), and written as exactly
// 60; a mean a third below a threshold (e.g. 179/3 = 59.67) is at the level below it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assessment, DimensionResult } from "../../src/scoring/assessment.js";
import { cli } from "../e2e/cli.js";
import { loadFixture } from "./helpers.js";
import { loadTexts, scoreFiles, tempDir, writeFile } from "./score-files.js";

const THRESHOLDS = [20, 40, 60, 80] as const;
/** The level whose min is the largest one at or below `score` (levels 0/20/40/60/80). */
const levelAt = (score: number) => `L${1 + THRESHOLDS.filter((t) => score >= t).length}`;

const q4 = (n: number) => `q4_${n}`;
const q7 = (n: number) => `q7_${n}`;
const QUESTIONNAIRE = `# yaml-language-server: $schema=../schema/questionnaire.schema.json
format: 1
id: thresholds
version: "1"
languages: [en]
title: Threshold cases
group: staff
groups:
  - { id: staff, name: Staff }
scales:
  agree4:
    options:
      - { code: "1", value: 1, label: one }
      - { code: "2", value: 2, label: two }
      - { code: "3", value: 3, label: three }
      - { code: "4", value: 4, label: four }
      - { code: dk, missing: dont_know, label: don't know }
  agree7:
    options:
${[1, 2, 3, 4, 5, 6, 7].map((v) => `      - { code: "${v}", value: ${v}, label: v${v} }`).join("\n")}
      - { code: dk, missing: dont_know, label: don't know }
levels:
  - { id: L1, min: 0, name: Level 1 }
  - { id: L2, min: 20, name: Level 2 }
  - { id: L3, min: 40, name: Level 3 }
  - { id: L4, min: 60, name: Level 4 }
  - { id: L5, min: 80, name: Level 5 }
dimensions:
  - { id: thirds, name: "One 4-point item (thirds)" }
  - { id: sixths, name: "One 7-point item (sixths)" }
  - { id: mixed, name: "A 4-point and a 7-point item (twelfths)" }
  - { id: five4, name: "Five 4-point items (fifteenths)" }
  - { id: ten7, name: "Ten 7-point items (sixtieths)" }
items:
  - { id: t4, dimension: thirds, type: likert, scale: agree4, text: t4 }
  - { id: s7, dimension: sixths, type: likert, scale: agree7, text: s7 }
  - { id: m4, dimension: mixed, type: likert, scale: agree4, text: m4 }
  - { id: m7, dimension: mixed, type: likert, scale: agree7, reverse: true, text: m7 }
${[1, 2, 3, 4, 5].map((n) => `  - { id: ${q4(n)}, dimension: five4, type: likert, scale: agree4, text: ${q4(n)} }`).join("\n")}
${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `  - { id: ${q7(n)}, dimension: ten7, type: likert, scale: agree7, text: ${q7(n)} }`).join("\n")}
`;

const ITEMS = [
  "t4",
  "s7",
  "m4",
  "m7",
  ...[1, 2, 3, 4, 5].map(q4),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(q7),
];

/** A case: one department of five respondents answering one dimension. */
interface Case {
  readonly department: string;
  readonly dimension: string;
  /** The exact mean (a fraction, for the message). */
  readonly mean: number;
  readonly meanText: string;
  /** Per respondent: item id → code. */
  readonly answers: readonly Readonly<Record<string, string>>[];
  /** Every respondent's own score (when they are all the same). */
  readonly respondentScore?: number;
}

/** Item score steps k (0…3 on the 4-point scale) → codes. */
const code4 = (k: number) => String(k + 1);
const code7 = (j: number) => String(j + 1);

/** Spreads `total` sixths over 5 respondents × 10 seven-point items (each 0…6). */
function ten7Answers(total: number): Record<string, string>[] {
  const cells = Array<number>(50).fill(0);
  let left = total;
  for (let i = 0; left > 0; i = (i + 1) % 50) {
    // Round-robin one step at a time: every respondent gets a similar total.
    if (cells[i]! < 6) {
      cells[i]!++;
      left--;
    }
  }
  return [0, 1, 2, 3, 4].map((r) =>
    Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n, i) => [q7(n), code7(cells[i * 5 + r]!)]),
    ),
  );
}

const CASES: Case[] = [];
for (const t of THRESHOLDS) {
  // One 4-point item: scores k·100/3, mean Σk·100/15 = t ⇔ Σk = 0.15·t.
  const thirds: Record<number, number[]> = {
    20: [1, 1, 1, 0, 0],
    40: [1, 1, 1, 1, 2],
    60: [2, 2, 2, 2, 1],
    80: [3, 3, 2, 2, 2],
  };
  CASES.push({
    department: `thirds${t}`,
    dimension: "thirds",
    mean: t,
    meanText: `${t}`,
    answers: thirds[t]!.map((k) => ({ t4: code4(k) })),
  });
  // One 7-point item: scores j·100/6, mean Σj·100/30 = t ⇔ Σj = 0.3·t.
  const sixths: Record<number, number[]> = {
    20: [1, 1, 1, 1, 2],
    40: [2, 2, 2, 3, 3],
    60: [5, 5, 4, 2, 2],
    80: [5, 5, 5, 5, 4],
  };
  CASES.push({
    department: `sixths${t}`,
    dimension: "sixths",
    mean: t,
    meanText: `${t}`,
    answers: sixths[t]!.map((j) => ({ s7: code7(j) })),
  });
  // A 4-point item and a reversed 7-point item: respondent (2k + j)·100/12, mean Σ(2k+j)·100/60.
  const mixed: Record<number, [number, number][]> = {
    20: [
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
      [0, 0],
    ],
    40: [
      [2, 1],
      [2, 1],
      [2, 1],
      [2, 1],
      [1, 2],
    ],
    60: [
      [3, 6],
      [3, 6],
      [2, 4],
      [1, 2],
      [0, 0],
    ],
    80: [
      [3, 6],
      [3, 6],
      [3, 6],
      [2, 2],
      [2, 2],
    ],
  };
  CASES.push({
    department: `mixed${t}`,
    dimension: "mixed",
    mean: t,
    meanText: `${t}`,
    // m7 is reversed: j steps of score are the code 7 − j.
    answers: mixed[t]!.map(([k, j]) => ({ m4: code4(k), m7: String(7 - j) })),
  });
  // Five 4-point items, every respondent exactly at t: Σk = 0.15·t per respondent.
  const perRespondent = (0.15 * t) as number;
  const ks = [0, 1, 2, 3, 4].map(
    (i) => Math.floor(perRespondent / 5) + (i < perRespondent % 5 ? 1 : 0),
  );
  CASES.push({
    department: `five${t}`,
    dimension: "five4",
    mean: t,
    meanText: `${t}`,
    respondentScore: t,
    answers: [0, 1, 2, 3, 4].map((r) =>
      // Rotate, so the respondents differ in which items carry the extra step.
      Object.fromEntries([1, 2, 3, 4, 5].map((n, i) => [q4(n), code4(ks[(i + r) % 5]!)])),
    ),
  });
  // Ten 7-point items over five respondents: mean Σj/3. Exactly t, a third below and above.
  CASES.push({
    department: `ten${t}`,
    dimension: "ten7",
    mean: t,
    meanText: `${t}`,
    answers: ten7Answers(3 * t),
  });
  CASES.push({
    department: `below${t}`,
    dimension: "ten7",
    mean: (3 * t - 1) / 3,
    meanText: `${3 * t - 1}/3`,
    answers: ten7Answers(3 * t - 1),
  });
  CASES.push({
    department: `above${t}`,
    dimension: "ten7",
    mean: (3 * t + 1) / 3,
    meanText: `${3 * t + 1}/3`,
    answers: ten7Answers(3 * t + 1),
  });
}

function csvOf(cases: readonly Case[], items: readonly string[], crlf = false): string {
  const lines = [["respondent", "department", "group", ...items].join(",")];
  let id = 0;
  for (const c of cases) {
    for (const a of c.answers) {
      lines.push([`R${++id}`, c.department, "staff", ...items.map((i) => a[i] ?? "")].join(","));
    }
  }
  return lines.join(crlf ? "\r\n" : "\n") + (crlf ? "\r\n" : "\n");
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function cell(a: Assessment, department: string, dimension: string): DimensionResult {
  const d = a.departments.find((u) => u.id === department);
  if (!d) throw new Error(`no department ${department} in the assessment`);
  const r = d.dimensions.find((x) => x.id === dimension);
  if (!r) throw new Error(`no dimension ${dimension} in ${department}`);
  return r;
}

describe("levels at exact thresholds (issue 16)", () => {
  let assessment: Assessment;
  let parsed: Assessment;
  let cleanup: () => void;

  beforeAll(async () => {
    const qs = loadTexts({ "thresholds.yaml": QUESTIONNAIRE });
    const t = tempDir();
    cleanup = t.cleanup;
    const file = writeFile(t.dir, "answers.csv", csvOf(CASES, ITEMS));
    const r = await scoreFiles(qs, [file], {
      departments: CASES.map((c) => ({ id: c.department })),
      // k = 2: median, min and max of five are released from n ≥ 2k only.
      settings: { minGroupSize: 2 },
    });
    expect(r.account.totals).toMatchObject({ rows: 5 * CASES.length, rejected: 0 });
    assessment = r.assessment;
    parsed = JSON.parse(r.json);
  });
  afterAll(() => cleanup?.());

  it("builds the cases it means to (the exact means, computed here as fractions)", () => {
    for (const c of CASES) expect(c.answers).toHaveLength(5);
    // Sanity of the case table itself: exact rational means, via integer arithmetic.
    const steps = (c: Case) => {
      switch (c.dimension) {
        case "thirds":
          return { num: c.answers.reduce((s, a) => s + Number(a.t4) - 1, 0) * 100, den: 15 };
        case "sixths":
          return { num: c.answers.reduce((s, a) => s + Number(a.s7) - 1, 0) * 100, den: 30 };
        case "mixed":
          return {
            num:
              c.answers.reduce((s, a) => s + 2 * (Number(a.m4) - 1) + (7 - Number(a.m7)), 0) * 100,
            den: 60,
          };
        case "five4":
          return {
            num:
              c.answers.reduce(
                (s, a) => s + [1, 2, 3, 4, 5].reduce((x, n) => x + Number(a[q4(n)]) - 1, 0),
                0,
              ) * 100,
            den: 75,
          };
        default:
          return {
            num:
              c.answers.reduce(
                (s, a) =>
                  s + [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].reduce((x, n) => x + Number(a[q7(n)]) - 1, 0),
                0,
              ) * 100,
            den: 300,
          };
      }
    };
    for (const c of CASES) {
      const { num, den } = steps(c);
      // num/den === mean exactly: compare num·3 with mean·3·den in integers.
      expect(num * 3, c.department).toBe(Math.round(c.mean * 3) * den);
    }
  });

  it.each(
    CASES.map(
      (c) =>
        [`${c.department}: ${c.dimension} mean ${c.meanText} → ${levelAt(c.mean)}`, c] as const,
    ),
  )("%s", (_name, c) => {
    const expected = levelAt(c.mean);
    const r = cell(assessment, c.department, c.dimension);
    expect(r.n, "respondents with a score").toBe(5);
    expect({ mean: r.mean, level: r.level }).toEqual({
      mean: expect.closeTo(c.mean, 9),
      level: expected,
    });
    // assessment.json writes the mean exactly (an integer threshold as the integer itself).
    const j = cell(parsed, c.department, c.dimension);
    expect(j.mean).toBe(round6(c.mean));
    expect(j.level).toBe(expected);
    if (c.respondentScore !== undefined) {
      // Every respondent is exactly at the threshold: all of them at the level it starts.
      expect(j.levelShares).toMatchObject({ [levelAt(c.respondentScore)]: 1 });
      expect(j.median).toBe(c.respondentScore);
      expect(j.min).toBe(c.respondentScore);
      expect(j.max).toBe(c.respondentScore);
    }
  });
});

// The issue's own example, on the bundled core questionnaire (agree5): strategy items str_01–03
// of five respondents `3,1,1 / 5,5,3 / 5,5,3 / 5,5,3 / 5,1,1` → respondent scores 16⅔, 83⅓, 83⅓,
// 83⅓, 33⅓ → department mean exactly 60, which is L4 (core levels: L4 starts at 60).
const ISSUE_ROWS = ["3,1,1", "5,5,3", "5,5,3", "5,5,3", "5,1,1"];
const issueCsv = (crlf = false) =>
  [
    "respondent,department,group,str_01,str_02,str_03",
    ...ISSUE_ROWS.map((r, i) => `R${i + 1},bauen,staff,${r}`),
  ].join(crlf ? "\r\n" : "\n") + "\n";

describe("the issue's example: strategy mean exactly 60 is L4", () => {
  it("core.yaml: L4 starts at 60", () => {
    const core = loadFixture("questionnaires/core.yaml")[0]!;
    expect(core.levels.map((l) => [l.id, l.min])).toEqual([
      ["L1", 0],
      ["L2", 20],
      ["L3", 40],
      ["L4", 60],
      ["L5", 80],
    ]);
  });

  it("through the library API", async () => {
    const qs = loadFixture("questionnaires/core.yaml", "questionnaires/departments/bauen.yaml");
    const t = tempDir();
    try {
      const file = writeFile(t.dir, "issue.csv", issueCsv());
      const r = await scoreFiles(qs, [file], { settings: { minGroupSize: 3 } });
      const s = cell(JSON.parse(r.json), "bauen", "strategy");
      expect({ n: s.n, mean: s.mean, level: s.level }).toEqual({ n: 5, mean: 60, level: "L4" });
    } finally {
      t.cleanup();
    }
  });

  it("through the built CLI: assessment.json and scores.csv", () => {
    const t = tempDir();
    try {
      const file = writeFile(t.dir, "issue.csv", issueCsv(true));
      const out = join(t.dir, "out");
      const r = cli(["score", file, "--out", out, "--min-group-size", "3", "--format", "json,csv"]);
      expect(r.status, r.stderr).toBe(0);
      const a = JSON.parse(readFileSync(join(out, "assessment.json"), "utf8")) as Assessment;
      const s = cell(a, "bauen", "strategy");
      expect({ n: s.n, mean: s.mean, level: s.level }).toEqual({ n: 5, mean: 60, level: "L4" });
      const lines = readFileSync(join(out, "scores.csv"), "utf8").trimEnd().split("\n");
      const header = lines[0]!.split(",");
      const rows = lines.slice(1).map((l) => l.split(","));
      const row = rows.find(
        (x) =>
          x[header.indexOf("unit")] === "bauen" &&
          x[header.indexOf("group")] === "" &&
          x[header.indexOf("dimension")] === "strategy",
      );
      expect(row, "scores.csv row bauen / strategy").toBeDefined();
      const at = (col: string) => row![header.indexOf(col)];
      expect({ n: at("n"), mean: at("mean"), level: at("level") }).toEqual({
        n: "5",
        mean: "60",
        level: "L4",
      });
    } finally {
      t.cleanup();
    }
  });
});
