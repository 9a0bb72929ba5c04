// What a respondent reads for "don't know" / "not applicable" outside the scales (issue 21): the
// questionnaire's own words wherever it defines them (yes/no and number items in interview, survey
// exports, paper form and answer template; the default notice), a built-in default that is not the
// Likert answer "trifft nicht zu" where it does not; the importer accepts old and new words.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerColumns } from "../../src/questionnaire/answer-columns.js";
import { DEFAULT_MISSING, missingLabels } from "../../src/questionnaire/missing.js";
import type { Item } from "../../src/questionnaire/model.js";
import { compileConverter, NO_OVERRIDES } from "../../src/responses/import/values.js";
import { uiTexts } from "../../src/responses/interview/texts.js";
import { noticeOf } from "../../src/survey/notice.js";
import { optionsOf, planFor } from "../../src/survey/plan.js";
import { loadTexts } from "../scoring/score-files.js";
import { bundled } from "../survey/fixtures.js";

const ALL = bundled();
const byId = (id: string) => ALL.find((q) => q.id === id)!;

describe("missing-answer labels", () => {
  it("the bundled questionnaires' own words, per perspective", () => {
    expect(missingLabels(byId("core")).na.de).toBe("trifft auf meine Tätigkeit nicht zu");
    expect(missingLabels(byId("bauen")).na.de).toBe("trifft auf meine Tätigkeit nicht zu");
    expect(missingLabels(byId("citizens")).na.de).toBe("trifft auf mich nicht zu");
    expect(missingLabels(byId("businesses")).na.de).toBe("trifft auf unser Unternehmen nicht zu");
    expect(missingLabels(byId("citizens")).dk.de).toBe("weiß nicht");
  });

  it("a questionnaire without them gets the staff wording, never 'nicht zutreffend' or 'trifft nicht zu'", () => {
    const tiny = readFileSync("fixtures/scoring/tiny.yaml", "utf8")
      .split("\n")
      .filter((l) => !l.includes("missing:"))
      .join("\n");
    const [q] = loadTexts({ "tiny.yaml": tiny });
    expect(missingLabels(q!)).toEqual(DEFAULT_MISSING);
    expect(DEFAULT_MISSING.na.de).toBe("trifft auf meine Tätigkeit nicht zu");
    const notice = noticeOf(q!);
    expect(notice.voluntariness.de).toContain("„trifft auf meine Tätigkeit nicht zu“");
    expect(notice.voluntariness.de).not.toMatch(/nicht zutreffend|„trifft nicht zu“/);
  });

  it("the default notice names the questionnaire's own words (citizens declare no voluntariness)", () => {
    const n = noticeOf(byId("citizens"));
    expect(n.voluntariness.de).toContain("„weiß nicht“ oder „trifft auf mich nicht zu“");
    expect(n.voluntariness.en).toContain("“not relevant to me”");
  });

  it("yes/no items: answer template and survey options in the questionnaire's words", () => {
    const q = byId("bauen");
    const col = answerColumns(q, "de").find((c) => c.type === "yesno")!;
    expect(col.codes).toEqual([
      { code: "yes", label: "ja" },
      { code: "no", label: "nein" },
      { code: "dk", label: "weiß nicht" },
      { code: "na", label: "trifft auf meine Tätigkeit nicht zu" },
    ]);
    const p = planFor(q, "de")
      .sections.flatMap((s) => s.items)
      .find((x) => x.item.type === "yesno")!;
    expect(optionsOf(p).map((o) => o.label.de)).toEqual([
      "ja",
      "nein",
      "weiß nicht",
      "trifft auf meine Tätigkeit nicht zu",
    ]);
  });

  it("the interview's number hint says the questionnaire's words", () => {
    const hint = uiTexts("de").inputHint("number", {
      dk: "weiß nicht",
      na: "trifft auf mich nicht zu",
    });
    expect(hint).toContain("nz = trifft auf mich nicht zu");
    expect(hint).not.toContain("nicht zutreffend");
  });

  it("the importer accepts the questionnaire's own words first, and the old ones", () => {
    const yesno = { id: "x", type: "yesno", dimension: "d", text: {}, weight: 1, required: false };
    const number = { ...yesno, type: "number", bands: [{ score: 100 }] };
    const missing = { dk: { de: "kann ich nicht sagen" }, na: { de: "entfällt" } };
    for (const item of [yesno, number]) {
      const convert = compileConverter(
        { item: item as unknown as Item, missing },
        ";",
        NO_OVERRIDES,
      );
      expect(convert("entfällt")).toBe("na");
      expect(convert("Kann ich nicht sagen")).toBe("dk");
      for (const old of [
        "nicht zutreffend",
        "trifft auf meine Tätigkeit nicht zu",
        "trifft auf mich nicht zu",
        "trifft auf unser Unternehmen nicht zu",
        "not relevant to my work",
      ])
        expect(convert(old), old).toBe("na");
      expect(convert("weiß nicht")).toBe("dk");
    }
  });
});
