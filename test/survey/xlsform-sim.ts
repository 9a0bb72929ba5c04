// KoboToolbox / ODK as a test sees an XLSForm: reads the workbook's sheets, evaluates the XPath
// subset the generator writes (`${name}`, = != < <= > >=, and, or, not(), selected(),
// count-selected(), false(), string and number literals) with ODK's meaning (an unanswered or
// non-relevant question is '', which is NaN as a number), lets simulated respondents fill in the
// form in row order (a group's relevance covers its rows), and writes the CSV export as
// KoboToolbox does: ";", every field quoted, XML values and headers, with or without group paths
// ("/"), select_multiple as one space-separated column, 1/0 columns per choice, or both, Kobo's
// own columns (`_id`, `_uuid` …) last. For tests only.
import ExcelJS from "exceljs";

export type Row = Readonly<Record<string, string>>;
export interface Form {
  readonly survey: readonly Row[];
  readonly choices: readonly Row[];
  readonly settings: readonly Row[];
  readonly headers: Readonly<Record<string, readonly string[]>>;
}

export async function readForm(bytes: Uint8Array): Promise<Form> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    const rows: string[][] = [];
    ws.eachRow((r) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = r.getCell(c).value;
        cells.push(v === null || v === undefined ? "" : String(v));
      }
      rows.push(cells);
    });
    const [header, ...body] = rows;
    return {
      header: header!,
      rows: body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ""]))),
    };
  };
  const s = sheet("survey");
  const c = sheet("choices");
  const t = sheet("settings");
  return {
    survey: s.rows,
    choices: c.rows,
    settings: t.rows,
    headers: { survey: s.header, choices: c.header, settings: t.header },
  };
}

type Value = string | number | boolean;

const TOKEN =
  /\s*(\$\{[A-Za-z_][A-Za-z0-9_.-]*\}|'[^']*'|"[^"]*"|!=|<=|>=|=|<|>|\(|\)|,|\.(?![\w])|-?\d+(?:\.\d+)?|[a-z][a-z-]*)/gy;

/** Evaluates an XPath expression of the generator's subset; `${x}` reads `vars(x)`. */
export function evaluateXPath(src: string, vars: (name: string) => string, self = ""): Value {
  const tokens = src.match(TOKEN);
  if (!tokens || tokens.join("").replace(/\s/g, "") !== src.replace(/\s/g, ""))
    throw new Error(`cannot tokenize: ${src}`);
  const t = tokens.map((x) => x.trim());
  let i = 0;
  const peek = () => t[i];
  const next = () => t[i++]!;
  const expect = (s: string) => {
    if (next() !== s) throw new Error(`expected ${s} in ${src}`);
  };
  const num = (v: Value) =>
    typeof v === "number"
      ? v
      : typeof v === "boolean"
        ? Number(v)
        : v.trim() === ""
          ? NaN
          : Number(v);
  const bool = (v: Value) =>
    typeof v === "boolean" ? v : typeof v === "number" ? v !== 0 && !Number.isNaN(v) : v !== "";
  const or = (): Value => {
    let l = and();
    while (peek() === "or") {
      next();
      const r = and();
      l = bool(l) || bool(r);
    }
    return l;
  };
  const and = (): Value => {
    let l = comparison();
    while (peek() === "and") {
      next();
      const r = comparison();
      l = bool(l) && bool(r);
    }
    return l;
  };
  const comparison = (): Value => {
    const l = primary();
    const op = peek();
    if (op && ["=", "!=", "<", "<=", ">", ">="].includes(op)) {
      next();
      const r = primary();
      if (op === "=" || op === "!=") {
        const eq =
          typeof l === "boolean" || typeof r === "boolean"
            ? bool(l) === bool(r)
            : typeof l === "number" || typeof r === "number"
              ? num(l) === num(r)
              : l === r;
        return op === "=" ? eq : !eq;
      }
      const [a, b] = [num(l), num(r)];
      return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
    }
    return l;
  };
  const primary = (): Value => {
    const tok = next();
    if (tok === "(") {
      const v = or();
      expect(")");
      return v;
    }
    if (tok === ".") return self;
    if (/^['"]/.test(tok)) return tok.slice(1, -1);
    if (/^-?\d/.test(tok)) return Number(tok);
    if (tok.startsWith("${")) return vars(tok.slice(2, -1));
    expect("(");
    const args: Value[] = [];
    while (peek() !== ")") {
      args.push(or());
      if (peek() === ",") next();
    }
    expect(")");
    const words = (v: Value) =>
      String(v)
        .split(" ")
        .filter((x) => x !== "");
    switch (tok) {
      case "not":
        return !bool(args[0]!);
      case "selected":
        return words(args[0]!).includes(String(args[1]));
      case "count-selected":
        return words(args[0]!).length;
      case "false":
        return false;
      case "true":
        return true;
      default:
        throw new Error(`unknown function ${tok}`);
    }
  };
  const v = or();
  if (i !== t.length) throw new Error(`trailing input in ${src}`);
  return v;
}

/** A respondent's stored values: field name → value ('' = no answer or not relevant). */
export type Stored = Map<string, string>;

/**
 * Fills in the form: `pick(row)` returns the answer to a question (a choice name, names joined by
 * " ", a number or text) or undefined. A question that is not relevant is never asked; answering
 * it would be a mismatch with reifegrad's own skip logic, so `asked` reports every question asked.
 */
export function fill(
  form: Form,
  pick: (row: Row, relevant: boolean) => string | undefined,
): Stored {
  const stored: Stored = new Map();
  const vars = (name: string) => stored.get(name) ?? "";
  const stack: boolean[] = [];
  const on = () => stack.every((x) => x);
  for (const row of form.survey) {
    const type = row.type!;
    const relevant = on() && (row.relevant ? evaluateXPath(row.relevant, vars) === true : true);
    if (type === "begin_group") {
      stack.push(relevant);
      continue;
    }
    if (type === "end_group") {
      stack.pop();
      continue;
    }
    if (type === "note") continue;
    if (type === "calculate") {
      stored.set(row.name!, relevant ? String(evaluateXPath(row.calculation!, vars)) : "");
      continue;
    }
    const v = pick(row, relevant);
    if (v !== undefined && !relevant) throw new Error(`${row.name}: answered but not relevant`);
    if (v !== undefined && row.constraint && evaluateXPath(row.constraint, vars, v) !== true)
      throw new Error(`${row.name}: "${v}" breaks the constraint ${row.constraint}`);
    stored.set(row.name!, v ?? "");
  }
  return stored;
}

export interface KoboExport {
  readonly groups: boolean;
  readonly multi: "single" | "separate" | "both";
}

/** The CSV KoboToolbox writes (XML values and headers). */
export function exportKobo(form: Form, responses: readonly Stored[], o: KoboExport): string {
  const header: string[] = [];
  const cells: ((s: Stored) => string)[] = [];
  const path: string[] = [];
  for (const row of form.survey) {
    const type = row.type!;
    if (type === "begin_group") {
      path.push(row.name!);
      continue;
    }
    if (type === "end_group") {
      path.pop();
      continue;
    }
    if (type === "note") continue;
    const name = row.name!;
    const heading = o.groups ? [...path, name].join("/") : name;
    const multi = type.startsWith("select_multiple ");
    if (!multi || o.multi !== "separate") {
      header.push(heading);
      cells.push((s) => s.get(name) ?? "");
    }
    if (multi && o.multi !== "single") {
      const list = type.split(" ")[1]!;
      for (const c of form.choices.filter((x) => x.list_name === list)) {
        header.push(`${heading}/${c.name}`);
        cells.push((s) => {
          const v = s.get(name) ?? "";
          return v === "" ? "" : v.split(" ").includes(c.name!) ? "1" : "0";
        });
      }
    }
  }
  const kobo = [
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
  ];
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [[...header, ...kobo].map(quote).join(";")];
  responses.forEach((s, i) => {
    const own = [
      String(1000 + i),
      `6f1c2a9e-0000-4000-8000-${String(i).padStart(12, "0")}`,
      "2026-03-01T10:00:00",
      "",
      "",
      "submitted_via_web",
      "",
      "vabc123",
      "",
      String(i + 1),
    ];
    lines.push([...cells.map((c) => c(s)), ...own].map(quote).join(";"));
  });
  return `${lines.join("\r\n")}\r\n`;
}
