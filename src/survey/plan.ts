// What a survey asks, independent of the tool: from one questionnaire (a department's, an external
// one, the core) or from every department questionnaire at once (one survey, the department as the
// first question). Sections follow the dimensions; each item knows which groups and departments it
// is asked of and its skip rule. Pure: every survey target renders from this plan alone.
import { DEFAULT_MISSING, type MissingLabels, missingLabels } from "../questionnaire/missing.js";
import type { Dimension, Group, Item, Questionnaire, Scale, Text } from "../questionnaire/model.js";
import { type Notice, noticeOf } from "./notice.js";

export interface PlannedItem {
  readonly item: Item;
  /** The scale of likert and grid items. */
  readonly scale?: Scale;
  /** Departments the item is asked of (a survey for all departments); undefined = every one. */
  readonly departments?: readonly string[];
  /** Yes/no and number items: the questionnaire's labels of its missing answers. */
  readonly missing?: MissingLabels;
}

export interface Section {
  readonly dimension: Dimension;
  readonly items: readonly PlannedItem[];
}

export interface SurveyPlan {
  /** File stem: the department id, the questionnaire id, or "all". */
  readonly id: string;
  readonly title: Text;
  readonly description?: Text;
  /** The survey's languages, the chosen one first. */
  readonly languages: readonly string[];
  /** The department every respondent belongs to (a survey per department). */
  readonly department?: { readonly id: string; readonly name: Text };
  /** The departments to choose from (one survey for all); empty otherwise. */
  readonly departments: readonly { readonly id: string; readonly name: Text }[];
  /** The group every respondent belongs to (external questionnaires). */
  readonly fixedGroup?: Group;
  /** The groups to choose from (staff, management …); empty when the group is fixed. */
  readonly groups: readonly Group[];
  readonly sections: readonly Section[];
  readonly notice: Notice;
  /** Questionnaire ids the plan was built from. */
  readonly sources: readonly string[];
}

/** A plan for one questionnaire. `lang` becomes the first language. */
export function planFor(q: Questionnaire, lang: string): SurveyPlan {
  const group = q.groups.find((g) => g.id === q.group);
  const external = group?.perspective === "external";
  const items = q.items.map((item) => planned(q, item));
  return {
    id: q.department?.id ?? q.id,
    title: q.title,
    ...(q.description ? { description: q.description } : {}),
    languages: ordered(q.languages, lang),
    ...(q.department ? { department: q.department } : {}),
    departments: [],
    ...(external && group ? { fixedGroup: group } : {}),
    groups: external ? [] : q.groups.filter((g) => g.perspective === "internal"),
    sections: sections(q.dimensions, items),
    notice: noticeOf(q),
    sources: [q.id],
  };
}

/**
 * One plan for every department questionnaire: the department is asked first; an item that not
 * every department has is asked only of those that do. Items keep each questionnaire's order (a
 * `when` only refers to earlier items); departments in id order, so the output is stable.
 */
export function planForAll(questionnaires: readonly Questionnaire[], lang: string): SurveyPlan {
  const deps = [...questionnaires]
    .filter((q) => q.department !== undefined)
    .sort((a, b) => (a.department!.id < b.department!.id ? -1 : 1));
  if (deps.length === 0) throw new RangeError("no department questionnaire");
  const first = deps[0]!;
  const order: string[] = [];
  const byId = new Map<string, { q: Questionnaire; item: Item; departments: string[] }>();
  const dimensions: Dimension[] = [];
  for (const q of deps) {
    let after = -1;
    for (const item of q.items) {
      const known = byId.get(item.id);
      if (known) {
        known.departments.push(q.department!.id);
        after = order.indexOf(item.id);
        continue;
      }
      byId.set(item.id, { q, item, departments: [q.department!.id] });
      order.splice(after + 1, 0, item.id);
      after += 1;
    }
    for (const d of q.dimensions) if (!dimensions.some((x) => x.id === d.id)) dimensions.push(d);
  }
  const items = order.map((id) => {
    const { q, item, departments } = byId.get(id)!;
    const p = planned(q, item);
    return departments.length === deps.length ? p : { ...p, departments };
  });
  const languages = first.languages.filter((l) => deps.every((q) => q.languages.includes(l)));
  const root = questionnaires.find((q) => q.id === first.extendsChain[0]) ?? first;
  return {
    id: "all",
    title: root.title,
    ...(root.description ? { description: root.description } : {}),
    languages: ordered(languages.length > 0 ? languages : first.languages, lang),
    departments: deps.map((q) => q.department!),
    groups: first.groups.filter((g) => g.perspective === "internal"),
    sections: sections(dimensions, items),
    notice: noticeOf(root),
    sources: deps.map((q) => q.id),
  };
}

function planned(q: Questionnaire, item: Item): PlannedItem {
  const scale = "scale" in item ? q.scales.get(item.scale) : undefined;
  if (scale) return { item, scale };
  return item.type === "yesno" || item.type === "number"
    ? { item, missing: missingLabels(q) }
    : { item };
}

function sections(dimensions: readonly Dimension[], items: readonly PlannedItem[]): Section[] {
  return dimensions
    .map((dimension) => ({
      dimension,
      items: items.filter((p) => p.item.dimension === dimension.id),
    }))
    .filter((s) => s.items.length > 0);
}

function ordered(languages: readonly string[], lang: string): string[] {
  return languages.includes(lang) ? [lang, ...languages.filter((l) => l !== lang)] : [...languages];
}

/**
 * Labels of yes/no items and their missing answers, in the words the importer knows: the missing
 * answers in the questionnaire's own words (its scales'), the built-in ones when it has none.
 */
export function yesnoOptions(
  missing: MissingLabels = DEFAULT_MISSING,
): readonly { readonly code: string; readonly label: Text }[] {
  return [
    { code: "yes", label: { de: "ja", en: "yes" } },
    { code: "no", label: { de: "nein", en: "no" } },
    { code: "dk", label: missing.dk },
    { code: "na", label: missing.na },
  ];
}

/** The answer options of a single-answer item (likert, grid row, single, yes/no), in order. */
export function optionsOf(
  p: PlannedItem,
): readonly { readonly code: string; readonly label: Text }[] {
  const item = p.item;
  switch (item.type) {
    case "likert":
    case "grid":
      return p.scale?.options ?? [];
    case "single":
    case "multi":
      return item.choices;
    case "yesno":
      return yesnoOptions(p.missing);
    default:
      return [];
  }
}
