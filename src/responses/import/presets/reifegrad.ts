// reifegrad's own answer format (also what `reifegrad run` writes): respondent, department, group,
// then one column per item id, grid rows as `item[row]`, multi-select codes joined by ";".
// Also the fallback for a plain CSV with item ids or texts as headings.
import { type Preset, roles } from "./types.js";

export const reifegrad: Preset = {
  id: "reifegrad",
  detect: (h) => (h.includes("respondent") ? 3 : 0),
  meta: roles({ respondent: "respondent" }),
  respondentRoles: ["respondent"],
  multiSeparator: ";",
};
