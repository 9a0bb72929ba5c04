// The composed questionnaire as a document for review: plain text for the terminal, or Markdown.
// Pure: returns lines; the CLI prints them.
import type { Dimension, Item, Questionnaire } from "./model.js";
import { textIn } from "./text.js";

export type ShowFormat = "text" | "md";

const LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  de: {
    version: "Version",
    languages: "Sprachen",
    group: "Befragtengruppe",
    extends: "aufbauend auf",
    department: "Organisationseinheit",
    levels: "Reifegradstufen",
    overall: "Gesamtindex",
    weight: "Gewicht",
    target: "Ziel",
    aggregate: "Verdichtung",
    area: "Bereich",
    scale: "Skala",
    reverse: "umgepolt",
    when: "nur wenn",
    help: "Hilfe",
    groups: "nur für",
    combine: "Verrechnung",
    unit: "Einheit",
    required: "Pflicht",
    recommendations: "Empfehlungen",
    scales: "Skalen",
  },
  en: {
    version: "version",
    languages: "languages",
    group: "respondent group",
    extends: "extends",
    department: "department",
    levels: "maturity levels",
    overall: "overall index",
    weight: "weight",
    target: "target",
    aggregate: "aggregate",
    area: "area",
    scale: "scale",
    reverse: "reversed",
    when: "only when",
    help: "help",
    groups: "only for",
    combine: "combine",
    unit: "unit",
    required: "required",
    recommendations: "recommendations",
    scales: "scales",
  },
};

export function presentQuestionnaire(q: Questionnaire, lang: string, format: ShowFormat): string[] {
  const L = LABELS[lang] ?? LABELS.en!;
  const t = (text: Parameters<typeof textIn>[0]) => textIn(text, lang, q.languages);
  const md = format === "md";
  const out: string[] = [];
  const heading = (level: number, s: string) => {
    if (md) out.push(`${"#".repeat(level)} ${s}`, "");
    else out.push(s, level === 1 ? "=".repeat(s.length) : "-".repeat(s.length));
  };
  const field = (name: string, value: string) =>
    out.push(md ? `- **${name}:** ${value}` : `${name}: ${value}`);

  heading(1, `${t(q.title)} (${q.id})`);
  if (q.description) out.push(t(q.description), "");
  field(L.version!, q.version);
  field(L.languages!, q.languages.join(", "));
  field(L.group!, q.group);
  if (q.department) field(L.department!, `${t(q.department.name)} (${q.department.id})`);
  if (q.extendsChain.length > 1) field(L.extends!, q.extendsChain.slice(0, -1).join(" → "));
  field(L.overall!, q.overall.aggregate);
  field(L.levels!, q.levels.map((l) => `${l.id} ${t(l.name)} ≥ ${l.min}`).join(", "));
  out.push("");

  heading(2, L.scales!);
  for (const scale of q.scales.values()) {
    const options = scale.options.map(
      (o) => `${o.code} = ${t(o.label)}${o.missing ? ` (${o.missing})` : ""}`,
    );
    out.push(
      md ? `- \`${scale.id}\`: ${options.join("; ")}` : `${scale.id}: ${options.join("; ")}`,
    );
  }
  out.push("");

  for (const [i, dim] of q.dimensions.entries()) {
    heading(2, `${i + 1}. ${t(dim.name)} (${dim.id})`);
    if (dim.description) out.push(t(dim.description), "");
    out.push(md ? `- ${dimensionFacts(dim, L)}` : dimensionFacts(dim, L), "");
    for (const item of q.items.filter((it) => it.dimension === dim.id)) {
      out.push(...itemLines(item, L, t, md));
    }
    out.push("");
    const recs = Object.entries(dim.recommendations);
    if (recs.length > 0) {
      out.push(...(md ? [`**${L.recommendations}**`, ""] : [`${L.recommendations}:`]));
      for (const [level, measures] of recs) {
        for (const m of measures) out.push(md ? `- ${level}: ${t(m)}` : `  ${level}: ${t(m)}`);
      }
      out.push("");
    }
  }
  return out;
}

function dimensionFacts(dim: Dimension, L: Readonly<Record<string, string>>): string {
  return [
    `${L.weight} ${dim.weight}`,
    `${L.aggregate} ${dim.aggregate}`,
    ...(dim.target ? [`${L.target} ${dim.target}`] : []),
    ...(dim.area ? [`${L.area} ${dim.area}`] : []),
  ].join(", ");
}

function itemLines(
  item: Item,
  L: Readonly<Record<string, string>>,
  t: (text: Parameters<typeof textIn>[0]) => string,
  md: boolean,
): string[] {
  const facts: string[] = [item.type];
  if (item.type === "likert" || item.type === "grid") facts.push(`${L.scale} ${item.scale}`);
  if ((item.type === "likert" || item.type === "grid" || item.type === "yesno") && item.reverse)
    facts.push(L.reverse!);
  if (item.type === "multi") facts.push(`${L.combine} ${item.combine}`);
  if (item.type === "number" && item.unit) facts.push(`${L.unit} ${t(item.unit)}`);
  if (item.weight !== 1) facts.push(`${L.weight} ${item.weight}`);
  if (item.required) facts.push(L.required!);
  if (item.groups) facts.push(`${L.groups} ${item.groups.join(", ")}`);
  const details: string[] = [];
  if (item.whenSource !== undefined)
    details.push(`${L.when}: ${md ? `\`${item.whenSource}\`` : item.whenSource}`);
  if (item.help) details.push(`${L.help}: ${t(item.help)}`);
  if (item.type === "single" || item.type === "multi") {
    details.push(
      item.choices
        .map(
          (c) =>
            `${c.code} = ${t(c.label)} (${c.missing ?? c.score}${c.exclusive ? ", exclusive" : ""})`,
        )
        .join("; "),
    );
  }
  if (item.type === "grid") for (const r of item.rows) details.push(`[${r.id}] ${t(r.text)}`);
  if (item.type === "number") {
    details.push(
      item.bands.map((b) => `[${b.min ?? "−∞"}, ${b.max ?? "∞"}) → ${b.score}`).join("; "),
    );
  }
  if (md) {
    return [
      `- **${item.id}** (${facts.join(", ")}): ${t(item.text)}`,
      ...details.map((d) => `  - ${d}`),
    ];
  }
  return [
    `  ${item.id} (${facts.join(", ")})`,
    `    ${t(item.text)}`,
    ...details.map((d) => `    ${d}`),
  ];
}
