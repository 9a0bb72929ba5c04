// An export dialect: which columns are metadata, which column identifies a respondent, how a
// multi-select answer is written, and how to recognise the dialect from its header.

export type PresetId = "limesurvey" | "msforms" | "googleforms" | "kobotoolbox" | "reifegrad";
export const PRESET_IDS: readonly PresetId[] = [
  "limesurvey",
  "msforms",
  "googleforms",
  "kobotoolbox",
  "reifegrad",
];

/** What a metadata column holds. `meta` columns are known and ignored. */
export type MetaRole =
  | "respondent"
  /** The export's own row id (1, 2, 3 … in every survey): identifies a row only within its file. */
  | "response-id"
  | "token"
  | "email"
  | "submitted"
  | "department"
  | "group"
  | "meta";

export interface Preset {
  readonly id: PresetId;
  /**
   * How sure we are that a header (normalised headings) comes from this tool, 0 = not at all;
   * `row` is the first data row, when there is one.
   */
  detect(headers: readonly string[], row?: readonly string[]): number;
  /** Roles of the first columns whatever their headings say (LimeSurvey's fixed columns). */
  readonly fixed?: readonly MetaRole[];
  /** The role of a metadata column, by its normalised heading. */
  meta(header: string): MetaRole | undefined;
  /** Roles whose column identifies a respondent, best first (first non-empty value wins). */
  readonly respondentRoles: readonly MetaRole[];
  /** Separator of choices in one multi-select cell. */
  readonly multiSeparator: string;
  /**
   * Headings may be group paths joined by this separator (KoboToolbox `group/field`): the last
   * part names the field, the last two a choice (`question/choice`) or grid row.
   */
  readonly groupSeparator?: string;
}

/** A lookup of normalised headings → role. */
export function roles(
  entries: Readonly<Record<string, MetaRole>>,
): (h: string) => MetaRole | undefined {
  const m = new Map(Object.entries(entries));
  return (h) => m.get(h);
}
