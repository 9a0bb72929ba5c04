// Terminal table: department × dimension means with levels; returns lines, prints nothing.
import type { ChalkInstance } from "chalk";
import type { Assessment, Unit } from "../scoring/assessment.js";
import { fmt, type Lang, pick } from "./format.js";

export function renderTerminal(a: Assessment, c: ChalkInstance, lang: Lang = "de"): string {
  const dims = a.administration.dimensions.map((d) => d.id);
  const rows: Unit[] = [...a.departments, a.administration];
  const nameW = Math.max(14, ...rows.map((u) => pick(u.names, lang).length));
  const head = [
    "".padEnd(nameW),
    "n".padStart(5),
    ...dims.map((d) => d.slice(0, 9).padStart(10)),
    "overall".padStart(10),
  ].join(" ");
  const lines = [c.bold(head)];
  const levelRank = new Map(a.levels.map((l) => [l.id, l.rank]));
  const paint = (score: number | undefined, level: string | undefined | null) => {
    const text = score === undefined ? "–" : `${fmt(score, 1, lang)} ${level ?? ""}`;
    const cell = text.padStart(10);
    const rank = level ? (levelRank.get(level) ?? 0) : 0;
    return rank <= 1 ? c.red(cell) : rank === 2 ? c.yellow(cell) : rank >= 4 ? c.green(cell) : cell;
  };
  for (const u of rows) {
    const name = pick(u.names, lang).slice(0, nameW).padEnd(nameW);
    if (u.suppressed) {
      lines.push(
        `${name} ${"<k".padStart(5)} ${c.dim("suppressed (fewer respondents than the minimum group size)")}`,
      );
      continue;
    }
    const cells = dims.map((id) => {
      const d = u.dimensions.find((x) => x.id === id);
      return d?.suppressed ? "<k".padStart(10) : paint(d?.mean, d?.level);
    });
    const line = [
      name,
      String(u.respondents ?? "").padStart(5),
      ...cells,
      paint(u.overall.score ?? undefined, u.overall.level),
    ].join(" ");
    lines.push(u.kind === "administration" ? c.bold(line) : line);
  }
  return `${lines.join("\n")}\n`;
}
