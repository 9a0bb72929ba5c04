// Worker thread: scores the second half of a large export (see responses/import/range.ts) with
// its own scorer and posts the result and the scorer's cells back. Everything it needs comes in
// the message (questionnaires, catalog, mapping: plain data); it reads only the export file.
import { parentPort } from "node:worker_threads";
import { fileExportReader } from "../io/read-export.js";
import type { Questionnaire } from "../questionnaire/model.js";
import type { Catalog } from "../responses/import/catalog.js";
import type { RowOptions } from "../responses/import/file-importer.js";
import type { Mapping } from "../responses/import/mapping.js";
import { type RangeJob, scoreRange } from "../responses/import/range.js";
import type { ValueOverrides } from "../responses/import/values.js";
import type { Settings } from "../scoring/assessment.js";
import { Scorer } from "../scoring/score.js";

export interface WorkerInput {
  readonly job: RangeJob;
  readonly questionnaires: readonly Questionnaire[];
  readonly catalog: Catalog;
  readonly settings: Settings;
  readonly mapping: Mapping;
  readonly overrides: ValueOverrides;
  readonly row: Omit<RowOptions, "questionnaireFor" | "kernelFor">;
}

parentPort?.once("message", async (input: WorkerInput) => {
  try {
    const scorer = new Scorer(input.questionnaires, { settings: input.settings });
    const result = await scoreRange(
      fileExportReader(),
      input.job,
      input.catalog,
      {
        mapping: input.mapping,
        overrides: input.overrides,
        row: {
          ...input.row,
          questionnaireFor: (d, g) => scorer.questionnaireFor(d, g),
          kernelFor: (d, g, hasColumn) => scorer.kernelFor(d, g, hasColumn),
        },
      },
      (record) => scorer.add(record),
    );
    parentPort?.postMessage({ result, cells: scorer.exportCells() });
  } catch (e) {
    parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
