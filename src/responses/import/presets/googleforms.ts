// Google Forms (responses sheet downloaded as CSV): Timestamp, [Email Address], question titles;
// grid rows as `Title [Row]`; checkboxes joined by ", " (labels may contain ", ", so the split
// goes by the known labels). Headings follow the form's language.
import { type Preset, roles } from "./types.js";

const fixed = roles({
  timestamp: "meta",
  zeitstempel: "meta",
  "email address": "email",
  "e-mail-adresse": "email",
  "e-mail address": "email",
  score: "meta",
  punktzahl: "meta",
});

export const googleforms: Preset = {
  id: "googleforms",
  detect: (h) => (h[0] === "timestamp" || h[0] === "zeitstempel" ? 3 : 0),
  meta: fixed,
  respondentRoles: ["email"],
  multiSeparator: ", ",
};
