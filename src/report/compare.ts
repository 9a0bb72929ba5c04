// Trend between two assessments (survey waves): change per unit × dimension, level changes and
// progress to the target. Pure; refuses nothing itself — `comparability` says whether the
// questionnaires allow a comparison, and the command refuses.

import type { Text } from "../questionnaire/model.js";
import type { Assessment, DimensionResult, ItemInfo, Unit } from "../scoring/assessment.js";
import { compareStrings } from "../util/order.js";
import type { Doc, Section } from "./document.js";
import { fmt, fmtDate, fmtPct, fmtSigned, type Lang, pick } from "./format.js";
import { renderDocHtml } from "./html.js";
import { roundingReplacer } from "./json.js";
import { fill, labels } from "./labels.js";
import { renderDocMarkdown } from "./markdown.js";
import type { RenderedFile } from "./render.js";
import { levelColor } from "./svg.js";
import {
  dimResult,
  hasScore,
  levelIndex,
  levelLabel,
  reportSubject,
  rootDimensions,
} from "./view.js";

export interface ItemDifference {
  readonly item: string;
  /** What differs: "only-before", "only-after", "type", "dimension", "reverse", "options", "rows". */
  readonly reasons: readonly string[];
}

export interface Comparability {
  readonly comparable: boolean;
  readonly differences: readonly ItemDifference[];
  /** Root questionnaire versions differ (fine when the items are identical: a warning). */
  readonly versionChanged: boolean;
}

const optionKey = (i: ItemInfo) =>
  i.options.map((o) => `${o.code}${o.missing ? `(${o.missing})` : ""}`).join("|");
const rowKey = (i: ItemInfo) => (i.rows ?? []).map((r) => r.id).join("|");

/** Compares the item definitions (ids, type, options/codes, reverse, dimension, grid rows). */
export function comparability(before: Assessment, after: Assessment): Comparability {
  const b = new Map(before.items.map((i) => [i.id, i]));
  const a = new Map(after.items.map((i) => [i.id, i]));
  const ids = [...new Set([...b.keys(), ...a.keys()])].sort(compareStrings);
  const differences: ItemDifference[] = [];
  for (const id of ids) {
    const x = b.get(id);
    const y = a.get(id);
    if (!x || !y) {
      differences.push({ item: id, reasons: [x ? "only-before" : "only-after"] });
      continue;
    }
    const reasons: string[] = [];
    if (x.type !== y.type) reasons.push("type");
    if (x.dimension !== y.dimension) reasons.push("dimension");
    if (x.reverse !== y.reverse) reasons.push("reverse");
    if (optionKey(x) !== optionKey(y)) reasons.push("options");
    if (rowKey(x) !== rowKey(y)) reasons.push("rows");
    if (reasons.length > 0) differences.push({ item: id, reasons });
  }
  return {
    comparable: differences.length === 0,
    differences,
    versionChanged: before.questionnaire.version !== after.questionnaire.version,
  };
}

export interface TrendPoint {
  readonly mean: number;
  readonly level: string;
  readonly n: number;
  /** Half the width of the mean's 95% confidence interval, when the wave published it. */
  readonly ciHalf?: number;
}

export interface TrendCell {
  readonly dimension: string;
  readonly before?: TrendPoint;
  readonly after?: TrendPoint;
  /** after − before. */
  readonly change?: number;
  /**
   * Half the width of the change's 95% confidence interval, √(h₁² + h₂²) from the two waves'
   * intervals (independent samples); absent when a wave withheld its interval (small cells).
   */
  readonly changeCiHalf?: number;
  /** The change's interval excludes 0: a change larger than sampling noise. */
  readonly beyondNoise?: boolean;
  /** Difference of level positions (+1 = one level up). */
  readonly levelChange?: number;
  readonly target?: string;
  readonly targetScore?: number;
  /** Share of the earlier gap closed: (after − before) / (target − before); 1 = target reached. */
  readonly progress?: number;
  /** True when a cell is suppressed in either wave (no numbers). */
  readonly suppressed?: boolean;
}

export interface TrendUnit {
  readonly id: string;
  readonly kind: "administration" | "department";
  readonly names: Text;
  readonly suppressed?: boolean;
  readonly cells: readonly TrendCell[];
}

export interface Trend {
  readonly before: { readonly date?: string; readonly questionnaire: Assessment["questionnaire"] };
  readonly after: { readonly date?: string; readonly questionnaire: Assessment["questionnaire"] };
  readonly versionChanged: boolean;
  readonly units: readonly TrendUnit[];
}

const half = (x: { ciLow?: number; ciHigh?: number }) =>
  x.ciLow !== undefined && x.ciHigh !== undefined ? { ciHalf: (x.ciHigh - x.ciLow) / 2 } : {};

function point(d: DimensionResult | undefined): TrendPoint | undefined {
  return hasScore(d) && d.level ? { mean: d.mean, level: d.level, n: d.n, ...half(d) } : undefined;
}

function overallPoint(u: Unit): TrendPoint | undefined {
  return u.overall.score !== null && u.overall.level
    ? {
        mean: u.overall.score,
        level: u.overall.level,
        n: u.respondents ?? 0,
        ...half(u.overall),
      }
    : undefined;
}

function cellOf(
  a: Assessment,
  dimension: string,
  x: TrendPoint | undefined,
  y: TrendPoint | undefined,
  target: DimensionResult | undefined,
  suppressed: boolean,
): TrendCell {
  if (suppressed) return { dimension, suppressed: true };
  const targetScore = target?.targetScore;
  const change = x && y ? y.mean - x.mean : undefined;
  let progress: number | undefined;
  if (x && y && targetScore !== undefined)
    progress = x.mean >= targetScore ? 1 : Math.min(1, (y.mean - x.mean) / (targetScore - x.mean));
  const noise =
    x?.ciHalf !== undefined && y?.ciHalf !== undefined ? Math.hypot(x.ciHalf, y.ciHalf) : undefined;
  return {
    dimension,
    ...(x ? { before: x } : {}),
    ...(y ? { after: y } : {}),
    ...(change !== undefined ? { change } : {}),
    ...(change !== undefined && noise !== undefined
      ? { changeCiHalf: noise, beyondNoise: Math.abs(change) > noise }
      : {}),
    ...(x && y ? { levelChange: levelIndex(a, y.level) - levelIndex(a, x.level) } : {}),
    ...(target?.target ? { target: target.target } : {}),
    ...(targetScore !== undefined ? { targetScore } : {}),
    ...(progress !== undefined ? { progress } : {}),
  };
}

/** The trend per unit (administration, then departments present in either wave) × dimension. */
export function buildTrend(before: Assessment, after: Assessment): Trend {
  const dims = rootDimensions(after);
  const pairs: { id: string; kind: "administration" | "department"; x?: Unit; y?: Unit }[] = [
    {
      id: "administration",
      kind: "administration",
      x: before.administration,
      y: after.administration,
    },
  ];
  const ids = [...new Set([...before.departments, ...after.departments].map((d) => d.id))].sort(
    compareStrings,
  );
  for (const id of ids) {
    const x = before.departments.find((d) => d.id === id);
    const y = after.departments.find((d) => d.id === id);
    pairs.push({ id, kind: "department", ...(x ? { x } : {}), ...(y ? { y } : {}) });
  }
  const units = pairs.map((p): TrendUnit => {
    const names = (p.y ?? p.x)!.names;
    const suppressed = Boolean(p.x?.suppressed || p.y?.suppressed);
    if (suppressed) return { id: p.id, kind: p.kind, names, suppressed: true, cells: [] };
    const cells = dims.map((d) => {
      const dx = p.x ? dimResult(p.x, d.id) : undefined;
      const dy = p.y ? dimResult(p.y, d.id) : undefined;
      return cellOf(
        after,
        d.id,
        point(dx),
        point(dy),
        dy ?? dx,
        Boolean(dx?.suppressed || dy?.suppressed),
      );
    });
    cells.push(
      cellOf(
        after,
        "overall",
        p.x ? overallPoint(p.x) : undefined,
        p.y ? overallPoint(p.y) : undefined,
        undefined,
        false,
      ),
    );
    return { id: p.id, kind: p.kind, names, cells };
  });
  return {
    before: { ...(before.date ? { date: before.date } : {}), questionnaire: before.questionnaire },
    after: { ...(after.date ? { date: after.date } : {}), questionnaire: after.questionnaire },
    versionChanged: before.questionnaire.version !== after.questionnaire.version,
    units,
  };
}

/** "ja" when the change's interval excludes 0, "nein" when not, "–" without intervals. */
function noiseText(c: TrendCell, lang: Lang): string {
  const L = labels(lang);
  return c.beyondNoise === undefined ? "–" : c.beyondNoise ? L.yes : L.no;
}

function levelMove(c: TrendCell, lang: Lang): string {
  const L = labels(lang);
  if (c.levelChange === undefined) return "–";
  return c.levelChange > 0
    ? `${L.up} (+${c.levelChange})`
    : c.levelChange < 0
      ? `${L.down} (${c.levelChange})`
      : L.same;
}

/** The trend as a report document (Markdown and HTML share it). */
export function buildTrendDocument(t: Trend, after: Assessment, lang: Lang): Doc {
  const L = labels(lang);
  const dimName = (id: string) =>
    id === "overall"
      ? L.overall
      : pick(after.dimensions.find((d) => d.id === id)?.name, lang) || id;
  const wave = (w: Trend["before"]) =>
    `${w.date ? fmtDate(w.date, lang) : "?"} (${L.version} ${w.questionnaire.version})`;
  const meta = [L.compareTitle, `${L.before}: ${wave(t.before)}`, `${L.after}: ${wave(t.after)}`];
  if (t.versionChanged)
    meta.push(
      fill(L.versionWarning, {
        before: t.before.questionnaire.version,
        after: t.after.questionnaire.version,
      }),
    );
  const sections: Section[] = t.units.map((u) => {
    const name = u.kind === "administration" ? L.administration : pick(u.names, lang) || u.id;
    if (u.suppressed)
      return {
        id: `trend-${u.id}`,
        title: name,
        blocks: [{ kind: "paragraph", parts: [`${L.suppressed}.`] }],
      };
    return {
      id: `trend-${u.id}`,
      title: name,
      blocks: [
        {
          kind: "table",
          head: [
            L.dimension,
            L.before,
            L.after,
            L.change,
            L.beyondNoise,
            L.levelChange,
            L.target,
            L.progress,
          ],
          numeric: [false, true, true, true, false, false, false, true],
          rows: u.cells.map((c) => [
            { text: dimName(c.dimension), strong: c.dimension === "overall" },
            c.suppressed
              ? { text: L.suppressed, suppressed: true }
              : { text: c.before ? `${fmt(c.before.mean, 1, lang)} ${c.before.level}` : "–" },
            c.suppressed
              ? { text: "" }
              : {
                  text: c.after ? `${fmt(c.after.mean, 1, lang)} ${c.after.level}` : "–",
                  ...(c.after ? { level: c.after.level } : {}),
                },
            {
              text:
                c.suppressed || c.change === undefined
                  ? ""
                  : c.changeCiHalf === undefined
                    ? fmtSigned(c.change, 1, lang)
                    : `${fmtSigned(c.change, 1, lang)} ±${fmt(c.changeCiHalf, 1, lang)}`,
            },
            { text: c.suppressed ? "" : noiseText(c, lang) },
            { text: c.suppressed ? "" : levelMove(c, lang) },
            { text: c.target ? levelLabel(after, c.target, lang) : "" },
            { text: c.suppressed || c.progress === undefined ? "" : fmtPct(c.progress, 0, lang) },
          ]),
        },
      ],
    };
  });
  sections.push({
    id: "notes",
    title: L.methodology,
    blocks: [
      { kind: "paragraph", parts: [L.noiseNote] },
      { kind: "paragraph", parts: [L.progressNote] },
    ],
  });
  return {
    lang,
    title: `${L.compareTitle}: ${reportSubject(after, lang)}`,
    meta,
    sections,
  };
}

/** Terminal: one line per unit with the change per dimension. */
export function renderTrendTerminal(t: Trend, after: Assessment, lang: Lang): string {
  const L = labels(lang);
  const dims = [...rootDimensions(after).map((d) => d.id), "overall"];
  const head = [
    "".padEnd(30),
    ...dims.map((d) =>
      (d === "overall" ? L.overall : pick(after.dimensions.find((x) => x.id === d)?.name, lang))
        .slice(0, 10)
        .padStart(10),
    ),
  ].join(" ");
  const day = (d: string | undefined) => (d ? fmtDate(d, lang) : "?");
  const lines = [`${L.compareTitle}: ${day(t.before.date)} → ${day(t.after.date)}`, "", head];
  for (const u of t.units) {
    const name = (u.kind === "administration" ? L.administration : pick(u.names, lang) || u.id)
      .slice(0, 30)
      .padEnd(30);
    if (u.suppressed) {
      lines.push(`${name} ${L.suppressed}`);
      continue;
    }
    lines.push(
      [
        name,
        ...u.cells.map((c) =>
          (c.suppressed
            ? L.suppressed.slice(0, 10)
            : `${fmtSigned(c.change, 1, lang)}${c.beyondNoise ? "*" : " "}`
          ).padStart(10),
        ),
      ].join(" "),
    );
  }
  lines.push("", L.noiseMark);
  if (t.versionChanged)
    lines.push(
      "",
      fill(L.versionWarning, {
        before: t.before.questionnaire.version,
        after: t.after.questionnaire.version,
      }),
    );
  return `${lines.map((l) => l.trimEnd()).join("\n")}\n`;
}

export const COMPARE_FORMATS = ["terminal", "md", "html", "json"] as const;

/** compare.json / compare.md / compare.html for the chosen formats. */
export function renderTrendFiles(
  t: Trend,
  after: Assessment,
  formats: readonly string[],
  lang: Lang,
): RenderedFile[] {
  const files: RenderedFile[] = [];
  if (formats.includes("json"))
    files.push({ name: "compare.json", content: `${JSON.stringify(t, roundingReplacer, 2)}\n` });
  if (formats.includes("md") || formats.includes("html")) {
    const doc = buildTrendDocument(t, after, lang);
    if (formats.includes("md")) files.push({ name: "compare.md", content: renderDocMarkdown(doc) });
    if (formats.includes("html"))
      files.push({
        name: "compare.html",
        content: renderDocHtml(
          doc,
          `${after.generator.name} ${after.generator.version}`,
          () => "",
          (l) => levelColor(after, l).fill,
        ),
      });
  }
  return files;
}
