// Loading the questionnaires through a cache in the user's cache folder ($XDG_CACHE_HOME or
// ~/.cache, then reifegrad/): keyed by the questionnaire files (paths and texts) and the
// compiled questionnaire code, so a cached result is never stale; written atomically, and
// never in the assessment folder. A cache that cannot be read or written is simply not used.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadResultFromText, loadResultToText } from "../questionnaire/cache-text.js";
import type { LoadResult } from "../questionnaire/load.js";
import type { SourceFile } from "../questionnaire/yaml-source.js";

const sha = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

let fingerprint: string | undefined;

/** A hash of what produced a result: the questionnaire code and the YAML parser's version. */
function codeFingerprint(): string {
  if (fingerprint === undefined) {
    const dir = dirname(fileURLToPath(new URL("../questionnaire/load.js", import.meta.url)));
    const walk = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true })
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    const h = createHash("sha256");
    for (const f of walk(dir)) h.update(f.slice(dir.length)).update(readFileSync(f));
    h.update(readFileSync(createRequire(import.meta.url).resolve("yaml/package.json")));
    fingerprint = h.digest("hex");
  }
  return fingerprint;
}

function cacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "reifegrad");
}

/** `load` runs only on a miss: a hit needs neither the YAML parser nor the composer. */
export async function loadQuestionnairesCached(
  sources: readonly SourceFile[],
  load: (sources: readonly SourceFile[]) => Promise<LoadResult>,
): Promise<LoadResult> {
  let file: string;
  let key: string;
  try {
    key = sha(`${codeFingerprint()}\n${JSON.stringify(sources)}`);
    // One file per set of paths: editing a questionnaire replaces its entry.
    file = join(
      cacheDir(),
      `questionnaires-${sha(JSON.stringify(sources.map((s) => s.path)))}.json`,
    );
  } catch {
    return load(sources);
  }
  try {
    const hit = loadResultFromText(key, readFileSync(file, "utf8"));
    if (hit) return hit;
  } catch {
    // No cache yet.
  }
  const result = await load(sources);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, loadResultToText(key, result));
    renameSync(tmp, file);
  } catch {
    // A read-only home: no cache, same result.
  }
  return result;
}
