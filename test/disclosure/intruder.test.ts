// The attacks of issue 17 against the published assessment (rounded as assessment.json writes
// it), on small generated administrations where each one recovered a hidden value before the
// disclosure step was rebuilt, and on the report fixtures. Each must now find nothing.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { published } from "../../src/report/json.js";
import type { ResponseRecord } from "../../src/responses/model.js";
import { type Assessment, DEFAULT_SETTINGS, type Settings } from "../../src/scoring/assessment.js";
import { Scorer } from "../../src/scoring/score.js";
import { loadFixture } from "../scoring/helpers.js";
import { loadTexts } from "../scoring/score-files.js";
import {
  departmentFromGroups,
  departmentWeighting,
  type Finding,
  fiveScores,
  groupFromSiblings,
  groupResidual,
  linearProgram,
  prioritiesAndTargets,
  publicCounts,
  smallOverallBlocks,
} from "./intruder.js";

const tiny = loadFixture("fixtures/scoring/tiny.yaml");
/**
 * With a department questionnaire for d0: an item only d0 is asked (a4, in alpha), a dimension
 * only d0 has (gamma) and its own target for beta.
 */
const withDepartment = loadTexts({
  "tiny.yaml": readFileSync("fixtures/scoring/tiny.yaml", "utf8"),
  "d0.yaml": `format: 1
id: d0
extends: tiny
version: "1"
languages: [de, en]
department: { id: d0, name: { de: Amt null, en: Office zero } }
title: { de: Mini – Amt null, en: Tiny – office zero }
dimensions:
  - { id: beta, target: L4 }
  - id: gamma
    name: { de: Gamma, en: Gamma }
    weight: 1
    target: L3
items:
  - { id: a4, dimension: alpha, type: likert, scale: agree5, text: { de: A vier, en: A four } }
  - { id: g1, dimension: gamma, type: likert, scale: agree5, text: { de: G eins, en: G one } }
`,
});
const P = 5;

/** Deterministic answers: respondent i of a cell, alpha and/or beta answered. */
function people(
  department: string | undefined,
  group: string,
  n: number,
  seed: number,
  answer: { alpha?: boolean; beta?: boolean } = {},
): ResponseRecord[] {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return String(1 + (x % 5));
  };
  return Array.from({ length: n }, (_, i) => {
    const answers = new Map<string, string>();
    if (answer.alpha !== false) for (const id of ["a1", "a2", "a3"]) answers.set(id, next());
    if (answer.beta !== false) {
      answers.set("b1", next());
      answers.set("b2", Number(next()) > 2 ? "yes" : "no");
      if (answers.get("b2") === "yes") answers.set("b3", next());
    }
    return {
      respondent: `${department ?? "none"}-${group}-${seed}-${i}`,
      ...(department !== undefined ? { department } : {}),
      group,
      answers,
    };
  });
}

function score(
  records: readonly ResponseRecord[],
  settings: Partial<Settings> = {},
  questionnaires = tiny,
): Assessment {
  const s = new Scorer(questionnaires, { settings: { ...DEFAULT_SETTINGS, ...settings } });
  for (const r of records) s.add(r);
  return published(s.finish());
}

interface Case {
  readonly published: Assessment;
  readonly truth: Assessment;
}

function scenario(
  records: readonly ResponseRecord[],
  settings: Partial<Settings> = {},
  questionnaires = tiny,
): Case {
  return {
    published: score(records, settings, questionnaires),
    truth: score(records, { ...settings, minGroupSize: 1 }, questionnaires),
  };
}

const internal = (g: string) => g !== "citizens";

/** The truth of a finding: the mean of that cell in the k = 1 run. */
function truthOf(c: Case, f: Finding): number | undefined {
  const [first, second] = f.unit.split("/");
  if (second === "unassigned") {
    // The respondents of the group without a department: the group minus its department cells.
    const id = first!.slice("group:".length);
    const g = c.truth.groups.find((x) => x.id === id)?.dimensions.find((d) => d.id === f.dimension);
    const cells = c.truth.departments
      .flatMap((d) => d.groups ?? [])
      .filter((x) => x.id === id)
      .map((x) => x.dimensions.find((d) => d.id === f.dimension)!);
    const n = g!.n - cells.reduce((s, x) => s + x.n, 0);
    return (g!.n * g!.mean! - cells.reduce((s, x) => s + x.n * x.mean!, 0)) / n;
  }
  const [kind, id] = first!.split(":");
  const u =
    kind === "administration"
      ? c.truth.administration
      : kind === "group"
        ? c.truth.groups.find((g) => g.id === id)
        : c.truth.departments.find((d) => d.id === id);
  const unit = second ? u?.groups?.find((g) => `group:${g.id}` === second) : u;
  if (!unit) return undefined;
  return f.dimension === "@overall"
    ? (unit.overall.mean ?? undefined)
    : unit.dimensions.find((d) => d.id === f.dimension)?.mean;
}

// Department a: 6 staff, 3 of whom answer only beta (alpha n = 3 < k); b: 6 staff; c: 20 staff.
const ONE_GROUP = [
  ...people("a", "staff", 3, 1),
  ...people("a", "staff", 3, 2, { alpha: false }),
  ...people("b", "staff", 6, 3),
  ...people("c", "staff", 20, 4),
];
// Department m: 10 staff and 6 managers, 3 of the managers without alpha; d: 12 staff, 5 managers.
const TWO_GROUPS = [
  ...people("m", "staff", 10, 5),
  ...people("m", "management", 3, 6),
  ...people("m", "management", 3, 7, { alpha: false }),
  ...people("d", "staff", 12, 8),
  ...people("d", "management", 5, 9),
];
// Two managers without a department beside two departments' five managers each.
const NO_DEPARTMENT = [
  ...people("e", "staff", 10, 10),
  ...people("e", "management", 5, 11),
  ...people("f", "staff", 10, 12),
  ...people("f", "management", 5, 13),
  ...people(undefined, "management", 2, 14),
];
// Department o: 12 staff, two answer both dimensions, five only alpha, five only beta.
const SMALL_OVERALL = [
  ...people("o", "staff", 2, 19),
  ...people("o", "staff", 5, 20, { beta: false }),
  ...people("o", "staff", 5, 21, { alpha: false }),
  ...people("c", "staff", 20, 4),
];
// Department weighting: x (3) and y (4) are hidden; z (10) and w (12) shown; staff only.
const WEIGHTED = [
  ...people("x", "staff", 3, 15),
  ...people("y", "staff", 4, 16),
  ...people("z", "staff", 10, 17),
  ...people("w", "staff", 12, 18),
];

const attacks: [string, Case, (c: Case) => Finding[]][] = [
  ["1 department from its groups", scenario(ONE_GROUP), (c) => departmentFromGroups(c.published)],
  [
    "2 group from department minus siblings",
    scenario(TWO_GROUPS),
    (c) => groupFromSiblings(c.published),
  ],
  ["3 overall blocks below k", scenario(SMALL_OVERALL), (c) => smallOverallBlocks(c.published)],
  [
    "4 group minus shown department cells",
    scenario(NO_DEPARTMENT),
    (c) => groupResidual(c.published),
  ],
  [
    "5 priorities, ranks, percent-to-target",
    scenario([...ONE_GROUP, ...TWO_GROUPS]),
    (c) => prioritiesAndTargets(c.published),
  ],
  ["6 five scores from a cell of five", scenario(NO_DEPARTMENT), (c) => fiveScores(c.published)],
  [
    "7 department weighting",
    scenario(WEIGHTED, { administrationWeighting: "department" }),
    (c) => departmentWeighting(c.published, publicCounts(c.truth)),
  ],
];

describe("intruder: the seven attacks of issue 17 find nothing", () => {
  for (const [name, c, attack] of attacks)
    test(name, () => {
      const found = attack(c);
      // A value found must be the truth (the attack is real), and there must be none.
      for (const f of found) {
        const t = truthOf(c, f);
        if (t !== undefined && Number.isFinite(f.value) && f.attack !== "five-scores")
          expect(f.value).toBeCloseTo(t, 3);
      }
      expect(found).toEqual([]);
    });
});

describe("intruder: the auditor as attacker", () => {
  const cases: [string, Case][] = [
    ["one group", scenario(ONE_GROUP)],
    ["two groups", scenario(TWO_GROUPS)],
    ["no department", scenario(NO_DEPARTMENT)],
    ["weighted", scenario(WEIGHTED, { administrationWeighting: "department" })],
    ["small overall", scenario(SMALL_OVERALL)],
    ["mixed", scenario([...ONE_GROUP, ...TWO_GROUPS, ...NO_DEPARTMENT])],
  ];
  for (const [name, c] of cases)
    test(`${name}: no hidden cell below k narrower than ±${P}`, () => {
      expect(linearProgram(c.published, c.truth, internal, P)).toEqual([]);
    });
});

describe("intruder: property over random small administrations", () => {
  // 1–12 departments of 1–40 respondents, 1–2 internal groups plus respondents without a
  // department, k from 3 to 10, both weightings; in every other case d0 has its own
  // questionnaire (an item and a dimension only it is asked, its own target); a seeded
  // generator, so the cases are fixed.
  let seed = 17;
  const rand = (n: number) => {
    seed = (seed * 16807) % 2147483647;
    return seed % n;
  };
  const cases = Array.from({ length: 30 }, (_, c) => {
    const records: ResponseRecord[] = [];
    const departments = 1 + rand(12);
    for (let d = 0; d < departments; d++)
      for (const group of rand(2) === 0 ? ["staff"] : ["staff", "management"]) {
        const n = rand(3) === 0 ? 1 + rand(6) : 1 + rand(40);
        const only = rand(4);
        records.push(
          ...people(`d${d}`, group, n, 1000 * c + 10 * d + (group === "staff" ? 1 : 2), {
            alpha: only !== 1,
            beta: only !== 2,
          }),
        );
      }
    if (rand(2) === 0) records.push(...people(undefined, "management", 1 + rand(6), 7 + c));
    const settings: Partial<Settings> = {
      minGroupSize: 3 + rand(8),
      administrationWeighting: rand(2) === 0 ? "respondent" : "department",
    };
    const own = c % 2 === 1;
    if (own) {
      // d0's own items, answered by most of its respondents.
      for (const r of records) {
        if (r.department !== "d0" || rand(5) === 0) continue;
        const answers = r.answers as Map<string, string>;
        answers.set("a4", String(1 + rand(5)));
        answers.set("g1", String(1 + rand(5)));
      }
    }
    return [
      `case ${c}: ${departments} departments, k ${settings.minGroupSize}, ${settings.administrationWeighting}${own ? ", d0's own questionnaire" : ""}`,
      scenario(records, settings, own ? withDepartment : tiny),
    ] as const;
  });
  for (const [name, c] of cases)
    test(name, () => {
      const found = [
        ...departmentFromGroups(c.published),
        ...groupFromSiblings(c.published),
        ...smallOverallBlocks(c.published),
        ...groupResidual(c.published),
        ...prioritiesAndTargets(c.published),
        ...fiveScores(c.published),
        ...departmentWeighting(c.published, publicCounts(c.truth)),
        ...linearProgram(c.published, c.truth, internal, P),
      ];
      expect(found).toEqual([]);
    });
});
