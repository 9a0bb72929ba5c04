// Scores export files through the library API the CLI uses (importFiles + fileExportReader into a
// Scorer, wired the way src/cli/import-exports.ts does it) — without the CLI's printing, rejects
// file or flag checks. Used by the chunk/file property test and the threshold tests.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileExportReader } from "../../src/io/read-export.js";
import { loadQuestionnaires } from "../../src/questionnaire/load.js";
import type { Questionnaire } from "../../src/questionnaire/model.js";
import { renderJson } from "../../src/report/json.js";
import { buildCatalog, type KnownDepartment } from "../../src/responses/import/catalog.js";
import { EMPTY_MAPPING } from "../../src/responses/import/mapping.js";
import { type ImportAccount, importFiles } from "../../src/responses/import/run.js";
import { type Assessment, DEFAULT_SETTINGS, type Settings } from "../../src/scoring/assessment.js";
import { Scorer } from "../../src/scoring/score.js";

/** Loads questionnaire texts (path → YAML); throws with every error when one is invalid. */
export function loadTexts(files: Readonly<Record<string, string>>): Questionnaire[] {
  const r = loadQuestionnaires(Object.entries(files).map(([path, text]) => ({ path, text })));
  const errors = r.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new Error(
      `invalid questionnaire: ${JSON.stringify(errors, null, 2)}\n${Object.values(files).join("\n---\n")}`,
    );
  }
  return [...r.questionnaires];
}

export interface ScoreFilesOptions {
  /** Bytes read at a time (default: the reader's default). */
  readonly chunkBytes?: number;
  /** Departments known besides the questionnaires' (as a project file would list them). */
  readonly departments?: readonly KnownDepartment[];
  readonly settings?: Partial<Settings>;
  /** What the assessment records as `input` (default: a fixed marker, so splits compare). */
  readonly input?: unknown;
}

export interface Scored {
  readonly assessment: Assessment;
  readonly json: string;
  readonly account: ImportAccount;
}

/** Imports the files (in this order) into one Scorer and finishes it. */
export async function scoreFiles(
  questionnaires: readonly Questionnaire[],
  files: readonly string[],
  o: ScoreFilesOptions = {},
): Promise<Scored> {
  const scorer = new Scorer(questionnaires, {
    settings: { ...DEFAULT_SETTINGS, ...o.settings },
    generatorVersion: "test",
    date: "2026-01-01",
  });
  const catalog = buildCatalog(scorer.questionnaires, o.departments ?? []);
  const { account } = await importFiles(
    files,
    o.chunkBytes === undefined ? fileExportReader() : fileExportReader(o.chunkBytes),
    catalog,
    {
      mapping: EMPTY_MAPPING,
      overrides: { global: EMPTY_MAPPING.values, byItem: EMPTY_MAPPING.itemValues },
      dedupe: true,
      row: {
        defaultGroup: scorer.root.group,
        includeIncomplete: false,
        allowUnknownDepartments: true,
        questionnaireFor: (d, g) => scorer.questionnaireFor(d, g),
        codes: scorer.codes,
      },
    },
    { add: (r) => scorer.add(r) },
    0,
  );
  const assessment = scorer.finish(o.input ?? { files: "normalised" });
  return { assessment, json: renderJson(assessment), account };
}

/** A temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = "reifegrad-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `text` to `dir/name` and returns the path. */
export function writeFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
