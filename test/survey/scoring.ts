// Test helpers shared by the survey round trips: the same answers in reifegrad's own CSV, and
// scoring a file with the built CLI into an assessment to compare.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { answerHeader } from "../../src/questionnaire/answer-columns.js";
import type { Questionnaire } from "../../src/questionnaire/model.js";
import { cli, tempDir } from "../e2e/cli.js";
import type { Respondent } from "./fixtures.js";

/** The respondents' answers in reifegrad's own answer CSV (what `reifegrad run` writes). */
export function ownCsv(q: Questionnaire, rs: readonly Respondent[]): string {
  const header = answerHeader(q);
  const rows = rs.map((r) =>
    header.map((h) =>
      h === "respondent"
        ? r.id
        : h === "department"
          ? (r.department ?? "")
          : h === "group"
            ? r.group
            : (r.answers.get(h) ?? ""),
    ),
  );
  return stringify([header, ...rows], { record_delimiter: "\n" });
}

export interface Scored {
  readonly status: number;
  readonly stderr: string;
  readonly a: Record<string, unknown>;
}

/** `reifegrad score <file> --format json` with a fixed date; the assessment when it succeeds. */
export function scoreFile(file: string, extra: readonly string[] = []): Scored {
  const out = tempDir();
  const r = cli([
    "score",
    file,
    "--out",
    out,
    "--format",
    "json",
    "--date",
    "2026-03-31",
    ...extra,
  ]);
  const a = r.status === 0 ? JSON.parse(readFileSync(join(out, "assessment.json"), "utf8")) : {};
  return { status: r.status, stderr: r.stderr, a };
}

/** The assessment without the account of the input files (names, presets, column counts). */
export function scored(a: Record<string, unknown>): Record<string, unknown> {
  const { input, ...rest } = a;
  return rest;
}
