// What a mapping file says, parsed (mapping.ts parses it). Apart from the parser so that a run
// without --mapping loads neither the parser nor the YAML library.
import type { ColumnTarget } from "./catalog.js";
import type { PresetId } from "./presets/index.js";

export interface Mapping {
  readonly file: string;
  readonly preset?: PresetId;
  /** Normalised headings of the respondent, department and group columns. */
  readonly respondent?: string;
  readonly department?: string;
  readonly group?: string;
  /** Column whose empty value marks an incomplete response (LimeSurvey: submitdate). */
  readonly submitted?: string;
  /** Normalised heading → target, or "ignore". */
  readonly columns: ReadonlyMap<string, ColumnTarget | "ignore">;
  readonly values: ReadonlyMap<string, string>;
  readonly itemValues: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Normalised department value → department id. */
  readonly departments: ReadonlyMap<string, string>;
  readonly groups: ReadonlyMap<string, string>;
  /** Each heading the file names (`columns:` keys, role columns), normalised → as written, line. */
  readonly lines?: ReadonlyMap<string, { readonly text: string; readonly line: number }>;
}

export const EMPTY_MAPPING: Mapping = {
  file: "",
  columns: new Map(),
  values: new Map(),
  itemValues: new Map(),
  departments: new Map(),
  groups: new Map(),
};
