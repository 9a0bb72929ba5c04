// The second thread for large exports: runs score-worker.js on the rest of a file and merges
// its cells into the scorer. Resolves undefined when it cannot (no built worker file, e.g. when
// running from the TypeScript sources; or the worker gave up), and the caller reads on itself.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { RangeJob, RangeResult } from "../responses/import/range.js";
import type { CellKey, Scorer } from "../scoring/score.js";
import type { WorkerInput } from "./score-worker.js";

const WORKER = new URL("./score-worker.js", import.meta.url);

export function workerScoring(
  scorer: Scorer,
  input: Omit<WorkerInput, "job">,
  /** Told which rows the worker scored (REIFEGRAD_TRACE_THREADS, for tests). */
  trace?: (line: string) => void,
): ((job: RangeJob) => Promise<RangeResult | undefined>) | undefined {
  if (WORKER.protocol !== "file:" || !existsSync(fileURLToPath(WORKER))) return undefined;
  return (job) =>
    new Promise((resolve) => {
      // A small young generation: less peak memory (the main thread cannot set its own).
      const worker = new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: 6 } });
      worker.once(
        "message",
        (m: { result?: RangeResult; cells?: { key: CellKey; cell: unknown }[] }) => {
          if (m.result && m.cells) {
            scorer.absorb(m.cells);
            trace?.(`${job.file}: rows from line ${job.line} on scored in a second thread\n`);
            resolve(m.result);
          } else resolve(undefined);
          void worker.terminate();
        },
      );
      worker.once("error", () => resolve(undefined));
      worker.postMessage({ ...input, job } satisfies WorkerInput);
    });
}
