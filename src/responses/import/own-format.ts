// reifegrad's own answer format: respondent, department, group, then one column per item id.
import { parse } from "csv-parse/sync";
import { type Problem, problem } from "../../problem.js";
import type { ResponseRecord } from "../model.js";

export interface ImportResult {
  readonly records: ResponseRecord[];
  readonly problems: Problem[];
  readonly rowsRead: number;
}

const META = new Set(["respondent", "department", "group"]);

export function parseOwnFormat(file: string, text: string, defaultGroup = "staff"): ImportResult {
  const problems: Problem[] = [];
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true });
  } catch (e) {
    const err = e as { lines?: number; column?: number; message: string };
    return {
      records: [],
      rowsRead: 0,
      problems: [
        problem("csv-syntax", err.message.split("\n")[0] ?? "invalid CSV", {
          file,
          ...(err.lines ? { line: err.lines } : {}),
          hint: "check the quotes in that row",
        }),
      ],
    };
  }
  const header = rows[0] ?? [];
  const records: ResponseRecord[] = [];
  const col = (name: string) => header.indexOf(name);
  const [ri, di, gi] = [col("respondent"), col("department"), col("group")];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const answers = new Map<string, string>();
    header.forEach((h, c) => {
      if (!META.has(h) && row[c] !== undefined && row[c] !== "") answers.set(h, row[c]!.trim());
    });
    const department = di >= 0 ? row[di]?.trim() : undefined;
    if (di >= 0 && !department) {
      problems.push(
        problem("missing-department", "row has no department", {
          file,
          line: r + 1,
          column: di + 1,
          severity: "warning",
          hint: "fill in the department id or pass --department",
        }),
      );
      continue;
    }
    records.push({
      respondent: (ri >= 0 ? row[ri]?.trim() : undefined) || `row-${r + 1}`,
      ...(department ? { department } : {}),
      group: (gi >= 0 ? row[gi]?.trim() : undefined) || defaultGroup,
      answers,
      source: { file, row: r + 1 },
    });
  }
  return { records, problems, rowsRead: rows.length - 1 };
}
