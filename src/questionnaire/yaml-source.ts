// Parses YAML while keeping source positions, so every later rule can point at file:line:column.
import { isNode, LineCounter, type Document, parseDocument } from "yaml";
import { type Problem, problem } from "../problem.js";

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export type Path = readonly (string | number)[];

export interface ParsedYaml {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly data: unknown;
  /** 1-based line/column of the node at a path (or of its nearest existing parent). */
  readonly at: (path: Path) => { file: string; line: number; column: number };
}

/** Refuse files that would take long to parse or expand (alias bombs are capped by maxAliasCount). */
export const MAX_YAML_BYTES = 2_000_000;

export function parseYaml(source: SourceFile): { parsed?: ParsedYaml; problems: Problem[] } {
  const file = source.path;
  if (source.text.length > MAX_YAML_BYTES) {
    return {
      problems: [
        problem("file-too-large", `file has ${source.text.length} characters, more than ${MAX_YAML_BYTES}`, {
          file,
          line: 1,
          column: 1,
          hint: "split the questionnaire into a core and department files",
        }),
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const err of [...doc.errors, ...doc.warnings]) {
    const pos = lineCounter.linePos(err.pos[0]);
    const code = err.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax";
    const tab = /tab/i.test(err.message);
    problems.push(
      problem(tab ? "yaml-tab" : code, firstLine(err.message), {
        file,
        line: pos.line,
        column: pos.col,
        severity: doc.errors.includes(err as never) ? "error" : "warning",
        hint: tab
          ? "indent with spaces; YAML does not allow tabs for indentation"
          : code === "duplicate-key"
            ? "remove or rename one of the keys"
            : "check indentation, quotes and colons on this line",
      }),
    );
  }
  if (doc.errors.length > 0) return { problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    problems.push(
      problem("yaml-alias-limit", `too many alias expansions: ${(e as Error).message}`, {
        file,
        line: 1,
        column: 1,
        hint: "YAML aliases (*name) may be expanded at most 100 times",
      }),
    );
    return { problems };
  }
  const at = (path: Path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { file, line: pos.line, column: pos.col };
      }
    }
    return { file, line: 1, column: 1 };
  };
  return { parsed: { file, doc, data, at }, problems };
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
