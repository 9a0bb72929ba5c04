// Which project input reads a given file: pure path logic, the same rules `score` expands inputs
// by (a file, a folder's CSV/TSV/TXT files, or * and ? in the last part of the path).
import { posix } from "node:path";
import type { ProjectInput } from "./model.js";

function wildcard(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`);
}

/** Whether an input path (relative to the project) stands for `file` (relative to the project). */
export function inputCovers(inputPath: string, file: string): boolean {
  const path = posix.normalize(inputPath.replaceAll("\\", "/")).replace(/\/$/, "");
  const target = posix.normalize(file.replaceAll("\\", "/"));
  if (path === target) return true;
  const dir = posix.dirname(target);
  const name = posix.basename(target);
  if (path === dir) return /\.(csv|tsv|txt)$/i.test(name);
  const last = posix.basename(path);
  return /[*?]/.test(last) && posix.dirname(path) === dir && wildcard(last).test(name);
}

/** The first input that reads `file`, if any. */
export function inputFor(inputs: readonly ProjectInput[], file: string): ProjectInput | undefined {
  return inputs.find((i) => inputCovers(i.path, file));
}
