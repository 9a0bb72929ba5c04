// Shared read-only views of an Assessment for every renderer: which units and dimensions to show,
// the names of things, suppression notes, and which item results are safe to show.

import { hideItem } from "../disclosure/suppress.js";
import type {
  Assessment,
  DimensionInfo,
  DimensionResult,
  ItemInfo,
  ItemResult,
  LevelInfo,
  SuppressionReason,
  SuppressionRecord,
  Unit,
} from "../scoring/assessment.js";
import { fmtInt, fmtPct, type Lang, pick } from "./format.js";
import { fill, labels } from "./labels.js";

export interface RenderOptions {
  readonly lang: Lang;
  /** Write CSV the way German Excel opens it (BOM, ";", decimal comma). */
  readonly excel?: boolean;
  /** Show the assessment's free-text answers (Markdown and HTML); never without this. */
  readonly includeFreeText?: boolean;
}

/** The administration's dimensions (the root questionnaire's), in questionnaire order. */
export function rootDimensions(a: Assessment): DimensionInfo[] {
  const ids = new Set(a.administration.dimensions.map((d) => d.id));
  const fromAdmin = a.dimensions.filter((d) => ids.has(d.id));
  if (fromAdmin.length > 0) return fromAdmin;
  // A fully suppressed administration has no dimension results: take the dimensions that the
  // departments' questionnaires share, else all.
  return a.dimensions.filter((d) => !a.items.length || a.items.some((i) => i.dimension === d.id));
}

export function dimensionInfo(a: Assessment, id: string): DimensionInfo | undefined {
  return a.dimensions.find((d) => d.id === id);
}

export function dimensionName(a: Assessment, id: string, lang: Lang): string {
  const d = dimensionInfo(a, id);
  return d ? pick(d.name, lang) : id;
}

export function levelInfo(a: Assessment, id: string | null | undefined): LevelInfo | undefined {
  return id ? a.levels.find((l) => l.id === id) : undefined;
}

/** "L3 Gestalter" */
export function levelLabel(a: Assessment, id: string | null | undefined, lang: Lang): string {
  const l = levelInfo(a, id);
  if (!l) return id ?? "–";
  const name = pick(l.name, lang);
  return name && name !== l.id ? `${l.id} ${name}` : l.id;
}

export function levelIndex(a: Assessment, id: string | null | undefined): number {
  return id ? a.levels.findIndex((l) => l.id === id) : -1;
}

/** A unit's name in tables and lists; the administration is "Gesamtverwaltung" there. */
export function unitName(u: Unit, lang: Lang): string {
  if (u.kind === "administration") return labels(lang).administration;
  const name = pick(u.names, lang) || u.name || u.id;
  // An expert assessment (a department assessed by interview) says so wherever it is named.
  return u.method === "interview" ? `${name} (${labels(lang).expertAssessment})` : name;
}

/** What the report is about: the root questionnaire's title (the administration's names). */
export function reportSubject(a: Assessment, lang: Lang): string {
  const u = a.administration;
  return pick(u.names, lang) || u.name || labels(lang).administration;
}

export function shownDepartments(a: Assessment): Unit[] {
  return a.departments.filter((d) => !d.suppressed);
}

export function dimResult(u: Unit, id: string): DimensionResult | undefined {
  return u.dimensions.find((d) => d.id === id);
}

/**
 * What to say when the administration has no gap to list: that every dimension reached its
 * target only when every dimension with a target has a score (a suppressed or unanswered one
 * could be far below it).
 */
export function noGapsText(a: Assessment, lang: Lang): string {
  const L = labels(lang);
  const dims = a.administration.dimensions;
  if (!dims.some(hasScore)) return L.noScores;
  const unscored = dims.filter((d) => d.targetScore !== undefined && !hasScore(d));
  if (unscored.length === 0) return L.noGaps;
  return fill(L.noGapsUnscored, {
    dims: unscored.map((d) => dimensionName(a, d.id, lang)).join(", "),
  });
}

/** True when a dimension cell has numbers that may be shown. */
export function hasScore(d: DimensionResult | undefined): d is DimensionResult & { mean: number } {
  return d !== undefined && !d.suppressed && d.mean !== undefined;
}

/** The administration's dimensions with scores, best first (ties by questionnaire order). */
export function rankedDimensions(a: Assessment): DimensionResult[] {
  const order = rootDimensions(a).map((d) => d.id);
  return a.administration.dimensions
    .filter(hasScore)
    .slice()
    .sort((x, y) => y.mean! - x.mean! || order.indexOf(x.id) - order.indexOf(y.id));
}

/** A suppression record in words (no numbers of the suppressed unit, only k). */
export function describeSuppression(
  a: Assessment,
  r: SuppressionRecord,
  lang: Lang,
): { unit: string; reason: string } {
  const L = labels(lang);
  const parts = r.unit.split("/");
  const names = parts.map((p) => {
    const [kind, id = ""] = p.split(":");
    if (kind === "administration") return L.administration;
    if (kind === "department") {
      const d = a.departments.find((x) => x.id === id);
      return d ? unitName(d, lang) : id;
    }
    const g =
      a.groups.find((x) => x.id === id) ??
      a.departments.flatMap((d) => d.groups ?? []).find((x) => x.id === id);
    return g ? unitName(g, lang) : id;
  });
  const dim =
    r.dimension === "@overall"
      ? L.overallScores
      : r.dimension && dimensionName(a, r.dimension, lang);
  const unit = names.join(" / ") + (dim ? ` – ${dim}` : "");
  const reason =
    r.reason === "below-minimum"
      ? fill(L.belowMinimum, { k: a.suppression.minGroupSize })
      : r.reason === "small-cell"
        ? (lostCellsNote(a, new Set(["small-cell"]), lang) ?? "")
        : L.secondary;
  return { unit, reason };
}

/** Why cells of a table are missing: a cell's suppression reason, or its statistics withheld. */
export type LostReason = "below-minimum" | "secondary" | "small-cell";

/**
 * The reasons cells of a units × dimensions table are missing. `statistics`: the table shows
 * median, sd or the confidence interval, which cells below 2k do not have.
 */
export function lostCells(
  a: Assessment,
  units: readonly Unit[],
  dimensions: readonly string[],
  statistics: boolean,
): Set<LostReason> {
  const out = new Set<LostReason>();
  const k2 = 2 * a.suppression.minGroupSize;
  for (const u of units) {
    if (u.suppressed) out.add(u.suppressed);
    else
      for (const id of dimensions) {
        const r = dimResult(u, id);
        if (r?.suppressed) out.add(r.suppressed);
        else if (statistics && r && r.n > 0 && r.n < k2 && r.ciLow === undefined)
          out.add("small-cell");
      }
  }
  return out;
}

/** One sentence under a table that lost cells, saying why; undefined when it lost none. */
export function lostCellsNote(
  a: Assessment,
  reasons: ReadonlySet<LostReason>,
  lang: Lang,
): string | undefined {
  const L = labels(lang);
  const k = a.suppression.minGroupSize;
  const parts: string[] = [];
  if (reasons.has("below-minimum"))
    parts.push(
      fill(L.lostBelowMinimum, { k }) + (reasons.has("secondary") ? ` ${L.lostSecondary}` : ""),
    );
  else if (reasons.has("secondary")) parts.push(L.lostSecondaryOnly);
  if (reasons.has("small-cell")) parts.push(fill(L.lostStatistics, { k2: 2 * k }));
  if (parts.length === 0) return undefined;
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Ids of the questionnaires used by suppressed departments (their own department files). */
function suppressedQuestionnaires(a: Assessment): Set<string> {
  const hidden = new Set(a.departments.filter((d) => d.suppressed).map((d) => d.id));
  return new Set(
    a.questionnaires.filter((q) => q.department && hidden.has(q.department)).map((q) => q.id),
  );
}

/** Respondents an item was put to (answered, don't know, not applicable or left blank). */
function asked(i: ItemResult): number {
  return i.n + i.dontKnow + i.notApplicable + i.blank;
}

/**
 * Whether an item result of a unit may be shown: "show"; a suppression reason (the item is listed
 * as suppressed, without numbers); or "drop" (not listed at all). The scorer marks hidden items
 * with `suppressed`; the other rules keep assessments written before it did just as safe: the
 * item's dimension is suppressed in the unit, fewer than k were asked, or an administration item
 * only suppressed departments' questionnaires contain (its total would be theirs: dropped).
 */
function itemVisibility(
  a: Assessment,
  u: Unit,
  i: ItemResult,
): "show" | "drop" | SuppressionReason {
  if (i.suppressed) return i.suppressed;
  if (u.kind === "administration") {
    const deptQ = new Set(a.questionnaires.filter((q) => q.department).map((q) => q.id));
    const hiddenQ = suppressedQuestionnaires(a);
    const qs = itemInfo(a, i.id)?.questionnaires ?? [];
    const fromDepartmentsOnly = qs.length > 0 && qs.every((q) => deptQ.has(q));
    if (fromDepartmentsOnly && qs.some((q) => hiddenQ.has(q))) return "drop";
  }
  if (u.dimensions.some((d) => d.id === i.dimension && d.suppressed)) return "secondary";
  if (asked(i) < a.suppression.minGroupSize) return "below-minimum";
  return "show";
}

/** Item results of a unit that are safe to show with their numbers (never a suppressed one). */
export function visibleItems(a: Assessment, u: Unit): ItemResult[] {
  if (u.suppressed || !u.items) return [];
  return u.items.filter((i) => itemVisibility(a, u, i) === "show");
}

/**
 * The items a report lists for a unit: the visible ones with their numbers, and suppressed ones
 * as placeholders that carry only the reason (n 0, empty counts), whatever the file held.
 */
export function reportedItems(a: Assessment, u: Unit): ItemResult[] {
  if (u.suppressed || !u.items) return [];
  return u.items.flatMap((i): ItemResult[] => {
    const v = itemVisibility(a, u, i);
    if (v === "show") return [i];
    if (v === "drop") return [];
    return [hideItem(i, v)];
  });
}

/** "suppressed (fewer than 5 asked)" for a suppressed item. */
export function suppressedItemNote(a: Assessment, reason: SuppressionReason, lang: Lang): string {
  const L = labels(lang);
  return reason === "below-minimum"
    ? fill(L.itemSuppressed, { k: a.suppression.minGroupSize })
    : L.itemSecondary;
}

/** The unit's response rate as "62 / 85 (73 %)"; undefined without a headcount or when suppressed. */
export function responseRateText(u: Unit, lang: Lang): string | undefined {
  if (u.suppressed || u.headcount === undefined || u.responseRate === undefined) return undefined;
  if (u.respondents === null) return undefined;
  return fill(labels(lang).responseRateOf, {
    n: fmtInt(u.respondents, lang),
    headcount: fmtInt(u.headcount, lang),
    rate: fmtPct(u.responseRate, 0, lang),
  });
}

/** True when a shown unit's response rate is below the minimum. */
export function isLowResponseRate(u: Unit): boolean {
  return !u.suppressed && u.lowResponseRate === true && u.responseRate !== undefined;
}

/** True when any unit of the tables has a response rate to show. */
export function hasResponseRates(a: Assessment): boolean {
  return tableUnits(a).some((u) => responseRateText(u, "en") !== undefined);
}

/** "below 30% – the results may not generalise to the whole unit." */
export function lowResponseRateWarning(a: Assessment, lang: Lang): string {
  return fill(labels(lang).lowResponseRateWarning, {
    min: fmtPct(a.settings.minResponseRate, 0, lang),
  });
}

/**
 * The units whose free-text answers a report lists: the shown departments that have any. The
 * administration's list is their union, so it is listed only when no department has answers
 * (e.g. a survey without departments).
 */
export function freeTextUnits(a: Assessment): Unit[] {
  const has = (u: Unit) => !u.suppressed && (u.freeText ?? []).some((t) => t.answers.length > 0);
  const departments = shownDepartments(a).filter(has);
  if (departments.length > 0) return departments;
  return has(a.administration) ? [a.administration] : [];
}

export function itemInfo(a: Assessment, id: string): ItemInfo | undefined {
  return a.items.find((i) => i.id === id);
}

/** Units in the order reports list them: shown and suppressed departments (by id), then the administration. */
export function tableUnits(a: Assessment): Unit[] {
  return [...a.departments, a.administration];
}

/** A respondent group outside the administration (it has its own questionnaire, e.g. citizens). */
export function isExternalGroup(a: Assessment, group: string): boolean {
  return a.questionnaires.some(
    (q) => q.group === group && !q.department && q.id !== a.questionnaire.id,
  );
}
