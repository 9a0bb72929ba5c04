// Parses YAML while keeping source positions, so every later rule can point at file:line:column.
// Also the first line of defence: huge files, alias bombs, deep nesting, tabs and duplicate keys.
// One parser, `yaml`, with its default YAML 1.2 core schema: `no`, `on` and `2018-01-01` stay
// strings, `010` is the number 10; what a file means does not depend on which parser read it.
import { type Document, isMap, isNode, isPair, isScalar, LineCounter, parseDocument } from "yaml";
import { coded, type Problem } from "../problem.js";

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export type Path = readonly (string | number)[];

export interface Position {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface ParsedYaml {
  readonly file: string;
  readonly data: unknown;
  /** 1-based line/column of the value at a path (or of its nearest existing parent). */
  readonly at: (path: Path) => Position;
  /** Position of the key of the last path segment (falls back to `at`). */
  readonly keyAt: (path: Path) => Position;
  /**
   * Position of a character inside the string value at a path, e.g. a column inside a `when`
   * expression. Exact for plain and single-line quoted scalars; block scalars give their start.
   */
  readonly charAt: (path: Path, offset: number) => Position;
}

/** Refuse files that would take long to parse; a real questionnaire is far below this. */
export const MAX_YAML_CHARS = 2_000_000;
/** At most this many alias expansions (`*name`); more is refused as a resource-exhaustion attack. */
export const MAX_ALIAS_COUNT = 100;
/** Deeper nesting than this is never a questionnaire, and deep recursion could exhaust the stack. */
export const MAX_DEPTH = 64;

export function parseYaml(source: SourceFile): { parsed?: ParsedYaml; problems: Problem[] } {
  const file = source.path;
  const text = source.text.startsWith("\uFEFF") ? source.text.slice(1) : source.text;
  const start = { file, line: 1, column: 1 };
  if (text.length > MAX_YAML_CHARS) {
    return {
      problems: [coded("file-too-large", { chars: text.length, limit: MAX_YAML_CHARS }, start)],
    };
  }
  const problems: Problem[] = tabProblems(file, text);
  const tabLines = new Set(problems.map((p) => p.line));
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errorLines = new Set<number>();
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    // One tab or syntax error tends to cascade; report the first per line.
    if (tabLines.has(pos.line) || errorLines.has(pos.line)) continue;
    errorLines.add(pos.line);
    const at = { file, line: pos.line, column: pos.col };
    // Nesting deep enough to exhaust the parser's stack is the same problem as MAX_DEPTH.
    if (/Maximum call stack/.test(err.message)) {
      problems.push(coded("yaml-too-deep", { limit: MAX_DEPTH }, at));
      continue;
    }
    problems.push(
      coded(
        err.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax",
        { detail: firstLine(err.message) },
        at,
      ),
    );
  }
  for (const warn of doc.warnings) {
    const pos = lineCounter.linePos(warn.pos[0]);
    problems.push(
      coded(
        "yaml-warning",
        { detail: firstLine(warn.message) },
        { file, line: pos.line, column: pos.col, severity: "warning" },
      ),
    );
  }
  if (problems.some((p) => p.severity === "error")) return { problems };

  const depth = maxDepth(doc.contents);
  if (depth.depth > MAX_DEPTH) {
    const pos = depth.offset === undefined ? undefined : lineCounter.linePos(depth.offset);
    problems.push(
      coded(
        "yaml-too-deep",
        { limit: MAX_DEPTH },
        { file, line: pos?.line ?? 1, column: pos?.col ?? 1 },
      ),
    );
    return { problems };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    problems.push(
      coded("yaml-alias-limit", { detail: (e as Error).message, limit: MAX_ALIAS_COUNT }, start),
    );
    return { problems };
  }

  return { parsed: { file, data, ...locator(file, text, doc, lineCounter) }, problems };
}

type Locator = Pick<ParsedYaml, "at" | "keyAt" | "charAt">;

function locator(file: string, text: string, doc: Document, lineCounter: LineCounter): Locator {
  const start = { file, line: 1, column: 1 };
  const position = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  const at = (path: Path): Position => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return position(node.range[0]);
    }
    return start;
  };
  const keyAt = (path: Path): Position => {
    const parent = path.length === 0 ? undefined : doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const last = path[path.length - 1];
      for (const pair of parent.items) {
        if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(last)) {
          if (pair.key.range) return position(pair.key.range[0]);
        }
      }
    }
    return at(path);
  };
  const charAt = (path: Path, offset: number): Position => {
    const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (!isScalar(node) || !node.range) return at(path);
    if (node.type === "PLAIN") return position(node.range[0] + offset);
    if (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") {
      const raw = text.slice(node.range[0], node.range[1]);
      if (!raw.includes("\n")) return position(node.range[0] + 1 + offset);
    }
    return position(node.range[0]);
  };
  return { at, keyAt, charAt };
}

/** Tabs in indentation: YAML forbids them, and editors hide them, so say so plainly. */
function tabProblems(file: string, text: string): Problem[] {
  const out: Problem[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    const indent = /^[ \t]*/.exec(line)?.[0] ?? "";
    const tab = indent.indexOf("\t");
    // Blank lines and comments may hold tabs.
    if (tab < 0 || indent.length === line.length || line[indent.length] === "#") continue;
    out.push(coded("tab-indentation", {}, { file, line: i + 1, column: tab + 1 }));
  }
  return out;
}

/** Depth of the deepest collection, iteratively (a recursive walk could itself overflow). */
function maxDepth(root: unknown): { depth: number; offset?: number } {
  let best: { depth: number; offset?: number } = { depth: 0 };
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isNode(node) || !("items" in node)) continue;
    if (depth > best.depth) best = { depth, offset: node.range?.[0] };
    if (depth > MAX_DEPTH) break;
    for (const entry of (node as { items: unknown[] }).items) {
      stack.push({ node: isPair(entry) ? entry.value : entry, depth: depth + 1 });
    }
  }
  return best;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
