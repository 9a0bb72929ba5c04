// The presets, and picking one from a header.
import { normalizeKey } from "../text.js";
import { googleforms } from "./googleforms.js";
import { kobotoolbox } from "./kobotoolbox.js";
import { limesurvey } from "./limesurvey.js";
import { msforms } from "./msforms.js";
import { reifegrad } from "./reifegrad.js";
import { type MetaRole, PRESET_IDS, type Preset, type PresetId } from "./types.js";

export type { MetaRole, Preset, PresetId };
export { PRESET_IDS };

export const PRESETS: Readonly<Record<PresetId, Preset>> = {
  limesurvey,
  msforms,
  googleforms,
  kobotoolbox,
  reifegrad,
};

/** Department and group columns, whatever the tool (a mapping file can name others). */
const COMMON: ReadonlyMap<string, MetaRole> = new Map<string, MetaRole>([
  ["department", "department"],
  ["department id", "department"],
  ["abteilung", "department"],
  ["amt", "department"],
  ["dienststelle", "department"],
  ["organisationseinheit", "department"],
  ["fachbereich", "department"],
  ["ihr amt", "department"],
  ["in welchem amt arbeiten sie", "department"],
  ["group", "group"],
  ["gruppe", "group"],
  ["befragtengruppe", "group"],
  ["respondent group", "group"],
]);

export function commonRole(header: string): MetaRole | undefined {
  return COMMON.get(header);
}

/** The preset whose signature fits the header best; the own format when none does. */
export function detectPreset(
  header: readonly string[],
  row?: readonly string[],
): { preset: Preset; detected: boolean } {
  const h = header.map(normalizeKey);
  let best: Preset | undefined;
  let bestScore = 0;
  for (const id of PRESET_IDS) {
    const s = PRESETS[id].detect(h, row);
    if (s > bestScore) {
      best = PRESETS[id];
      bestScore = s;
    }
  }
  return best ? { preset: best, detected: true } : { preset: reifegrad, detected: false };
}
