// Finding and reading the project file, and expanding input patterns.
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { PROJECT_FILE } from "../project/model.js";
import { compareStrings } from "../util/order.js";
import { readFileOrFail } from "./files.js";

/** reifegrad.yaml in the folder or the nearest folder above it. */
export function findProjectFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, PROJECT_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export async function readProjectSource(
  file: string,
  cwd: string,
): Promise<{ path: string; text: string }> {
  return { path: relative(cwd, file) || file, text: (await readFileOrFail(file)).toString("utf8") };
}

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`);
}

/**
 * Files an input path stands for: the file itself, every export in a folder, or the files whose
 * names match a pattern with * and ? in its last part. Sorted; empty when nothing matches.
 */
export async function expandInput(base: string, path: string): Promise<string[]> {
  const full = resolve(base, path);
  if (!/[*?]/.test(basename(full))) {
    try {
      const s = await stat(full);
      if (!s.isDirectory()) return [full];
      const names = (await readdir(full))
        .filter((n) => /\.(csv|tsv|txt)$/i.test(n))
        .sort(compareStrings);
      return names.map((n) => join(full, n));
    } catch {
      return [];
    }
  }
  const dir = dirname(full);
  const re = patternToRegExp(basename(full));
  try {
    const names = (await readdir(dir))
      .filter((n) => re.test(n) && !n.startsWith("."))
      .sort(compareStrings);
    return names.map((n) => join(dir, n));
  } catch {
    return [];
  }
}
