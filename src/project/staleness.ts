// Is a committed assessment.json still what `reifegrad score` would write from the committed
// project? Answered from committed files alone — reifegrad.yaml, the questionnaires and the
// assessment — never from the raw answers, which stay out of git. Pure: every input is a value.
//
// The assessment records what it was scored with: every questionnaire's id, version and content
// hash, the settings, and per unit its targets, names and headcounts. Each rule below compares
// one of these with what the project says now and names the difference. A changed export cannot be
// seen here (exports are not committed); `score --check`, where the raw answers are, covers that.
import { createHash } from "node:crypto";
import type { Questionnaire, Text } from "../questionnaire/model.js";
import { roundingReplacer } from "../report/json.js";
import { type PreviousWave, previousWaveOf, recordPreviousWave } from "../report/trend.js";
import { type Assessment, DEFAULT_SETTINGS, type Unit } from "../scoring/assessment.js";
import { compareStrings } from "../util/order.js";
import type { Project } from "./model.js";

/** One difference between the committed assessment and the committed project. */
export interface StaleReason {
  readonly code:
    | "questionnaire-changed"
    | "questionnaire-added"
    | "questionnaire-removed"
    | "setting-changed"
    | "target-changed"
    | "name-changed"
    | "headcount-changed"
    | "method-changed"
    | "previous-changed";
  /**
   * What differs: a questionnaire id, a setting name, `department/dimension` for a target, a
   * department id for a name or headcount ("" = the administration's total headcount).
   */
  readonly key: string;
  /** The questionnaire's file, for a changed questionnaire. */
  readonly file?: string;
  /** The value now (reifegrad.yaml, questionnaires) and in assessment.json; "–" for none. */
  readonly now: string;
  readonly recorded: string;
}

export interface StalenessInput {
  readonly project: Project;
  /** The project's questionnaires as loaded now. */
  readonly questionnaires: readonly Questionnaire[];
  /** The root questionnaire (the core the departments extend). */
  readonly root: Questionnaire;
  readonly assessment: Assessment;
  /** The previous wave reifegrad.yaml names (`previous:`), as read now; absent when it names none. */
  readonly previous?: Assessment;
}

type Rule = (input: StalenessInput) => StaleReason[];

const NONE = "–";
const show = (v: unknown): string => (v === undefined || v === null ? NONE : String(v));

const questionnaireRule: Rule = ({ questionnaires, assessment }) => {
  const out: StaleReason[] = [];
  const recorded = new Map(assessment.questionnaires.map((q) => [q.id, q]));
  const ids = new Set([...recorded.keys(), ...questionnaires.map((q) => q.id)]);
  for (const id of [...ids].sort(compareStrings)) {
    const now = questionnaires.find((q) => q.id === id);
    const was = recorded.get(id);
    if (now && !was) {
      out.push({ code: "questionnaire-added", key: id, now: now.version, recorded: NONE });
    } else if (!now && was) {
      out.push({ code: "questionnaire-removed", key: id, now: NONE, recorded: was.version });
    } else if (now && was && now.contentHash !== was.contentHash) {
      out.push({
        code: "questionnaire-changed",
        key: id,
        ...(now.source ? { file: now.source } : {}),
        now: `${now.version}, content ${now.contentHash.slice(0, 12)}`,
        recorded: `${was.version}, content ${was.contentHash.slice(0, 12)}`,
      });
    }
  }
  return out;
};

const settingsRule: Rule = ({ project, assessment }) => {
  const s = project.settings;
  const a = assessment.settings;
  const pairs: [string, unknown, unknown][] = [
    ["minGroupSize", s.minGroupSize ?? DEFAULT_SETTINGS.minGroupSize, a.minGroupSize],
    ["minCoverage", s.minCoverage ?? DEFAULT_SETTINGS.minCoverage, a.minCoverage],
    ["minResponseRate", s.minResponseRate ?? DEFAULT_SETTINGS.minResponseRate, a.minResponseRate],
    [
      "weighting",
      s.weighting ?? DEFAULT_SETTINGS.administrationWeighting,
      a.administrationWeighting,
    ],
  ];
  // A date only when the project sets one (else it may come from the data).
  if (s.date !== undefined) pairs.push(["date", s.date, assessment.date]);
  return pairs
    .filter(([, now, was]) => now !== was)
    .map(([name, now, was]) => ({
      code: "setting-changed" as const,
      key: name,
      now: show(now),
      recorded: show(was),
    }));
};

/** The questionnaire a department is scored with: its own, else the root. */
function questionnaireOf(input: StalenessInput, department: string): Questionnaire {
  return input.questionnaires.find((q) => q.department?.id === department) ?? input.root;
}

/** Departments with numbers in the assessment (suppressed ones show neither targets nor rates). */
const shown = (units: readonly Unit[]): Unit[] => units.filter((u) => u.suppressed === undefined);

const targetRule: Rule = (input) => {
  const out: StaleReason[] = [];
  for (const unit of shown(input.assessment.departments)) {
    const q = questionnaireOf(input, unit.id);
    const overrides = input.project.targets[unit.id] ?? {};
    for (const dim of unit.dimensions) {
      if (dim.suppressed !== undefined) continue;
      const now = overrides[dim.id] ?? q.dimensions.find((d) => d.id === dim.id)?.target;
      if (now !== dim.target) {
        out.push({
          code: "target-changed",
          key: `${unit.id}/${dim.id}`,
          now: show(now),
          recorded: show(dim.target),
        });
      }
    }
  }
  return out;
};

const sameText = (a: Text, b: Text): boolean =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

const nameRule: Rule = (input) => {
  const out: StaleReason[] = [];
  for (const unit of input.assessment.departments) {
    const own = input.questionnaires.find((q) => q.department?.id === unit.id)?.department?.name;
    const now = own ?? input.project.departments.find((d) => d.id === unit.id)?.name;
    if (now !== undefined && !sameText(now, unit.names)) {
      out.push({
        code: "name-changed",
        key: unit.id,
        now: Object.values(now).join(" / "),
        recorded: Object.values(unit.names).join(" / "),
      });
    }
  }
  return out;
};

const headcountRule: Rule = ({ project, assessment }) => {
  const out: StaleReason[] = [];
  const headcount = (id: string) => project.departments.find((d) => d.id === id)?.headcount;
  for (const unit of shown(assessment.departments)) {
    const now = headcount(unit.id);
    if (now !== unit.headcount) {
      out.push({
        code: "headcount-changed",
        key: unit.id,
        now: show(now),
        recorded: show(unit.headcount),
      });
    }
  }
  const counts = project.departments.flatMap((d) =>
    d.headcount !== undefined ? [d.headcount] : [],
  );
  const total = counts.length > 0 ? counts.reduce((x, y) => x + y, 0) : undefined;
  if (
    assessment.administration.suppressed === undefined &&
    total !== assessment.administration.headcount
  ) {
    out.push({
      code: "headcount-changed",
      key: "",
      now: show(total),
      recorded: show(assessment.administration.headcount),
    });
  }
  return out;
};

/** A department declared (or no longer declared) as assessed by interview. */
const methodRule: Rule = ({ project, assessment }) => {
  const now = (id: string) =>
    project.departments.find((d) => d.id === id)?.method === "interview" ? "interview" : "survey";
  return assessment.departments.flatMap((unit) => {
    const was = unit.method ?? "survey";
    return now(unit.id) === was
      ? []
      : [{ code: "method-changed" as const, key: unit.id, now: now(unit.id), recorded: was }];
  });
};

/** "2024-10-15, 2024.1, numbers 3fa29c0d51e2": the wave and a digest of what is recorded of it. */
function describeWave(w: PreviousWave | undefined): string {
  if (!w) return NONE;
  const digest = createHash("sha256")
    .update(JSON.stringify(w, roundingReplacer))
    .digest("hex")
    .slice(0, 12);
  return `${w.date ?? "?"}, ${w.questionnaire.version}, numbers ${digest}`;
}

/** The previous wave named in reifegrad.yaml is not (or no longer) the one assessment.json records. */
const previousRule: Rule = ({ previous, assessment }) => {
  const now = describeWave(previous ? recordPreviousWave(previous, assessment) : undefined);
  const recorded = describeWave(previousWaveOf(assessment));
  return now === recorded ? [] : [{ code: "previous-changed", key: "previous", now, recorded }];
};

const RULES: readonly Rule[] = [
  questionnaireRule,
  settingsRule,
  targetRule,
  nameRule,
  headcountRule,
  methodRule,
  previousRule,
];

/** Every difference between the committed assessment and the committed project; empty = fresh. */
export function staleReasons(input: StalenessInput): StaleReason[] {
  return RULES.flatMap((rule) => rule(input));
}
