// The load cache: a hit gives exactly what loading gives, a changed file is loaded again, and a
// cache folder that cannot be written changes nothing but speed.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readQuestionnaireSources } from "../../src/io/files.js";
import { loadQuestionnairesCached } from "../../src/io/questionnaire-cache.js";
import { loadQuestionnaires } from "../../src/questionnaire/load.js";
import type { SourceFile } from "../../src/questionnaire/yaml-source.js";

let saved: string | undefined;
let cache: string;
beforeEach(() => {
  saved = process.env.XDG_CACHE_HOME;
  cache = mkdtempSync(join(tmpdir(), "reifegrad-cache-"));
  process.env.XDG_CACHE_HOME = cache;
});
afterEach(() => {
  if (saved === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = saved;
});

/** Loads through the cache, counting the real loads. */
async function load(sources: readonly SourceFile[]) {
  let loads = 0;
  const r = await loadQuestionnairesCached(sources, async (s) => {
    loads++;
    return loadQuestionnaires(s);
  });
  return { r, loads };
}

describe("questionnaire load cache", () => {
  it("a hit gives what loading gives (bundled questionnaires and an invalid fixture)", async () => {
    for (const paths of [["questionnaires"], ["fixtures/questionnaires"]]) {
      const sources = await readQuestionnaireSources(paths, process.cwd());
      const fresh = loadQuestionnaires(sources);
      const first = await load(sources);
      const second = await load(sources);
      expect([first.loads, second.loads]).toEqual([1, 0]);
      expect(second.r).toEqual(fresh);
      expect(second.r.questionnaires[0]?.scales).toBeInstanceOf(Map);
    }
    expect(readdirSync(join(cache, "reifegrad"))).toHaveLength(2);
  });

  it("a changed questionnaire is loaded again and replaces the entry", async () => {
    const path = "fixtures/scoring/tiny.yaml";
    const text = readFileSync(path, "utf8");
    await load([{ path, text }]);
    const changed = await load([{ path, text: text.replace("weight: 2", "weight: 3") }]);
    expect(changed.loads).toBe(1);
    expect(readdirSync(join(cache, "reifegrad"))).toHaveLength(1);
  });

  it("a cache folder that cannot be made only costs the cache", async () => {
    // Below a regular file no folder can be made, not even by root.
    const blocker = join(cache, "a-file");
    writeFileSync(blocker, "");
    process.env.XDG_CACHE_HOME = join(blocker, "below");
    const path = "fixtures/scoring/tiny.yaml";
    const sources = [{ path, text: readFileSync(path, "utf8") }];
    const first = await load(sources);
    const second = await load(sources);
    expect([first.loads, second.loads]).toEqual([1, 1]);
    expect(second.r).toEqual(loadQuestionnaires(sources));
  });
});
