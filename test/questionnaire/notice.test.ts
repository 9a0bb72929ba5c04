// The notice a survey opens with (issue 19): declared per questionnaire, inherited part by part
// along `extends`, used by the survey targets, and not part of the content hash.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { noticeOf } from "../../src/survey/notice.js";
import { loadTexts } from "../scoring/score-files.js";

const tiny = readFileSync("fixtures/scoring/tiny.yaml", "utf8");
const withNotice = tiny.replace(
  "group: staff\n",
  'group: staff\nnotice:\n  purpose: { de: "Zweck A", en: "Purpose A" }\n  contact: { de: "Kontakt A", en: "Contact A" }\n',
);
const dept = `format: 1
id: d0
extends: tiny
version: "1"
languages: [de, en]
department: { id: d0, name: { de: Amt null, en: Office zero } }
title: { de: Mini – Amt null, en: Tiny – office zero }
notice:
  contact: { de: "Kontakt Amt null", en: "Contact office zero" }
`;

describe("questionnaire notice", () => {
  it("a department inherits the parts it leaves out and overrides the ones it names", () => {
    const qs = loadTexts({ "tiny.yaml": withNotice, "d0.yaml": dept });
    const d0 = qs.find((q) => q.id === "d0")!;
    expect(d0.notice).toEqual({
      purpose: { de: "Zweck A", en: "Purpose A" },
      contact: { de: "Kontakt Amt null", en: "Contact office zero" },
    });
    // The survey's notice: the declared parts, reifegrad's defaults for the rest.
    const n = noticeOf(d0);
    expect(n.contact.de).toBe("Kontakt Amt null");
    expect(n.voluntariness.de).toMatch(/freiwillig/);
  });

  it("editing the notice changes no content hash (no report goes stale)", () => {
    const [plain] = loadTexts({ "tiny.yaml": tiny });
    const [noted] = loadTexts({ "tiny.yaml": withNotice });
    expect(noted!.notice).toBeDefined();
    expect(noted!.contentHash).toBe(plain!.contentHash);
  });

  it("the bundled questionnaires declare one the city edits; departments inherit the core's", () => {
    const files = ["questionnaires/core.yaml", "questionnaires/departments/bauen.yaml"];
    const qs = loadTexts(Object.fromEntries(files.map((f) => [f, readFileSync(f, "utf8")])));
    const core = qs.find((q) => q.id === "core")!;
    expect(Object.keys(core.notice ?? {}).sort()).toEqual([
      "contact",
      "controller",
      "purpose",
      "retention",
      "voluntariness",
    ]);
    expect(qs.find((q) => q.id === "bauen")!.notice).toEqual(core.notice);
  });
});
