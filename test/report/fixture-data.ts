// Builds the small fixture assessments (fixtures/assessments/*.json) from the fixture
// questionnaires and seeded synthetic answers, through the real loader and scorer.
// Regenerate with UPDATE_GOLDEN=1 (see test/report/golden.test.ts).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rng } from "../../scripts/mulberry32.mjs";
import { loadQuestionnaires } from "../../src/questionnaire/load.js";
import type { Questionnaire } from "../../src/questionnaire/model.js";
import { renderJson } from "../../src/report/json.js";
import { parseAssessment } from "../../src/report/read-assessment.js";
import type { ResponseRecord } from "../../src/responses/model.js";
import { type Assessment, DEFAULT_SETTINGS } from "../../src/scoring/assessment.js";
import { Scorer } from "../../src/scoring/score.js";
import { ASSESSMENT_SCHEMA } from "./assessment-schema.js";

export const FIXTURE_QUESTIONNAIRES = "fixtures/assessments/src/questionnaires";

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(p) ? [p] : [];
    });
}

export function fixtureQuestionnaires(version?: string): readonly Questionnaire[] {
  const sources = walk(FIXTURE_QUESTIONNAIRES).map((path) => ({
    path,
    text: readFileSync(path, "utf8"),
  }));
  const { questionnaires, problems } = loadQuestionnaires(sources);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  return version ? questionnaires.map((q) => ({ ...q, version })) : questionnaires;
}

interface Plan {
  readonly department?: string;
  readonly group: string;
  readonly n: number;
  /** Typical answer 1–5. */
  readonly level: number;
}

export function fixtureRecords(
  seed: number,
  shift: number,
  plans: readonly Plan[],
): ResponseRecord[] {
  const rand = rng(seed);
  const answer = (level: number): string => {
    const r = rand();
    if (r < 0.05) return "dk";
    if (r < 0.08) return "";
    const v = Math.round(level + (rand() - 0.5) * 3);
    return String(Math.min(5, Math.max(1, v)));
  };
  const out: ResponseRecord[] = [];
  for (const p of plans) {
    for (let i = 0; i < p.n; i++) {
      const lv = p.level + shift;
      const answers = new Map<string, string>();
      const internal = p.group !== "citizens";
      const ids = internal
        ? ["str_01", "str_02", "prc_01", "prc_02", "srv_01"]
        : ["cit_01", "cit_02"];
      for (const id of ids) {
        const a = id === "prc_02" ? String(6 - Number(answer(lv)) || "") : answer(lv);
        if (a !== "" && a !== "NaN" && a !== "0")
          answers.set(id, id === "prc_02" && a === "6" ? "1" : a);
      }
      if (internal) answers.set("srv_02", rand() < lv / 6 ? "yes" : "no");
      if (p.department === "bauen") answers.set("bau_01", answer(lv - 0.5));
      out.push({
        respondent: `${p.department ?? p.group}-${i + 1}`,
        ...(p.department ? { department: p.department } : {}),
        group: p.group,
        answers,
      });
    }
  }
  return out;
}

const PLANS: readonly Plan[] = [
  { department: "bauen", group: "staff", n: 9, level: 2.4 },
  { department: "bauen", group: "management", n: 3, level: 3 },
  { department: "ordnung", group: "staff", n: 9, level: 3.4 },
  { department: "soziales", group: "staff", n: 6, level: 3.8 },
  { department: "rpa", group: "staff", n: 3, level: 1.5 },
  { group: "citizens", n: 8, level: 2.8 },
];

export const DEPARTMENT_NAMES = {
  ordnung: { de: "Ordnungsamt", en: "Public order office" },
  soziales: { de: "Soziales", en: "Social services" },
  rpa: { de: "Rechnungsprüfungsamt", en: "Audit office" },
};

/** Staff per department: ordnung's 9 of 40 is a low response rate; rpa is suppressed (no rate). */
export const HEADCOUNTS = { bauen: 20, ordnung: 40, rpa: 10, soziales: 8 };

export function buildFixture(wave: "2024" | "2026"): Assessment {
  const qs = fixtureQuestionnaires(wave === "2026" ? "2026.1" : undefined);
  const scorer = new Scorer(qs, {
    settings: { ...DEFAULT_SETTINGS, minAlphaN: 10 },
    generatorVersion: "0.1.0",
    date: wave === "2024" ? "2024-10-15" : "2026-10-20",
    departmentNames: DEPARTMENT_NAMES,
    headcounts: HEADCOUNTS,
  });
  for (const r of fixtureRecords(wave === "2024" ? 24 : 26, wave === "2024" ? 0 : 0.5, PLANS))
    scorer.add(r);
  return scorer.finish();
}

/** The committed fixture assessment; rewritten from the sources first when UPDATE_GOLDEN=1. */
export function loadWave(wave: "2024" | "2026"): Assessment {
  const path = `fixtures/assessments/wave-${wave}.json`;
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, renderJson(buildFixture(wave)));
  const parsed = parseAssessment(readFileSync(path, "utf8"), ASSESSMENT_SCHEMA);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.assessment;
}
