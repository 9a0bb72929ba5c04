// The only code (with the rest of src/io) that touches the file system.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import type { SourceFile } from "../questionnaire/yaml-source.js";
import { compareStrings } from "../util/order.js";
import { UserError } from "./user-error.js";

/** Writes via a temp file in the same folder and a rename, so readers never see half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Fails (exit 2) unless `--out` is a folder or can become one: a file at the path, or at a
 * folder on the way to it, would otherwise stop the writing with a system error (after the run).
 */
export function checkOutFolder(out: string): void {
  const target = resolve(out);
  for (let p = target; ; p = dirname(p)) {
    let isFolder: boolean;
    try {
      isFolder = statSync(p).isDirectory();
    } catch (e) {
      // Not there (or under a file: ENOTDIR): look at the folder above.
      const code = (e as NodeJS.ErrnoException).code;
      if ((code === "ENOENT" || code === "ENOTDIR") && dirname(p) !== p) continue;
      throw fileError(p, e);
    }
    if (isFolder) return;
    const which = p === target ? out : p;
    throw new UserError(
      {
        de: `--out ${out}: ${which} ist eine Datei, kein Ordner; geben Sie einen Ordner an (er wird angelegt, wenn er fehlt)`,
        en: `--out ${out}: ${which} is a file, not a folder; name a folder (it is created if missing)`,
      },
      2,
    );
  }
}

/** Reads a file, turning "not found" and friends into one-line user errors. */
export async function readFileOrFail(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw fileError(path, e);
  }
}

export function fileError(path: string, e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  const [de, en] =
    code === "ENOENT"
      ? ["Datei oder Ordner nicht gefunden", "no such file or folder"]
      : code === "EACCES"
        ? ["keine Berechtigung", "permission denied"]
        : code === "EISDIR"
          ? ["ist ein Ordner, keine Datei", "is a folder, not a file"]
          : [(e as Error).message, (e as Error).message];
  return new UserError({ de: `${path}: ${de}`, en: `${path}: ${en}` });
}

/**
 * Files under the given paths (folders searched recursively) whose names match, sorted.
 * Synchronous calls: a few dozen small ones, each cheaper than a round trip through the
 * thread pool.
 */
export async function listFiles(
  paths: readonly string[],
  match: (name: string) => boolean,
): Promise<string[]> {
  const out: string[] = [];
  const walk = (p: string, explicit: boolean): void => {
    let s: ReturnType<typeof statSync>;
    try {
      s = statSync(p);
    } catch (e) {
      throw fileError(p, e);
    }
    if (s.isDirectory()) {
      const entries = readdirSync(p).sort(compareStrings);
      for (const entry of entries) {
        if (entry.startsWith(".") || entry === "node_modules") continue;
        walk(join(p, entry), false);
      }
    } else if (explicit || match(p)) {
      out.push(p);
    }
  };
  for (const p of paths) walk(p, true);
  return [...new Set(out)];
}

export const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name);

/** Reads questionnaire sources; paths in messages are relative to the working directory. */
export async function readQuestionnaireSources(
  paths: readonly string[],
  cwd: string,
): Promise<SourceFile[]> {
  const files = await listFiles(paths, isYaml);
  // Synchronous, like listFiles: a dozen small files.
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw fileError(file, e);
    }
    return { path: relative(cwd, file) || file, text };
  });
}
