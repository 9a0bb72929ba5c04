// Worker thread: scores a byte range of a large export (see responses/import/range.ts) with its
// own scorer and posts the result and the scorer's state back (its typed arrays transferred). Everything it needs comes in the
// message (questionnaires, catalog, mapping: plain data); it reads only the export file.
import { parentPort } from "node:worker_threads";
import { fileExportReader } from "../io/read-export.js";
import { rowEngineSetting } from "../io/row-engine-module.js";
import type { Questionnaire } from "../questionnaire/model.js";
import type { Catalog } from "../responses/import/catalog.js";
import { repeatedHashes } from "../responses/import/dedupe.js";
import { isInvalidEncodingError } from "../responses/import/encoding.js";
import type { RowOptions } from "../responses/import/file-importer.js";
import type { Mapping } from "../responses/import/mapping.js";
import { type RangeJob, type RangeResult, scoreRange } from "../responses/import/range.js";
import type { ValueOverrides } from "../responses/import/values.js";
import type { Settings } from "../scoring/assessment.js";
import { type LeafState, Scorer } from "../scoring/score.js";

export interface WorkerInput {
  readonly job: RangeJob;
  readonly questionnaires: readonly Questionnaire[];
  readonly catalog: Catalog;
  readonly settings: Settings;
  readonly mapping: Mapping;
  readonly overrides: ValueOverrides;
  readonly row: Omit<RowOptions, "questionnaireFor" | "kernelFor">;
  /**
   * After the result, wait for the other thread's hashes ({ hashes }) and answer whether a
   * respondent id repeats across both ranges ({ repeats }): see split-at-once.ts.
   */
  readonly checkRepeats?: boolean;
}

/** The worker's answer (with `checkRepeats`, a { repeats } follows a result). */
export type WorkerOutput =
  | { readonly result: RangeResult; readonly state: readonly LeafState[] }
  /** With `job.fatal`: the range is not UTF-8. */
  | { readonly notUtf8: true }
  | { readonly error: string };

parentPort?.once("message", async (input: WorkerInput) => {
  const post = (m: WorkerOutput | { repeats: boolean }, transfer: ArrayBuffer[] = []) =>
    parentPort?.postMessage(m, transfer);
  // Listening at once: the other thread may send its hashes before this range is done.
  const theirs = input.checkRepeats
    ? new Promise<readonly Float64Array[]>((resolve) =>
        parentPort?.once("message", (m: { hashes: readonly Float64Array[] }) => resolve(m.hashes)),
      )
    : undefined;
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
        ...(input.job.rowEngine === false ? {} : rowEngineSetting()),
      },
      (record) => scorer.add(record),
    );
    const state = scorer.exportState();
    const counts = state.flatMap((leaf) =>
      leaf.kernels.flatMap(({ state: k }) =>
        [k.counts, k.hist, k.relCount, k.relTotal, k.relN, k.relT, k.overall, k.rootOverall]
          .filter((a) => a !== undefined)
          .map((a) => a.buffer as ArrayBuffer),
      ),
    );
    if (theirs) {
      // The hashes stay here for the repeat check; the other thread merges meanwhile.
      const { hashes: own = [], ...rest } = result;
      post({ result: rest, state }, counts);
      post({ repeats: repeatedHashes([...(await theirs), ...own]).size > 0 });
    } else {
      post({ result, state }, [
        ...(result.hashes ?? []).map((h) => h.buffer as ArrayBuffer),
        ...counts,
      ]);
    }
  } catch (e) {
    if (input.job.fatal && isInvalidEncodingError(e)) post({ notUtf8: true });
    else post({ error: e instanceof Error ? e.message : String(e) });
  }
});
