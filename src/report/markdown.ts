// report.md: a first Markdown report (summary table per department and dimension).
import type { Assessment } from "../scoring/assessment.js";
import { fmt, type Lang, pick } from "./format.js";

export function renderMarkdown(a: Assessment, lang: Lang = "de"): string {
  const dims = a.dimensions.filter((d) => a.administration.dimensions.some((x) => x.id === d.id));
  const out: string[] = [];
  out.push(`# ${pick(a.administration.names, lang)}`, "");
  out.push(
    `Questionnaire \`${a.questionnaire.id}\` ${a.questionnaire.version}, ${a.counts.respondents} respondents.`,
    "",
  );
  out.push(`| | n | ${dims.map((d) => pick(d.name, lang)).join(" | ")} | overall |`);
  out.push(`|---|---:|${dims.map(() => "---:").join("|")}|---:|`);
  for (const u of [...a.departments, a.administration]) {
    if (u.suppressed) {
      out.push(
        `| ${pick(u.names, lang)} | <${a.settings.minGroupSize} | ${dims.map(() => "–").join(" | ")} | – |`,
      );
      continue;
    }
    const cells = dims.map((d) => {
      const x = u.dimensions.find((y) => y.id === d.id);
      return x?.mean === undefined ? "–" : `${fmt(x.mean, 1, lang)} (${x.level})`;
    });
    out.push(
      `| ${pick(u.names, lang)} | ${u.respondents} | ${cells.join(" | ")} | ${fmt(u.overall.score, 1, lang)} |`,
    );
  }
  out.push("");
  return `${out.join("\n")}\n`;
}
