// The second thread for large exports: runs score-worker.js on a byte range of a file. Returns
// undefined when it cannot run at all (no built worker file, e.g. when running from the
// TypeScript sources); a worker that fails resolves undefined, and the caller reads on itself.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { RangeJob, RangeResult } from "../responses/import/range.js";
import type { SplitRange } from "../responses/import/split-at-once.js";
import type { LeafState, Scorer } from "../scoring/score.js";
import type { WorkerInput, WorkerOutput } from "./score-worker.js";

const WORKER = new URL("./score-worker.js", import.meta.url);

/** A worker started ahead of need (see prewarmWorker), not yet given a job. */
let warm: Worker | undefined;

const available = () => WORKER.protocol === "file:" && existsSync(fileURLToPath(WORKER));

// A small young generation: less peak memory (the main thread cannot set its own).
const spawn = () => new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: 3 } });

/**
 * Starts the worker now, so that it loads its modules while this thread loads the
 * questionnaires; the first job takes it. Until then it does not keep the process alive.
 */
export function prewarmWorker(): void {
  if (warm || !available()) return;
  warm = spawn();
  warm.unref();
  // A warm worker that fails or ends is simply not used.
  const drop = () => {
    warm = undefined;
  };
  warm.once("error", drop);
  warm.once("exit", drop);
}

export interface WorkerScoring {
  /** Scores the range and merges its cells into the scorer at once. */
  scoreRange(job: RangeJob): Promise<RangeResult | undefined>;
  /** Scores the range, keeping its cells apart until `commit`. */
  splitRange(job: RangeJob): SplitRange;
}

export function workerScoring(
  scorer: Scorer,
  input: Omit<WorkerInput, "job">,
  /** Told which rows the worker scored (REIFEGRAD_TRACE_THREADS, for tests). */
  trace?: (line: string) => void,
): WorkerScoring | undefined {
  if (!available()) return undefined;
  /**
   * Starts the job. `checkRepeats`: after its result the worker waits for this thread's hashes
   * and answers whether a respondent id repeats (`verdict`); it ends after that.
   */
  const run = (job: RangeJob, checkRepeats = false) => {
    const worker = warm ?? spawn();
    warm = undefined;
    worker.ref();
    let verdict: (repeats: boolean | undefined) => void = () => {};
    const repeats = new Promise<boolean | undefined>((resolve) => {
      verdict = resolve;
    });
    const output = new Promise<WorkerOutput | undefined>((resolve) => {
      worker.once("message", (m: WorkerOutput) => {
        resolve(m);
        if (checkRepeats && "result" in m) {
          worker.once("message", (v: { repeats: boolean }) => {
            verdict(v.repeats);
            void worker.terminate();
          });
        } else {
          verdict(undefined);
          void worker.terminate();
        }
      });
      const failed = () => {
        resolve(undefined);
        verdict(undefined);
      };
      worker.once("error", failed);
      worker.once("exit", failed);
    });
    worker.postMessage({ ...input, job, checkRepeats } satisfies WorkerInput);
    return {
      output,
      repeats,
      send: (hashes: readonly Float64Array[]) =>
        worker.postMessage(
          { hashes },
          hashes.map((h) => h.buffer as ArrayBuffer),
        ),
      stop: () => void worker.terminate(),
    };
  };
  const traced = (job: RangeJob, line: number, how = "") =>
    trace?.(`${job.file}: rows from line ${line} on scored in a second thread${how}\n`);
  return {
    async scoreRange(job) {
      const m = await run(job).output;
      if (!m || !("result" in m)) return undefined;
      scorer.absorbState(m.state);
      traced(job, job.line);
      return m.result;
    },
    splitRange(job) {
      const checkRepeats = job.hash === true;
      const { output, repeats, send, stop } = run(job, checkRepeats);
      let state: readonly LeafState[] = [];
      return {
        result: output.then((m) => {
          if (m && "notUtf8" in m) return "not-utf-8";
          if (!m || !("result" in m)) return undefined;
          state = m.state;
          return m.result;
        }),
        repeats: (hashes) => {
          if (!checkRepeats) return Promise.resolve(undefined);
          send(hashes);
          return repeats;
        },
        mergeInto: (fork) => fork.absorb(state),
        commit: (line) => traced(job, line, " (one read)"),
        stop,
      };
    },
  };
}
