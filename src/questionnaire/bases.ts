// A department file checked on its own extends a questionnaire that was not given: find the
// bases (transitively) among candidate files — its folder, the folder above, the project's or the
// bundled questionnaires, in that order — instead of failing with "unknown extends". Pure: the
// candidate sources come in as values.
import { isRecord } from "./shape.js";
import { parseYaml, type SourceFile } from "./yaml-source.js";

interface Header {
  readonly id?: string;
  readonly extends?: string;
}

function headerOf(source: SourceFile): Header {
  const { parsed } = parseYaml(source);
  if (!parsed || !isRecord(parsed.data)) return {};
  const { id, extends: base } = parsed.data;
  return {
    ...(typeof id === "string" ? { id } : {}),
    ...(typeof base === "string" ? { extends: base } : {}),
  };
}

export interface BaseFound {
  /** The id a given file extends. */
  readonly id: string;
  /** The file that defines it. */
  readonly source: SourceFile;
}

/** Ids the given files extend (directly) without defining them: where a search is needed. */
export function unresolvedExtends(given: readonly SourceFile[]): string[] {
  const headers = given.map(headerOf);
  const defined = new Set(headers.flatMap((h) => h.id ?? []));
  return [...new Set(headers.flatMap((h) => h.extends ?? []))].filter((id) => !defined.has(id));
}

/**
 * The files among `candidates` that define what `given` extends and does not define itself,
 * following each base's own `extends`. The first candidate with an id wins; ids no candidate
 * defines are left for the loader to report (unknown-extends).
 */
export function findBases(
  given: readonly SourceFile[],
  candidates: readonly SourceFile[],
): BaseFound[] {
  const headers = new Map<SourceFile, Header>();
  const header = (s: SourceFile): Header => {
    let h = headers.get(s);
    if (!h) {
      h = headerOf(s);
      headers.set(s, h);
    }
    return h;
  };
  const givenPaths = new Set(given.map((s) => s.path));
  const defined = new Set(given.flatMap((s) => header(s).id ?? []));
  const wanted = given.flatMap((s) => header(s).extends ?? []);
  const found: BaseFound[] = [];
  for (let id = wanted.shift(); id !== undefined; id = wanted.shift()) {
    if (defined.has(id)) continue;
    defined.add(id);
    const source = candidates.find((c) => !givenPaths.has(c.path) && header(c).id === id);
    if (!source) continue;
    found.push({ id, source });
    const next = header(source).extends;
    if (next !== undefined) wanted.push(next);
  }
  return found;
}
