// KoboToolbox (and ODK forms exported by it) CSV: `;`-separated, headings the XLSForm field names
// ("XML values and headers"), optionally with group paths (`strategy/str_01`, separator "/");
// select_multiple as one space-separated column, as `question/choice` 1/0 columns, or both.
// Kobo's own columns start with "_" (`_id`, `_uuid`, `_submission_time` …).
import { type Preset, roles } from "./types.js";

const meta = roles({
  _id: "response-id",
  _uuid: "token",
  _submission_time: "meta",
  _validation_status: "meta",
  _notes: "meta",
  _status: "meta",
  _submitted_by: "meta",
  __version__: "meta",
  _version_: "meta",
  _tags: "meta",
  _index: "meta",
  start: "meta",
  end: "meta",
  today: "meta",
  deviceid: "meta",
  "meta/instanceid": "meta",
  "meta/rootuuid": "meta",
});

export const kobotoolbox: Preset = {
  id: "kobotoolbox",
  detect: (h) => (h.includes("_uuid") || h.includes("_submission_time") ? 3 : 0),
  meta,
  respondentRoles: ["token", "response-id"],
  multiSeparator: " ",
  groupSeparator: "/",
};
