// The only code (with the rest of src/io) that touches the file system.
import { randomBytes } from "node:crypto";
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import type { SourceFile } from "../questionnaire/yaml-source.js";
import { compareStrings } from "../util/order.js";
import { UserError } from "./user-error.js";

/** Writes via a temp file in the same folder and a rename, so readers never see half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  makeFolder(dirname(path));
  const tmp = join(dirname(path), `.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw fileError(path, e);
  }
}

/**
 * The folders of `path` (absolute) that do not exist yet, nearest to the root first, after
 * checking that the first existing one is a folder we may write in. A file in the way fails,
 * as a usage error of the flag when one is named.
 */
function missingFolders(path: string, flag?: string, write = true): string[] {
  const target = resolve(path);
  const missing: string[] = [];
  for (let p = target; ; p = dirname(p)) {
    let isFolder: boolean;
    try {
      isFolder = statSync(p).isDirectory();
    } catch (e) {
      // Not there (or under a file: ENOTDIR): look at the folder above.
      const code = (e as NodeJS.ErrnoException).code;
      if ((code === "ENOENT" || code === "ENOTDIR") && dirname(p) !== p) {
        missing.unshift(p);
        continue;
      }
      throw fileError(p, e);
    }
    if (!isFolder) {
      const which = p === target ? path : p;
      const at = flag ? `${flag} ${path}: ` : "";
      throw new UserError(
        {
          de: `${at}${which} ist eine Datei, kein Ordner; geben Sie einen Ordner an (er wird angelegt, wenn er fehlt)`,
          en: `${at}${which} is a file, not a folder; name a folder (it is created if missing)`,
        },
        flag ? 2 : 1,
      );
    }
    try {
      if (write) accessSync(p, constants.W_OK);
    } catch (e) {
      throw fileError(p, e);
    }
    return missing;
  }
}

/**
 * Fails unless `--out` is a folder or can become one: a file in the way, or a folder we may
 * not write in, would otherwise stop the writing with a system error after the whole run.
 * `check`: the reports are only compared (--check), so a read-only folder is fine.
 */
export function checkOutFolder(out: string, check = false): void {
  missingFolders(out, "--out", !check);
}

/**
 * Creates a folder and the missing ones above it, one by one: `mkdir` with `recursive` loops
 * for ever when the system refuses a folder whose parent exists (under /proc, say).
 */
export function makeFolder(path: string): void {
  for (const p of missingFolders(path)) {
    try {
      mkdirSync(p);
    } catch (e) {
      // Made meanwhile by another process: fine.
      if ((e as NodeJS.ErrnoException).code === "EEXIST" && isFolder(p)) continue;
      const [de, en] = reason(e);
      throw new UserError({
        de: `Ordner ${p} kann nicht angelegt werden: ${de}`,
        en: `cannot create the folder ${p}: ${en}`,
      });
    }
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
  const [de, en] = reason(e);
  return new UserError({ de: `${path}: ${de}`, en: `${path}: ${en}` });
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A system error's cause in words (de, en); the system's own text for the rare ones. */
function reason(e: unknown): [string, string] {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT"
    ? ["Datei oder Ordner nicht gefunden", "no such file or folder"]
    : code === "EACCES" || code === "EPERM"
      ? ["keine Berechtigung", "permission denied"]
      : code === "EISDIR"
        ? ["ist ein Ordner, keine Datei", "is a folder, not a file"]
        : code === "EEXIST"
          ? [
              "ist im Weg (eine Datei oder ein Verweis ins Leere)",
              "is in the way (a file or a link to nowhere)",
            ]
          : code === "EROFS"
            ? ["nur lesbares Dateisystem", "read-only file system"]
            : [(e as Error).message, (e as Error).message];
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
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw fileError(file, e);
    }
    const path = relative(cwd, file) || file;
    return { path, text: utf8Text(bytes, path) };
  });
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A questionnaire's text, which YAML requires to be UTF-8: a file saved as Latin-1 or UTF-16
 * would otherwise load with replacement characters in every umlaut, and validate.
 */
function utf8Text(bytes: Buffer, path: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // The line of the first byte that is not UTF-8: where the lenient decoding replaced it.
    const lenient = bytes.toString("utf8");
    const line = lenient.slice(0, lenient.indexOf("\uFFFD")).split("\n").length;
    throw new UserError({
      de: `${path}:${line}: die Datei ist nicht in UTF-8 gespeichert; speichern Sie sie als UTF-8 (YAML verlangt es)`,
      en: `${path}:${line}: the file is not saved as UTF-8; save it as UTF-8 (YAML requires it)`,
    });
  }
}
