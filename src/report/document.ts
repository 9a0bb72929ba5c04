// The report as a neutral document (sections of headings, paragraphs, lists, tables, collapsible
// details and chart placeholders), built once from the Assessment and rendered by markdown.ts and
// html.ts. Page one (the summary) answers where the administration stands, where the biggest gaps
// are and what comes first; the details follow per dimension and per department.
import type {
  Assessment,
  DimensionResult,
  ItemResult,
  Priority,
  Unit,
} from "../scoring/assessment.js";
import { countWord, fmt, fmtDate, fmtInt, fmtPct, fmtSigned, type Lang, pick } from "./format.js";
import { fill, type Labels, labels } from "./labels.js";
import { reportTrend, type Trend } from "./trend.js";
import {
  dimensionTrendBlocks,
  summaryTrendBlocks,
  trendNotes,
  unitTrendBlocks,
} from "./trend-blocks.js";
import {
  describeSuppression,
  dimensionName,
  dimResult,
  freeTextUnits,
  hasResponseRates,
  hasScore,
  isLowResponseRate,
  itemInfo,
  type LostReason,
  levelLabel,
  lostCells,
  lostCellsNote,
  lowResponseRateWarning,
  noGapsText,
  rankedDimensions,
  reportedItems,
  reportSubject,
  responseRateText,
  rootDimensions,
  shownDepartments,
  suppressedItemNote,
  tableUnits,
  unitName,
} from "./view.js";

export type Inline = string | { readonly strong: string } | { readonly code: string };

export interface Cell {
  readonly text: string;
  /** Level id of the value, for colour in HTML. */
  readonly level?: string;
  readonly suppressed?: boolean;
  readonly strong?: boolean;
}

export type ChartSpec =
  | { readonly type: "heatmap" }
  | { readonly type: "radar"; readonly unit: string }
  /** Diverging stacked bars of the administration's answers to items sharing one answer scale. */
  | { readonly type: "distribution"; readonly dimension: string; readonly items: readonly string[] }
  | { readonly type: "levelLegend" }
  | { readonly type: "outsideView" };

export interface TableBlock {
  readonly kind: "table";
  readonly head: readonly string[];
  /** Right-aligned (numeric) columns. */
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly Cell[])[];
  readonly caption?: string;
  /**
   * The data of the chart before it: in HTML a collapsed "data as a table" (the text alternative
   * of a chart); "screen" leaves it out of print, where the chart shows the same numbers.
   */
  readonly fallback?: "always" | "screen";
}

export type Block = (
  | { readonly kind: "heading"; readonly text: string; readonly id?: string }
  | { readonly kind: "paragraph"; readonly parts: readonly Inline[] }
  | {
      readonly kind: "list";
      readonly ordered: boolean;
      readonly items: readonly {
        readonly parts: readonly Inline[];
        readonly sub?: readonly string[];
      }[];
    }
  | TableBlock
  | { readonly kind: "chart"; readonly chart: ChartSpec }
  /** Collapsible in HTML (<details>, open in print); a heading and its blocks in Markdown. */
  | {
      readonly kind: "details";
      readonly title: string;
      /** A short summary after the title (e.g. "46.8 · L3 Shaper"). */
      readonly note?: string;
      readonly id?: string;
      readonly blocks: readonly Block[];
      /** Left out of print (a list the printed pages show otherwise). */
      readonly screenOnly?: boolean;
    }
  /** Side by side in HTML on wide screens; one after the other elsewhere. */
  | { readonly kind: "columns"; readonly columns: readonly (readonly Block[])[] }
) & { readonly only?: "md" | "html" };

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface Doc {
  readonly lang: Lang;
  readonly title: string;
  readonly meta: readonly string[];
  readonly sections: readonly Section[];
  /** Date as written in the page header when printed. */
  readonly date?: string;
}

const cell = (text: string, extra: Omit<Cell, "text"> = {}): Cell => ({ text, ...extra });

/** Marks a low response rate in tables and notes. */
const WARN = "⚠";

export interface DocumentOptions {
  /** Add the free-text answers the assessment carries; without it they never appear. */
  readonly includeFreeText?: boolean;
}

export function buildReportDocument(a: Assessment, lang: Lang, o: DocumentOptions = {}): Doc {
  const L = labels(lang);
  const admin = a.administration;
  const meta: string[] = [
    L.reportTitle,
    fill(L.questionnaireTitle, {
      title: reportSubject(a, lang),
      version: a.questionnaire.version,
    }),
  ];
  if (a.date) meta.push(`${L.date}: ${fmtDate(a.date, lang)}`);
  if (!admin.suppressed && admin.respondents !== null)
    meta.push(`${L.respondents}: ${respondentsText(admin, lang)}`);
  // The change since the previous wave, when assessment.json records one.
  const trend = reportTrend(a);
  return {
    lang,
    title: reportSubject(a, lang),
    meta,
    ...(a.date ? { date: fmtDate(a.date, lang) } : {}),
    sections: [
      summarySection(a, lang, L, trend),
      actionSection(a, lang, L),
      dimensionsSection(a, lang, L, trend),
      departmentsSection(a, lang, L, trend),
      comparisonSection(a, lang, L),
      ...(o.includeFreeText ? [freeTextSection(a, lang, L)] : []),
      methodologySection(a, lang, L, trend),
    ],
  };
}

/** "62" or, with a headcount, "62 / 85 (73 %)". */
function respondentsText(u: Unit, lang: Lang): string {
  return responseRateText(u, lang) ?? fmtInt(u.respondents, lang);
}

/** "**⚠ Low response rate** (Ordnungsamt): below 30% – the results may not generalise …" */
function lowRateParagraph(a: Assessment, lang: Lang, units: readonly Unit[]): Block {
  const L = labels(lang);
  const names = units.map((u) => unitName(u, lang)).join(", ");
  return {
    kind: "paragraph",
    parts: [
      { strong: `${WARN} ${L.lowResponseRate}` },
      `${names ? ` (${names})` : ""}: ${lowResponseRateWarning(a, lang)}`,
    ],
  };
}

function scoreWithLevel(
  a: Assessment,
  d: { mean?: number; level?: string | null } | undefined,
  lang: Lang,
): string {
  if (!d || d.mean === undefined) return "–";
  return `${fmt(d.mean, 1, lang)} (${levelLabel(a, d.level, lang)})`;
}

function ciText(d: { ciLow?: number; ciHigh?: number }, lang: Lang): string {
  if (d.ciLow === undefined || d.ciHigh === undefined) return "–";
  return `${fmt(d.ciLow, 1, lang)}–${fmt(d.ciHigh, 1, lang)}`;
}

/** The gap column: points below the target, or how far above it a unit is. */
function gapText(d: { gap?: number }, lang: Lang): string {
  if (d.gap === undefined) return "–";
  if (d.gap > 0) return fmt(d.gap, 1, lang);
  const L = labels(lang);
  if (fmt(d.gap, 1, lang) === fmt(0, 1, lang)) return L.atTarget;
  return fill(L.aboveTargetCell, { gap: fmt(-d.gap, 1, lang) });
}

function dimName(a: Assessment, id: string, lang: Lang): string {
  return dimensionName(a, id, lang);
}

function summarySection(a: Assessment, lang: Lang, L: Labels, trend?: Trend): Section {
  const admin = a.administration;
  const blocks: Block[] = [];
  if (admin.suppressed) {
    blocks.push({
      kind: "paragraph",
      parts: [
        `${L.administration}: ${L.suppressed} (${fill(L.belowMinimum, { k: a.suppression.minGroupSize })}).`,
      ],
    });
    return { id: "summary", title: L.atAGlance, blocks };
  }
  const o = admin.overall;
  blocks.push({
    kind: "paragraph",
    parts: [
      `${L.overallLevel}: `,
      { strong: `${levelLabel(a, o.level, lang)}` },
      ` – ${fmt(o.score, 1, lang)} ${L.outOf100}`,
      o.ciLow !== undefined ? ` (${L.ci} ${ciText(o, lang)})` : "",
      admin.percentToTarget !== undefined && admin.percentToTarget !== null
        ? `; ${L.percentToTarget}: ${fmtPct(admin.percentToTarget, 0, lang)}.`
        : ".",
    ],
  });
  const ranked = rankedDimensions(a);
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  if (best && worst && best !== worst) {
    blocks.push({
      kind: "list",
      ordered: false,
      items: [
        {
          parts: [
            `${L.strongest}: `,
            { strong: dimName(a, best.id, lang) },
            ` ${scoreWithLevel(a, best, lang)}`,
          ],
        },
        {
          parts: [
            `${L.weakest}: `,
            { strong: dimName(a, worst.id, lang) },
            ` ${scoreWithLevel(a, worst, lang)}`,
          ],
        },
      ],
    });
  }
  const top = (admin.priorities ?? []).slice(0, 5);
  const gaps: Block[] = [{ kind: "heading", text: gapsHeading(top.length, lang) }];
  if (top.length === 0) gaps.push({ kind: "paragraph", parts: [noGapsText(a, lang)] });
  else
    gaps.push({
      kind: "list",
      ordered: true,
      items: top.map((p) => ({ parts: priorityParts(a, admin, p, lang, L) })),
    });
  if (top.some((p) => p.weight !== top[0]!.weight))
    gaps.push({ kind: "paragraph", parts: [L.priorityOrder] });
  const above = targetReachedText(a, admin, lang);
  if (above) gaps.push({ kind: "paragraph", parts: [above] });
  if (top.length > 0)
    gaps.push({ kind: "paragraph", parts: [fill(L.measuresSee, { section: L.fieldsOfAction })] });
  blocks.push({
    kind: "columns",
    columns: [
      [
        { kind: "heading", text: L.profileAdministration },
        { kind: "chart", chart: { type: "radar", unit: "administration" }, only: "html" },
        profileTable(a, admin, lang, L),
      ],
      gaps,
    ],
  });
  blocks.push({ kind: "heading", text: L.heatmap });
  blocks.push({ kind: "chart", chart: { type: "levelLegend" }, only: "html" });
  blocks.push({ kind: "chart", chart: { type: "heatmap" }, only: "html" });
  blocks.push(...overviewTable(a, lang, L));
  if (trend) blocks.push(...summaryTrendBlocks(trend, a, lang));
  return { id: "summary", title: L.atAGlance, blocks };
}

/** "Die drei größten Lücken zum Ziel": the number matches the list. */
function gapsHeading(count: number, lang: Lang): string {
  const L = labels(lang);
  if (count <= 1) return L.biggestGapOne;
  return fill(L.biggestGapsCount, { count: countWord(count, lang) });
}

/** "Über dem Ziel: Green IT (2,1 Punkte über L3 Gestalter)." for dimensions at or above target. */
function targetReachedText(a: Assessment, u: Unit, lang: Lang): string | undefined {
  const L = labels(lang);
  const reached = u.dimensions.filter(
    (d) => hasScore(d) && d.gap !== undefined && d.gap <= 0 && d.target,
  );
  const above = reached.filter((d) => fmt(d.gap, 1, lang) !== fmt(0, 1, lang));
  const at = reached.filter((d) => !above.includes(d));
  const out: string[] = [];
  if (above.length > 0)
    out.push(
      fill(L.aboveTargetList, {
        list: above
          .map((d) =>
            fill(L.aboveTargetItem, {
              dim: dimName(a, d.id, lang),
              gap: fmt(-(d.gap ?? 0), 1, lang),
              target: levelLabel(a, d.target, lang),
            }),
          )
          .join(", "),
      }),
    );
  if (at.length > 0)
    out.push(fill(L.atTargetList, { list: at.map((d) => dimName(a, d.id, lang)).join(", ") }));
  return out.length > 0 ? out.join(" ") : undefined;
}

/** "Strategie: 13,2 Punkte unter dem Ziel L4 Vernetzer (derzeit L3 Gestalter)" */
function priorityParts(a: Assessment, u: Unit, p: Priority, lang: Lang, L: Labels): Inline[] {
  return [{ strong: dimName(a, p.dimension, lang) }, `: ${gapPhrase(a, u, p, lang, L)}`];
}

function gapPhrase(a: Assessment, u: Unit, p: Priority, lang: Lang, L: Labels): string {
  const r = dimResult(u, p.dimension);
  return fill(L.gapBelowTarget, {
    gap: fmt(p.gap, 1, lang),
    target: levelLabel(a, r?.target ?? p.toLevel, lang),
    level: levelLabel(a, r?.level ?? p.fromLevel, lang),
  });
}

/** The radar's data: the unit's dimension means against the targets. */
function profileTable(a: Assessment, u: Unit, lang: Lang, L: Labels): Block {
  return {
    kind: "table",
    fallback: "screen",
    caption: L.profileAdministration,
    head: [L.dimension, L.mean, L.level, L.target, L.gap],
    numeric: [false, true, false, false, true],
    rows: rootDimensions(a).map((d) => {
      const r = dimResult(u, d.id);
      const name = cell(pick(d.name, lang));
      if (r?.suppressed)
        return [name, cell(L.suppressed, { suppressed: true }), cell(""), cell(""), cell("")];
      if (!hasScore(r))
        return [name, cell("–"), cell("–"), cell(levelLabel(a, r?.target, lang)), cell("–")];
      return [
        name,
        cell(fmt(r.mean, 1, lang)),
        cell(levelLabel(a, r.level, lang), { level: r.level ?? "" }),
        cell(r.target ? levelLabel(a, r.target, lang) : "–"),
        cell(gapText(r, lang)),
      ];
    }),
  };
}

/** Departments × dimensions: mean and level; suppressed rows carry only the note. */
function overviewTable(a: Assessment, lang: Lang, L: Labels): Block[] {
  const dims = rootDimensions(a);
  const rates = hasResponseRates(a);
  const rows = tableUnits(a).map((u) => {
    const name = cell(unitName(u, lang), u.kind === "administration" ? { strong: true } : {});
    if (u.suppressed)
      return [
        name,
        cell(L.suppressed, { suppressed: true }),
        ...(rates ? [cell("")] : []),
        ...dims.map(() => cell("")),
        cell(""),
      ];
    return [
      name,
      cell(fmtInt(u.respondents, lang)),
      ...(rates ? [cell(rateCell(u, lang))] : []),
      ...dims.map((d) => {
        const r = dimResult(u, d.id);
        if (r?.suppressed) return cell(L.suppressed, { suppressed: true });
        return hasScore(r)
          ? cell(`${fmt(r.mean, 1, lang)} ${r.level ?? ""}`.trim(), { level: r.level ?? "" })
          : cell("–");
      }),
      u.overall.score === null
        ? cell("–")
        : cell(`${fmt(u.overall.score, 1, lang)} ${u.overall.level ?? ""}`.trim(), {
            level: u.overall.level ?? "",
            strong: true,
          }),
    ];
  });
  const table: Block = {
    kind: "table",
    fallback: "screen",
    caption: L.heatmap,
    head: [
      L.department,
      L.n,
      ...(rates ? [L.responseRate] : []),
      ...dims.map((d) => pick(d.name, lang)),
      L.overall,
    ],
    numeric: [false, true, ...(rates ? [true] : []), ...dims.map(() => true), true],
    rows,
  };
  const low = tableUnits(a).filter(isLowResponseRate);
  const note = lostNote(
    a,
    lostCells(
      a,
      tableUnits(a),
      dims.map((d) => d.id),
      false,
    ),
    lang,
  );
  return [
    table,
    // Under the table (Markdown) and under the heatmap (HTML) alike.
    ...(note ? [note] : []),
    ...(low.length > 0 ? [lowRateParagraph(a, lang, low)] : []),
  ];
}

/** The sentence under a table that lost cells (none when it lost none). */
function lostNote(a: Assessment, reasons: ReadonlySet<LostReason>, lang: Lang): Block | undefined {
  const text = lostCellsNote(a, reasons, lang);
  return text ? { kind: "paragraph", parts: [text] } : undefined;
}

/** "62 / 85 (73 %)", with ⚠ when the rate is low; empty without a headcount. */
function rateCell(u: Unit, lang: Lang): string {
  const t = responseRateText(u, lang);
  if (t === undefined) return "";
  return isLowResponseRate(u) ? `${t} ${WARN}` : t;
}

/** "46,8 · L3 Gestalter · Ziel L4 Vernetzer" */
function cellNote(a: Assessment, r: DimensionResult | undefined, lang: Lang): string | undefined {
  const L = labels(lang);
  if (!r) return undefined;
  if (r.suppressed) return L.suppressed;
  if (!hasScore(r)) return undefined;
  return [
    fmt(r.mean, 1, lang),
    levelLabel(a, r.level, lang),
    ...(r.target ? [`${L.target} ${levelLabel(a, r.target, lang)}`] : []),
  ].join(" · ");
}

/** Root dimensions, then other dimensions (of department questionnaires) with items to show. */
function reportDimensions(a: Assessment): Assessment["dimensions"] {
  const root = rootDimensions(a);
  const items = reportedItems(a, a.administration);
  return [
    ...root,
    ...a.dimensions.filter((d) => !root.includes(d) && items.some((i) => i.dimension === d.id)),
  ];
}

function dimensionsSection(a: Assessment, lang: Lang, L: Labels, trend?: Trend): Section {
  const blocks: Block[] = [
    { kind: "paragraph", parts: [L.distributionIntro, " ", L.shareNote], only: "html" },
  ];
  const root = new Set(rootDimensions(a).map((d) => d.id));
  const items = reportedItems(a, a.administration);
  for (const d of reportDimensions(a)) {
    const inner: Block[] = [];
    if (d.description) inner.push({ kind: "paragraph", parts: [pick(d.description, lang)] });
    const units = root.has(d.id)
      ? tableUnits(a)
      : tableUnits(a).filter((u) => !u.suppressed && dimResult(u, d.id) !== undefined);
    if (units.length > 0) {
      inner.push(dimensionTable(a, d.id, units, lang, L));
      const note = lostNote(a, lostCells(a, units, [d.id], true), lang);
      if (note) inner.push(note);
    }
    if (trend && root.has(d.id)) inner.push(...dimensionTrendBlocks(trend, d.id, a, lang));
    const mine = items.filter((i) => i.dimension === d.id);
    if (mine.length > 0) inner.push(...answerBlocks(a, d.id, mine, lang, L));
    const note = cellNote(a, dimResult(a.administration, d.id), lang);
    blocks.push({
      kind: "details",
      title: pick(d.name, lang),
      ...(note ? { note } : {}),
      id: `dim-${d.id}`,
      blocks: inner,
    });
  }
  return { id: "dimensions", title: L.byDimension, blocks };
}

function dimensionTable(
  a: Assessment,
  id: string,
  units: readonly Unit[],
  lang: Lang,
  L: Labels,
): Block {
  const rows = units.map((u) => {
    const name = cell(unitName(u, lang), u.kind === "administration" ? { strong: true } : {});
    const r = dimResult(u, id);
    if (u.suppressed || r?.suppressed)
      return [
        name,
        cell(L.suppressed, { suppressed: true }),
        ...Array.from({ length: 5 }, () => cell("")),
      ];
    if (!hasScore(r))
      return [
        name,
        cell("–"),
        cell("–"),
        cell("–"),
        cell("–"),
        cell(levelLabel(a, r?.target, lang)),
        cell("–"),
      ];
    return [
      name,
      cell(fmtInt(r.n, lang)),
      cell(fmt(r.mean, 1, lang)),
      cell(ciText(r, lang)),
      cell(levelLabel(a, r.level, lang), { level: r.level ?? "" }),
      cell(r.target ? levelLabel(a, r.target, lang) : "–"),
      cell(gapText(r, lang)),
    ];
  });
  return {
    kind: "table",
    head: [L.department, L.n, L.mean, L.ci, L.level, L.target, L.gap],
    numeric: [false, true, true, true, false, false, true],
    rows,
  };
}

/** The options of an item as one key: items with the same key share one chart. */
function scaleKey(a: Assessment, id: string): string {
  const info = itemInfo(a, id);
  if (!info) return "";
  return `${info.type}|${info.options.map((o) => `${o.code}=${JSON.stringify(o.label)}`).join(";")}`;
}

/** Answer shares of the administration for a dimension's items: charts (HTML) and tables. */
function answerBlocks(
  a: Assessment,
  dimension: string,
  items: readonly ItemResult[],
  lang: Lang,
  L: Labels,
): Block[] {
  const blocks: Block[] = [{ kind: "heading", text: L.answersAdministration }];
  // Consecutive items on the same scale share a chart and a table.
  const groups: ItemResult[][] = [];
  for (const i of items) {
    const last = groups[groups.length - 1];
    if (last && scaleKey(a, last[0]!.id) === scaleKey(a, i.id)) last.push(i);
    else groups.push([i]);
  }
  for (const g of groups) {
    blocks.push({
      kind: "chart",
      chart: { type: "distribution", dimension, items: g.map((i) => i.id) },
      only: "html",
    });
    const shares = sharesTable(a, g, lang, L);
    if (shares) blocks.push({ ...shares, only: "html" });
  }
  blocks.push({
    kind: "table",
    only: "md",
    head: [L.item, L.n, L.mean, L.dontKnow, L.notApplicable, L.blank],
    numeric: [false, true, true, true, true, true],
    rows: items.map((i) => {
      const name = cell(`${i.id}: ${pick(itemInfo(a, i.id)?.text, lang)}`);
      if (i.suppressed)
        return [
          name,
          cell(suppressedItemNote(a, i.suppressed, lang), { suppressed: true }),
          ...Array.from({ length: 4 }, () => cell("")),
        ];
      return [
        name,
        cell(fmtInt(i.n, lang)),
        cell(fmt(i.mean, 1, lang)),
        cell(fmtInt(i.dontKnow, lang)),
        cell(fmtInt(i.notApplicable, lang)),
        cell(fmtInt(i.blank, lang)),
      ];
    }),
  });
  return blocks;
}

/** The bars' data as a table of shares (the chart's text alternative); none for other types. */
function sharesTable(
  a: Assessment,
  items: readonly ItemResult[],
  lang: Lang,
  L: Labels,
): TableBlock | undefined {
  const info = itemInfo(a, items[0]!.id);
  if (!info) return undefined;
  const scored = info.options.filter((o) => !o.missing);
  if (scored.length < 2 || !["likert", "yesno", "single", "grid"].includes(info.type))
    return undefined;
  const rows: Cell[][] = [];
  for (const i of items) {
    const it = itemInfo(a, i.id);
    const label = `${i.id}: ${pick(it?.text, lang)}`;
    if (i.suppressed) {
      rows.push([
        cell(label),
        cell(suppressedItemNote(a, i.suppressed, lang), { suppressed: true }),
        ...scored.map(() => cell("")),
        cell(""),
        cell(""),
      ]);
      continue;
    }
    const lines =
      info.type === "grid" && it?.rows
        ? it.rows.map((row) => ({
            label: `${label} – ${pick(row.text, lang)}`,
            prefix: `${row.id}:`,
          }))
        : [{ label, prefix: "" }];
    for (const line of lines) {
      const counts = scored.map((o) => i.counts[`${line.prefix}${o.code}`] ?? 0);
      const missing = (kind: string) =>
        info.options
          .filter((o) => o.missing === kind)
          .reduce((s, o) => s + (i.counts[`${line.prefix}${o.code}`] ?? 0), 0);
      const dk = line.prefix ? missing("dont_know") : i.dontKnow;
      const na = line.prefix ? missing("not_applicable") : i.notApplicable;
      const n = counts.reduce((s, c) => s + c, 0);
      const asked = n + dk + na;
      rows.push([
        cell(line.label),
        cell(fmtInt(n, lang)),
        ...counts.map((c) => cell(n > 0 ? fmtPct(c / n, 0, lang) : "–")),
        cell(asked > 0 ? fmtPct(dk / asked, 0, lang) : "–"),
        cell(asked > 0 ? fmtPct(na / asked, 0, lang) : "–"),
      ]);
    }
  }
  return {
    kind: "table",
    fallback: "screen",
    caption: L.answersAdministration,
    head: [
      L.item,
      L.n,
      ...scored.map((o) => pick(o.label, lang) || o.code),
      L.dontKnow,
      L.notApplicable,
    ],
    numeric: [false, true, ...scored.map(() => true), true, true],
    rows,
  };
}

function unitDimensionTable(a: Assessment, u: Unit, lang: Lang, L: Labels): Block[] {
  const rows = u.dimensions.map((r) => {
    const name = cell(dimName(a, r.id, lang));
    if (r.suppressed)
      return [
        name,
        cell(L.suppressed, { suppressed: true }),
        ...Array.from({ length: 7 }, () => cell("")),
      ];
    return [
      name,
      cell(fmtInt(r.n, lang)),
      cell(fmt(r.mean, 1, lang)),
      cell(fmt(r.median, 1, lang)),
      cell(fmt(r.sd, 1, lang)),
      cell(ciText(r, lang)),
      cell(r.level ? levelLabel(a, r.level, lang) : "–", { level: r.level ?? "" }),
      cell(r.target ? levelLabel(a, r.target, lang) : "–"),
      cell(gapText(r, lang)),
    ];
  });
  const note = lostNote(
    a,
    lostCells(
      a,
      [u],
      u.dimensions.map((d) => d.id),
      true,
    ),
    lang,
  );
  return [
    {
      kind: "table",
      head: [L.dimension, L.n, L.mean, L.median, L.sd, L.ci, L.level, L.target, L.gap],
      numeric: [false, true, true, true, true, true, false, false, true],
      rows,
    },
    ...(note ? [note] : []),
  ];
}

function unitBlocks(a: Assessment, u: Unit, lang: Lang, L: Labels, trend?: Trend): Block[] {
  const text: Block[] = [];
  const o = u.overall;
  const parts: Inline[] = [
    `${L.respondents}: ${respondentsText(u, lang)}. ${L.overall}: `,
    {
      strong: o.score === null ? "–" : `${fmt(o.score, 1, lang)} (${levelLabel(a, o.level, lang)})`,
    },
  ];
  if (u.percentToTarget !== undefined && u.percentToTarget !== null)
    parts.push(`; ${L.percentToTarget}: ${fmtPct(u.percentToTarget, 0, lang)}`);
  parts.push(".");
  text.push({ kind: "paragraph", parts });
  if (u.areas && u.areas.length > 0) {
    text.push({
      kind: "paragraph",
      parts: [
        `${L.areas}: `,
        u.areas
          .map(
            (x) =>
              `${pick(x.names, lang)} ${fmt(x.score, 1, lang)} (${levelLabel(a, x.level, lang)})`,
          )
          .join(" · "),
      ],
    });
  }
  if (isLowResponseRate(u)) text.push(lowRateParagraph(a, lang, []));
  const ps = u.priorities ?? [];
  if (ps.length > 0) {
    text.push({ kind: "heading", text: L.priorities });
    text.push({
      kind: "list",
      ordered: true,
      items: ps.map((p) => ({ parts: priorityParts(a, u, p, lang, L) })),
    });
    text.push({ kind: "paragraph", parts: [fill(L.measuresSee, { section: L.fieldsOfAction })] });
  }
  const above = targetReachedText(a, u, lang);
  if (above) text.push({ kind: "paragraph", parts: [above] });
  return [
    {
      kind: "columns",
      columns: [[{ kind: "chart", chart: { type: "radar", unit: u.id }, only: "html" }], text],
    },
    ...unitDimensionTable(a, u, lang, L),
    ...(trend ? unitTrendBlocks(trend, u.id, a, lang) : []),
  ];
}

function departmentsSection(a: Assessment, lang: Lang, L: Labels, trend?: Trend): Section {
  const blocks: Block[] = [];
  for (const u of a.departments) {
    if (u.suppressed) {
      const reason =
        u.suppressed === "below-minimum"
          ? fill(L.belowMinimum, { k: a.suppression.minGroupSize })
          : L.secondary;
      blocks.push({
        kind: "paragraph",
        parts: [{ strong: unitName(u, lang) }, `: ${L.suppressed} (${reason}).`],
      });
      continue;
    }
    const o = u.overall;
    const note = [
      ...(o.score === null ? [] : [fmt(o.score, 1, lang), levelLabel(a, o.level, lang)]),
      `${fmtInt(u.respondents, lang)} ${L.respondentsShort}`,
    ].join(" · ");
    blocks.push({
      kind: "details",
      title: unitName(u, lang),
      note,
      id: `unit-${u.id}`,
      blocks: unitBlocks(a, u, lang, L, trend),
    });
  }
  return { id: "departments", title: L.byDepartment, blocks };
}

interface UnitPriority {
  readonly u: Unit;
  readonly p: Priority;
}

/**
 * Fields of action per dimension, in the order of the administration's priorities: the units with
 * a gap, and each set of measures once with every unit it is for.
 */
function actionSection(a: Assessment, lang: Lang, L: Labels): Section {
  const blocks: Block[] = [{ kind: "paragraph", parts: [L.fieldsOfActionIntro] }];
  const all: UnitPriority[] = [a.administration, ...shownDepartments(a)].flatMap((u) =>
    u.suppressed ? [] : (u.priorities ?? []).map((p) => ({ u, p })),
  );
  if (all.length === 0) {
    blocks.push({ kind: "paragraph", parts: [noGapsText(a, lang)] });
    return { id: "actions", title: L.fieldsOfAction, blocks };
  }
  const adminRank = new Map((a.administration.priorities ?? []).map((p) => [p.dimension, p.rank]));
  const maxPriority = (dim: string) =>
    Math.max(...all.filter((x) => x.p.dimension === dim).map((x) => x.p.priority));
  const order = rootDimensions(a).map((d) => d.id);
  const dims = [...new Set(all.map((x) => x.p.dimension))].sort(
    (x, y) =>
      (adminRank.get(x) ?? Number.POSITIVE_INFINITY) -
        (adminRank.get(y) ?? Number.POSITIVE_INFINITY) ||
      maxPriority(y) - maxPriority(x) ||
      order.indexOf(x) - order.indexOf(y),
  );
  dims.forEach((dim, i) => {
    blocks.push({
      kind: "heading",
      text: `${i + 1}. ${dimName(a, dim, lang)}`,
      id: `action-${dim}`,
    });
    const mine = all
      .filter((x) => x.p.dimension === dim)
      .sort(
        (x, y) =>
          Number(y.u.kind === "administration") - Number(x.u.kind === "administration") ||
          y.p.gap - x.p.gap ||
          (x.u.id < y.u.id ? -1 : x.u.id > y.u.id ? 1 : 0),
      );
    // The target, once when every unit has the same one.
    const targets = [
      ...new Set(mine.map(({ u, p }) => dimResult(u, p.dimension)?.target ?? p.toLevel)),
    ];
    const oneTarget = targets.length === 1 ? targets[0] : undefined;
    if (oneTarget)
      blocks.push({
        kind: "paragraph",
        parts: [`${L.target}: ${levelLabel(a, oneTarget, lang)}.`],
      });
    // Each step with its set of measures once, with the units it is for (largest gap first).
    const groups = new Map<string, { p: Priority; units: UnitPriority[] }>();
    for (const x of mine) {
      const key = `${x.p.fromLevel}>${x.p.toLevel}>${x.p.recommendations.map((t) => pick(t, lang)).join("\n")}`;
      const g = groups.get(key);
      if (g) g.units.push(x);
      else groups.set(key, { p: x.p, units: [x] });
    }
    blocks.push({
      kind: "list",
      ordered: false,
      items: [...groups.values()].map(({ p, units }) => ({
        parts: [
          {
            strong: fill(L.stepFromTo, {
              from: levelLabel(a, p.fromLevel, lang),
              to: levelLabel(a, p.toLevel, lang),
            }),
          },
          ` – ${units
            .map(({ u, p: q }) => {
              const t = dimResult(u, q.dimension)?.target ?? q.toLevel;
              const gap = `${L.gap} ${fmt(q.gap, 1, lang)}`;
              return `${unitName(u, lang)} (${oneTarget ? gap : `${gap}, ${L.target} ${t}`})`;
            })
            .join(", ")}${p.recommendations.length > 0 ? `. ${L.measures}:` : "."}`,
        ],
        sub: p.recommendations.map((t) => pick(t, lang)),
      })),
    });
  });
  const ranked = all
    .filter((x) => x.u.kind !== "administration")
    .sort(
      (x, y) =>
        y.p.priority - x.p.priority ||
        (x.u.id < y.u.id ? -1 : x.u.id > y.u.id ? 1 : 0) ||
        x.p.rank - y.p.rank,
    );
  if (ranked.length > 0)
    blocks.push({
      kind: "details",
      title: L.rankedList,
      id: "ranking",
      screenOnly: true,
      blocks: [
        {
          kind: "table",
          head: [
            L.rank,
            L.department,
            L.dimension,
            L.current,
            L.target,
            L.gap,
            L.weight,
            L.priority,
          ],
          numeric: [true, false, false, false, false, true, true, true],
          rows: ranked.map(({ u, p }, i) => {
            const r = dimResult(u, p.dimension);
            return [
              cell(String(i + 1)),
              cell(unitName(u, lang)),
              cell(dimName(a, p.dimension, lang)),
              cell(r?.level ?? p.fromLevel, { level: r?.level ?? p.fromLevel }),
              cell(r?.target ?? p.toLevel),
              cell(fmt(p.gap, 1, lang)),
              cell(fmt(p.weight, 1, lang)),
              cell(fmt(p.priority, 1, lang)),
            ];
          }),
        },
      ],
    });
  return { id: "actions", title: L.fieldsOfAction, blocks };
}

function comparisonSection(a: Assessment, lang: Lang, L: Labels): Section {
  if (a.comparisons.length === 0)
    return {
      id: "outside-view",
      title: L.selfVsOutside,
      blocks: [{ kind: "paragraph", parts: [L.selfVsOutsideNone] }],
    };
  const groupName = (id: string) => {
    const g = a.groups.find((x) => x.id === id);
    return g ? unitName(g, lang) : id;
  };
  return {
    id: "outside-view",
    title: L.selfVsOutside,
    blocks: [
      { kind: "paragraph", parts: [L.differenceNote] },
      { kind: "paragraph", parts: [L.distinguishableNote] },
      { kind: "chart", chart: { type: "outsideView" }, only: "html" },
      {
        kind: "table",
        head: [
          L.dimension,
          `${L.internal} ${L.n}`,
          `${L.internal} ${L.mean}`,
          L.external,
          `${L.external} ${L.n}`,
          `${L.external} ${L.mean}`,
          L.difference,
          L.differenceCi,
          L.distinguishable,
        ],
        numeric: [false, true, true, false, true, true, true, false, false],
        rows: a.comparisons.map((c) => [
          cell(dimName(a, c.dimension, lang)),
          cell(fmtInt(c.internal.n, lang)),
          cell(fmt(c.internal.mean, 1, lang)),
          cell(groupName(c.external.group)),
          cell(fmtInt(c.external.n, lang)),
          cell(fmt(c.external.mean, 1, lang)),
          cell(fmtSigned(c.difference, 1, lang)),
          cell(
            c.ciLow !== undefined && c.ciHigh !== undefined
              ? `${fmtSigned(c.ciLow, 1, lang)} … ${fmtSigned(c.ciHigh, 1, lang)}`
              : "–",
          ),
          cell(
            c.distinguishable === undefined
              ? "–"
              : c.distinguishable
                ? L.distinguishableYes
                : L.distinguishableNo,
          ),
        ]),
      },
    ],
  };
}

/** Free-text answers per unit and text item, as lists (only with includeFreeText). */
function freeTextSection(a: Assessment, lang: Lang, L: Labels): Section {
  const units = freeTextUnits(a);
  const blocks: Block[] = [
    { kind: "paragraph", parts: [fill(L.freeTextIntro, { k: a.suppression.minGroupSize })] },
  ];
  if (units.length === 0) blocks.push({ kind: "paragraph", parts: [L.freeTextNone] });
  for (const u of units) {
    blocks.push({ kind: "heading", text: unitName(u, lang), id: `free-text-${u.id}` });
    for (const t of u.freeText ?? []) {
      if (t.answers.length === 0) continue;
      // Files written before free-text entries carried their question have only the id.
      const text = pick(t.text ?? itemInfo(a, t.item)?.text, lang);
      blocks.push({
        kind: "paragraph",
        parts: [
          { code: t.item },
          text ? ` ${text}` : "",
          ` (${L.n} = ${fmtInt(t.answers.length, lang)})`,
        ],
      });
      blocks.push({ kind: "list", ordered: false, items: t.answers.map((x) => ({ parts: [x] })) });
    }
  }
  return { id: "free-text", title: L.freeText, blocks };
}

function methodologySection(a: Assessment, lang: Lang, L: Labels, trend?: Trend): Section {
  const blocks: Block[] = [];
  const dims = rootDimensions(a);
  const rates = hasResponseRates(a);
  blocks.push({ kind: "heading", text: L.respondentsCoverage });
  blocks.push({
    kind: "table",
    head: [
      L.department,
      L.respondents,
      ...(rates ? [L.headcount, L.responseRate] : []),
      ...dims.map((d) => pick(d.name, lang)),
    ],
    caption: L.coverageCaption,
    numeric: [false, true, ...(rates ? [true, true] : []), ...dims.map(() => true)],
    rows: tableUnits(a).map((u) => {
      if (u.suppressed)
        return [
          cell(unitName(u, lang)),
          cell(L.suppressed, { suppressed: true }),
          ...(rates ? [cell(""), cell("")] : []),
          ...dims.map(() => cell("")),
        ];
      const shownRate = responseRateText(u, lang) !== undefined;
      return [
        cell(unitName(u, lang), u.kind === "administration" ? { strong: true } : {}),
        cell(fmtInt(u.respondents, lang)),
        ...(rates
          ? [
              cell(shownRate ? fmtInt(u.headcount, lang) : ""),
              cell(
                shownRate
                  ? `${fmtPct(u.responseRate, 0, lang)}${isLowResponseRate(u) ? ` ${WARN}` : ""}`
                  : "",
              ),
            ]
          : []),
        ...dims.map((d) => {
          const r = dimResult(u, d.id);
          return r?.suppressed
            ? cell(L.suppressed, { suppressed: true })
            : cell(fmtPct(r?.coverage, 0, lang));
        }),
      ];
    }),
  });
  const coverageNote = lostNote(
    a,
    lostCells(
      a,
      tableUnits(a),
      dims.map((d) => d.id),
      false,
    ),
    lang,
  );
  if (coverageNote) blocks.push(coverageNote);
  const low = tableUnits(a).filter(isLowResponseRate);
  if (low.length > 0) blocks.push(lowRateParagraph(a, lang, low));
  if (!a.administration.suppressed) {
    const c = a.counts;
    blocks.push({ kind: "heading", text: L.missingAnswers });
    blocks.push({
      kind: "table",
      head: ["", L.n],
      numeric: [false, true],
      rows: [
        [cell(L.respondents), cell(fmtInt(c.respondents, lang))],
        [cell(L.answersScored), cell(fmtInt(c.answers, lang))],
        [cell(L.dontKnow), cell(fmtInt(c.dontKnow, lang))],
        [cell(L.notApplicable), cell(fmtInt(c.notApplicable, lang))],
        [cell(L.blank), cell(fmtInt(c.blank, lang))],
        [cell(L.invalid), cell(fmtInt(c.invalid, lang))],
      ],
    });
  }
  blocks.push({ kind: "heading", text: L.suppression });
  blocks.push({
    kind: "paragraph",
    parts: [fill(L.suppressionIntro, { k: a.suppression.minGroupSize })],
  });
  const p = a.suppression.protectionInterval;
  if (p !== undefined)
    blocks.push({
      kind: "paragraph",
      parts: [fill(L.suppressionProtection, { k: a.suppression.minGroupSize, p: fmt(p, 0, lang) })],
    });
  const hidden = a.suppression.records.filter((r) => r.reason !== "small-cell");
  const small = a.suppression.records.length - hidden.length;
  if (hidden.length === 0) blocks.push({ kind: "paragraph", parts: [L.suppressionNone] });
  else
    blocks.push({
      kind: "list",
      ordered: false,
      items: hidden.map((r) => {
        const s = describeSuppression(a, r, lang);
        return { parts: [{ strong: s.unit }, `: ${s.reason}`] };
      }),
    });
  if (small > 0) {
    const k = a.suppression.minGroupSize;
    const text = fill(L.suppressionSmallCells, { count: fmtInt(small, lang), k, k2m: 2 * k - 1 });
    blocks.push({ kind: "paragraph", parts: [text] });
  }
  const rel = a.administration.reliability ?? [];
  if (rel.length > 0) {
    blocks.push({ kind: "heading", text: L.reliability });
    blocks.push({
      kind: "paragraph",
      parts: [fill(L.reliabilityNote, { n: a.settings.minAlphaN })],
    });
    blocks.push({
      kind: "table",
      head: [L.dimension, `${L.n} (${L.complete})`, L.items, L.alpha, ""],
      numeric: [false, true, true, true, false],
      rows: rel.map((r) => {
        const lowering = r.itemStats.filter((i) => i.lowersAlpha).map((i) => i.id);
        const flags = [
          r.low ? L.low : "",
          lowering.length ? `${L.lowersAlpha}: ${lowering.join(", ")}` : "",
        ].filter(Boolean);
        return [
          cell(dimensionName(a, r.dimension, lang)),
          cell(fmtInt(r.n, lang)),
          cell(fmtInt(r.items, lang)),
          cell(fmt(r.alpha, 2, lang)),
          cell(flags.join("; ")),
        ];
      }),
    });
  }
  const s = a.settings;
  blocks.push({ kind: "heading", text: L.settings });
  blocks.push({
    kind: "table",
    head: ["", ""],
    numeric: [false, true],
    rows: [
      [cell(L.minGroupSize), cell(String(s.minGroupSize))],
      [cell(L.minCoverage), cell(fmtPct(s.minCoverage, 0, lang))],
      [
        cell(L.weighting),
        cell(
          s.administrationWeighting === "department"
            ? L.weightingDepartment
            : L.weightingRespondent,
        ),
      ],
      [cell(L.confidence), cell(fmtPct(s.confidence, 0, lang))],
      [cell(L.minAlphaN), cell(String(s.minAlphaN))],
      ...(s.minResponseRate !== undefined
        ? [[cell(L.minResponseRate), cell(fmtPct(s.minResponseRate, 0, lang))]]
        : []),
      ...(s.includeFreeText !== undefined
        ? [[cell(L.includeFreeText), cell(s.includeFreeText ? L.yes : L.no)]]
        : []),
    ],
  });
  blocks.push({ kind: "heading", text: L.questionnaires });
  blocks.push({
    kind: "table",
    head: ["id", L.version, L.group, L.department, L.contentHash],
    numeric: [false, false, false, false, false],
    rows: a.questionnaires.map((q) => [
      cell(q.id),
      cell(q.version),
      cell(q.group),
      cell(q.department ?? ""),
      cell(q.contentHash),
    ]),
  });
  blocks.push({
    kind: "paragraph",
    parts: [`${L.generator} ${a.generator.name} ${a.generator.version}.`],
  });
  if (trend) blocks.push(...trendNotes(trend, lang));
  return { id: "methodology", title: L.methodology, blocks };
}
