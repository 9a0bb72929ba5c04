// The Assessment: every number a report shows, and nothing personal. Reports are rendered from
// it alone, so `report` can regenerate them without the raw answers. Field names are a contract
// (CI pipelines read them); see schema/assessment.schema.json and docs/assessment-json.md.
import type { Dimension, Level, Text } from "../questionnaire/model.js";

export const SCHEMA_VERSION = 1;

export type AdministrationWeighting = "respondent" | "department";

export interface Settings {
  /** Minimum group size k: smaller groups are suppressed everywhere. */
  readonly minGroupSize: number;
  /** Minimum share (0–1) of a dimension's applicable items a respondent must answer. */
  readonly minCoverage: number;
  /** How the administration total is formed. */
  readonly administrationWeighting: AdministrationWeighting;
  /** Confidence level of the intervals. */
  readonly confidence: number;
  /** Minimum listwise-complete respondents for Cronbach's alpha. */
  readonly minAlphaN: number;
  /** Response rates (n / headcount) below this share are flagged as too low to generalise from. */
  readonly minResponseRate: number;
  /** Free-text answers are carried (for units of at least minGroupSize) only when asked for. */
  readonly includeFreeText: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  minGroupSize: 5,
  minCoverage: 0.5,
  administrationWeighting: "respondent",
  confidence: 0.95,
  minAlphaN: 30,
  minResponseRate: 0.3,
  includeFreeText: false,
};

/** Summary statistics of respondent scores (0–100) in one cell. */
export interface Stats {
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  /** Sample standard deviation (n − 1); 0 when n = 1. */
  readonly sd: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly min: number;
  readonly max: number;
  /** Level id of the mean. */
  readonly level: string;
  /** Share (0–1) of respondents whose own score is at each level, by level id. */
  readonly levelShares: Readonly<Record<string, number>>;
}

export interface DimensionResult extends Partial<Stats> {
  readonly id: string;
  /** Name in the questionnaire's first language; `names` has every language. */
  readonly name: string;
  readonly names: Text;
  /** Respondents with a score for this dimension (0 when suppressed: see `suppressed`). */
  readonly n: number;
  readonly suppressed?: SuppressionReason;
  /** Share (0–1) of applicable item answers that were given (not blank, not don't know / n.a.). */
  readonly coverage?: number;
  readonly target?: string;
  /** Threshold (0–100) of the target level. */
  readonly targetScore?: number;
  /** targetScore − mean, when a target is set (negative = above target). */
  readonly gap?: number;
  /** Department-weighted: no interval, as a department of one respondent has no variance. */
  readonly ciWithheld?: "single-respondent-stratum";
}

export interface Overall extends Omit<Partial<Stats>, "level"> {
  /**
   * The unit's index 0–100: the weighted mean of its dimension means (or their minimum when the
   * questionnaire's overall aggregate is `min`). n, mean, median, sd and the CI beside it describe
   * the respondents' own overall scores (respondents with a score in every dimension).
   */
  readonly score: number | null;
  readonly level: string | null;
}

export interface AreaResult {
  readonly id: string;
  readonly name: string;
  readonly names: Text;
  /** Weighted mean of the area's dimension means. */
  readonly score: number;
  readonly level: string;
  readonly dimensions: readonly string[];
}

export interface Priority {
  readonly rank: number;
  readonly dimension: string;
  readonly gap: number;
  readonly weight: number;
  /** gap × weight; ranked descending, ties by dimension id. */
  readonly priority: number;
  readonly fromLevel: string;
  readonly toLevel: string;
  /** The questionnaire's measures for lifting the dimension from `fromLevel`. */
  readonly recommendations: readonly Text[];
}

export interface ItemResult {
  readonly id: string;
  readonly dimension: string;
  /** Answers that were scored. */
  readonly n: number;
  readonly mean?: number;
  readonly dontKnow: number;
  readonly notApplicable: number;
  /** Applicable but not answered (blank). */
  readonly blank: number;
  /** Not asked because of skip logic or group. */
  readonly skipped: number;
  /** Count per answer code (grid items: per row `row:code`). */
  readonly counts: Readonly<Record<string, number>>;
  /** Set when the item's counts are hidden (asked of fewer than k, or recoverable). */
  readonly suppressed?: SuppressionReason;
}

export interface Reliability {
  readonly dimension: string;
  /** Listwise-complete respondents used. */
  readonly n: number;
  readonly items: number;
  /** Cronbach's alpha; null when n < minAlphaN or fewer than 2 items or zero variance. */
  readonly alpha: number | null;
  /** alpha < 0.7 */
  readonly low: boolean;
  readonly itemStats: readonly {
    readonly id: string;
    /** Corrected item–total correlation (item vs sum of the other items). */
    readonly itemTotal: number | null;
    readonly alphaIfDeleted: number | null;
    /** Deleting the item would raise alpha. */
    readonly lowersAlpha: boolean;
  }[];
}

export type SuppressionReason = "below-minimum" | "secondary";

export interface Unit {
  readonly id: string;
  readonly kind: "administration" | "department" | "group";
  readonly name: string;
  readonly names: Text;
  /** Respondent group of a group breakdown (kind "group", or a department's `groups`). */
  readonly group?: string;
  /** null when suppressed. */
  readonly respondents: number | null;
  readonly suppressed?: SuppressionReason;
  /** A department assessed by interview: an expert assessment, outside every survey total. */
  readonly method?: "interview";
  /** Staff in the unit, when known (project file); with `responseRate` = respondents / headcount. */
  readonly headcount?: number;
  readonly responseRate?: number;
  /** responseRate < settings.minResponseRate: results may not generalise to the whole unit. */
  readonly lowResponseRate?: boolean;
  readonly overall: Overall;
  /** Areas (pillars) between dimensions and the index, when the questionnaire defines them. */
  readonly areas?: readonly AreaResult[];
  readonly dimensions: readonly DimensionResult[];
  readonly percentToTarget?: number | null;
  readonly priorities?: readonly Priority[];
  /** Breakdown by respondent group within this unit. */
  readonly groups?: readonly Unit[];
  readonly items?: readonly ItemResult[];
  readonly reliability?: readonly Reliability[];
  /** Free-text answers per text item (with its question), sorted; only with includeFreeText. */
  readonly freeText?: readonly {
    readonly item: string;
    readonly text?: Text;
    readonly answers: readonly string[];
  }[];
}

export interface Comparison {
  readonly dimension: string;
  readonly internal: { readonly group: string; readonly n: number; readonly mean: number };
  readonly external: Comparison["internal"];
  /** internal − external: positive = staff see the administration better than outsiders do. */
  readonly difference: number;
  /** Confidence interval of the difference (Welch); absent when a side has no standard error. */
  readonly ciLow?: number;
  readonly ciHigh?: number;
  /** The interval excludes 0: the two views differ by more than sampling noise. */
  readonly distinguishable?: boolean;
}

export interface SuppressionRecord {
  /** Unit path, e.g. "department:bauen", "department:bauen/group:management", "group:citizens". */
  readonly unit: string;
  /** Dimension id when only one cell is concerned; "@overall" for the overall scores' block. */
  readonly dimension?: string;
  readonly reason: SuppressionReason | "small-cell"; // small-cell: no median, sd, CI, min, max
}

export interface QuestionnaireRef {
  readonly id: string;
  readonly version: string;
  readonly contentHash: string;
  readonly department?: string;
  readonly group: string;
}

/** A level and a dimension as the questionnaire defines them (the assessment carries them whole). */
export type LevelInfo = Level;
export type DimensionInfo = Dimension;

export interface ItemInfo {
  readonly id: string;
  readonly dimension: string;
  readonly type: string;
  readonly text: Text;
  readonly reverse: boolean;
  readonly weight: number;
  /** Answer codes with labels in scale order (scored options first). */
  readonly options: readonly {
    readonly code: string;
    readonly label: Text;
    readonly missing?: string;
  }[];
  /** Grid rows. */
  readonly rows?: readonly { readonly id: string; readonly text: Text }[];
  /** Ids of the questionnaires that contain the item. */
  readonly questionnaires: readonly string[];
}

export interface Assessment {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly generator: { readonly name: "reifegrad"; readonly version: string };
  /** The root questionnaire (the core every department extends). */
  readonly questionnaire: Pick<QuestionnaireRef, "id" | "version" | "contentHash">;
  readonly questionnaires: readonly QuestionnaireRef[];
  readonly languages: readonly string[];
  /** Report date (YYYY-MM-DD) from the data or --date; never the wall clock. */
  readonly date?: string;
  readonly settings: Settings;
  readonly levels: readonly LevelInfo[];
  readonly dimensions: readonly DimensionInfo[];
  readonly items: readonly ItemInfo[];
  readonly administration: Unit;
  /** Sorted by id. Suppressed departments are listed without numbers. */
  readonly departments: readonly Unit[];
  /** Every respondent group across the administration (internal) and outside it (external). */
  readonly groups: readonly Unit[];
  readonly comparisons: readonly Comparison[];
  readonly suppression: {
    readonly minGroupSize: number;
    readonly protectionInterval?: number; // p, docs/methodology.md section 7
    readonly records: readonly SuppressionRecord[];
  };
  /** Respondents and answers that were counted, for the methodology appendix. */
  readonly counts: {
    readonly respondents: number;
    readonly answers: number;
    readonly dontKnow: number;
    readonly notApplicable: number;
    readonly blank: number;
    readonly invalid: number;
  };
  /** What the importer did (files, detected dialects, account); set by the import layer. */
  readonly input?: unknown;
}
