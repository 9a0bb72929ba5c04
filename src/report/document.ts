// The report as a neutral document (sections of headings, paragraphs, lists, tables and chart
// placeholders), built once from the Assessment and rendered by markdown.ts and html.ts.
import type { Assessment, DimensionResult, Priority, Unit } from "../scoring/assessment.js";
import { fmt, fmtInt, fmtPct, fmtSigned, type Lang, pick } from "./format.js";
import { fill, type Labels, labels } from "./labels.js";
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
  rankedDimensions,
  reportedItems,
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
  | { readonly type: "distribution"; readonly item: string }
  | { readonly type: "levelLegend" };

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
  | {
      readonly kind: "table";
      readonly head: readonly string[];
      /** Right-aligned (numeric) columns. */
      readonly numeric: readonly boolean[];
      readonly rows: readonly (readonly Cell[])[];
      readonly caption?: string;
    }
  | { readonly kind: "chart"; readonly chart: ChartSpec }
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
    `${L.questionnaire}: ${a.questionnaire.id} (${L.version} ${a.questionnaire.version})`,
  ];
  if (a.date) meta.push(`${L.date}: ${a.date}`);
  if (!admin.suppressed && admin.respondents !== null)
    meta.push(`${L.respondents}: ${respondentsText(admin, lang)}`);
  return {
    lang,
    title: unitName(admin, lang),
    meta,
    sections: [
      summarySection(a, lang, L),
      dimensionsSection(a, lang, L),
      departmentsSection(a, lang, L),
      actionSection(a, lang, L),
      comparisonSection(a, lang, L),
      distributionSection(a, lang, L),
      ...(o.includeFreeText ? [freeTextSection(a, lang, L)] : []),
      methodologySection(a, lang, L),
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

function gapText(d: DimensionResult, lang: Lang): string {
  return d.gap === undefined ? "–" : fmt(d.gap, 1, lang);
}

function summarySection(a: Assessment, lang: Lang, L: Labels): Section {
  const admin = a.administration;
  const blocks: Block[] = [];
  if (admin.suppressed) {
    blocks.push({
      kind: "paragraph",
      parts: [
        `${L.administration}: ${L.suppressed} (${fill(L.belowMinimum, { k: a.suppression.minGroupSize })}).`,
      ],
    });
    return { id: "summary", title: L.summary, blocks };
  }
  const o = admin.overall;
  blocks.push({
    kind: "paragraph",
    parts: [
      `${L.overallLevel}: `,
      { strong: `${levelLabel(a, o.level, lang)}` },
      ` – ${L.score} ${fmt(o.score, 1, lang)}`,
      o.ciLow !== undefined ? ` (${L.ci} ${ciText(o, lang)})` : "",
      admin.percentToTarget !== undefined && admin.percentToTarget !== null
        ? `; ${L.percentToTarget} ${fmtPct(admin.percentToTarget, 0, lang)}.`
        : ".",
    ],
  });
  const ranked = rankedDimensions(a);
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  if (best && worst) {
    blocks.push({
      kind: "list",
      ordered: false,
      items: [
        {
          parts: [
            `${L.strongest}: `,
            { strong: dimensionName(a, best.id, lang) },
            ` ${scoreWithLevel(a, best, lang)}`,
          ],
        },
        {
          parts: [
            `${L.weakest}: `,
            { strong: dimensionName(a, worst.id, lang) },
            ` ${scoreWithLevel(a, worst, lang)}`,
          ],
        },
      ],
    });
  }
  blocks.push({ kind: "heading", text: L.biggestGaps });
  const top = (admin.priorities ?? []).slice(0, 5);
  if (top.length === 0) blocks.push({ kind: "paragraph", parts: [L.noGaps] });
  else
    blocks.push({
      kind: "list",
      ordered: true,
      items: top.map((p) => ({ parts: priorityParts(a, p, lang, L) })),
    });
  blocks.push({ kind: "heading", text: L.heatmap });
  blocks.push({ kind: "chart", chart: { type: "heatmap" }, only: "html" });
  blocks.push(...overviewTable(a, lang, L));
  return { id: "summary", title: L.summary, blocks };
}

function priorityParts(a: Assessment, p: Priority, lang: Lang, L: Labels): Inline[] {
  return [
    { strong: dimensionName(a, p.dimension, lang) },
    `: ${L.gap} ${fmt(p.gap, 1, lang)} (${fill(L.fromTo, { from: levelLabel(a, p.fromLevel, lang), to: levelLabel(a, p.toLevel, lang) })}, ${L.weight} ${fmt(p.weight, 1, lang)})`,
  ];
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
    head: [
      L.department,
      L.n,
      ...(rates ? [L.responseRate] : []),
      ...dims.map((d) => pick(d.name, lang)),
      L.overall,
    ],
    numeric: [false, true, ...(rates ? [true] : []), ...dims.map(() => true), true],
    rows,
    only: "md",
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
    ...(low.length > 0 ? [{ ...lowRateParagraph(a, lang, low), only: "md" } as Block] : []),
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

function dimensionsSection(a: Assessment, lang: Lang, L: Labels): Section {
  const blocks: Block[] = [];
  for (const d of rootDimensions(a)) {
    blocks.push({ kind: "heading", text: pick(d.name, lang), id: `dim-${d.id}` });
    if (d.description) blocks.push({ kind: "paragraph", parts: [pick(d.description, lang)] });
    const rows = tableUnits(a).map((u) => {
      const name = cell(unitName(u, lang), u.kind === "administration" ? { strong: true } : {});
      const r = dimResult(u, d.id);
      if (u.suppressed || r?.suppressed)
        return [
          name,
          cell(L.suppressed, { suppressed: true }),
          cell(""),
          cell(""),
          cell(""),
          cell(""),
          cell(""),
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
    blocks.push({
      kind: "table",
      head: [L.department, L.n, L.mean, L.ci, L.level, L.target, L.gap],
      numeric: [false, true, true, true, false, false, true],
      rows,
    });
    const note = lostNote(a, lostCells(a, tableUnits(a), [d.id], true), lang);
    if (note) blocks.push(note);
  }
  return { id: "dimensions", title: L.byDimension, blocks };
}

function unitDimensionTable(a: Assessment, u: Unit, lang: Lang, L: Labels): Block[] {
  const rows = u.dimensions.map((r) => {
    const name = cell(dimensionName(a, r.id, lang));
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

function prioritiesList(a: Assessment, ps: readonly Priority[], lang: Lang, L: Labels): Block {
  return {
    kind: "list",
    ordered: true,
    items: ps.map((p) => ({
      parts: priorityParts(a, p, lang, L),
      sub: p.recommendations.map((t) => pick(t, lang)),
    })),
  };
}

function unitBlocks(a: Assessment, u: Unit, lang: Lang, L: Labels): Block[] {
  const blocks: Block[] = [{ kind: "heading", text: unitName(u, lang), id: `unit-${u.id}` }];
  if (u.suppressed) {
    const reason =
      u.suppressed === "below-minimum"
        ? fill(L.belowMinimum, { k: a.suppression.minGroupSize })
        : L.secondary;
    blocks.push({ kind: "paragraph", parts: [{ strong: L.suppressedTitle }, `: ${reason}.`] });
    return blocks;
  }
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
  blocks.push({ kind: "paragraph", parts });
  if (u.areas && u.areas.length > 0) {
    blocks.push({
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
  if (isLowResponseRate(u)) blocks.push(lowRateParagraph(a, lang, []));
  blocks.push({
    kind: "chart",
    chart: { type: "radar", unit: u.kind === "administration" ? "administration" : u.id },
    only: "html",
  });
  blocks.push(...unitDimensionTable(a, u, lang, L));
  const ps = u.priorities ?? [];
  if (ps.length > 0) {
    blocks.push({ kind: "paragraph", parts: [{ strong: `${L.priorities}:` }] });
    blocks.push(prioritiesList(a, ps, lang, L));
  }
  return blocks;
}

function departmentsSection(a: Assessment, lang: Lang, L: Labels): Section {
  const blocks: Block[] = [{ kind: "chart", chart: { type: "levelLegend" }, only: "html" }];
  for (const u of [a.administration, ...a.departments]) blocks.push(...unitBlocks(a, u, lang, L));
  return { id: "departments", title: L.byDepartment, blocks };
}

function actionSection(a: Assessment, lang: Lang, L: Labels): Section {
  const blocks: Block[] = [{ kind: "paragraph", parts: [L.fieldsOfActionIntro] }];
  const adminPs = a.administration.priorities ?? [];
  blocks.push({ kind: "heading", text: L.administration });
  if (adminPs.length === 0) blocks.push({ kind: "paragraph", parts: [L.noGaps] });
  else blocks.push(prioritiesList(a, adminPs, lang, L));
  const all = shownDepartments(a)
    .flatMap((u) => (u.priorities ?? []).map((p) => ({ u, p })))
    .sort(
      (x, y) =>
        y.p.priority - x.p.priority ||
        (x.u.id < y.u.id ? -1 : x.u.id > y.u.id ? 1 : 0) ||
        x.p.rank - y.p.rank,
    );
  if (all.length > 0) {
    blocks.push({ kind: "heading", text: L.departments });
    blocks.push({
      kind: "table",
      head: [L.rank, L.department, L.dimension, L.level, L.gap, L.weight, L.priority],
      numeric: [true, false, false, false, true, true, true],
      rows: all.map(({ u, p }, i) => [
        cell(String(i + 1)),
        cell(unitName(u, lang)),
        cell(dimensionName(a, p.dimension, lang)),
        cell(`${p.fromLevel} → ${p.toLevel}`),
        cell(fmt(p.gap, 1, lang)),
        cell(fmt(p.weight, 1, lang)),
        cell(fmt(p.priority, 1, lang)),
      ]),
    });
  }
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
        ],
        numeric: [false, true, true, false, true, true, true],
        rows: a.comparisons.map((c) => [
          cell(dimensionName(a, c.dimension, lang)),
          cell(fmtInt(c.internal.n, lang)),
          cell(fmt(c.internal.mean, 1, lang)),
          cell(groupName(c.external.group)),
          cell(fmtInt(c.external.n, lang)),
          cell(fmt(c.external.mean, 1, lang)),
          cell(fmtSigned(c.difference, 1, lang)),
        ]),
      },
    ],
  };
}

function distributionSection(a: Assessment, lang: Lang, L: Labels): Section {
  const items = reportedItems(a, a.administration);
  const blocks: Block[] = [{ kind: "paragraph", parts: [L.distributionIntro], only: "html" }];
  for (const d of rootDimensions(a).concat(
    a.dimensions.filter((x) => !rootDimensions(a).includes(x)),
  )) {
    const mine = items.filter((i) => i.dimension === d.id);
    if (mine.length === 0) continue;
    blocks.push({ kind: "heading", text: pick(d.name, lang) });
    for (const i of mine)
      blocks.push({ kind: "chart", chart: { type: "distribution", item: i.id }, only: "html" });
    blocks.push({
      kind: "table",
      only: "md",
      head: [L.items, L.n, L.mean, L.dontKnow, L.notApplicable, L.blank],
      numeric: [false, true, true, true, true, true],
      rows: mine.map((i) => {
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
  }
  return { id: "items", title: L.distribution, blocks };
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

function methodologySection(a: Assessment, lang: Lang, L: Labels): Section {
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
      ...dims.map((d) => `${L.coverage} ${pick(d.name, lang)}`),
    ],
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
  return { id: "methodology", title: L.methodology, blocks };
}
