// The message catalogue: every message says something in both languages, German is not English,
// the English text is the problem's `message`, and a problem keeps its code and place whatever
// the language. Codes of questionnaire messages are the documented ones.
import { readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { codeOf, type MessageId, renderMessage } from "../../src/messages/catalogue.js";
import { shown } from "../../src/messages/entry.js";
import { IMPORT_MESSAGES } from "../../src/messages/import.js";
import { PROJECT_MESSAGES } from "../../src/messages/project.js";
import { QUESTIONNAIRE_MESSAGES } from "../../src/messages/questionnaire.js";
import { coded, problemText } from "../../src/problem.js";
import { parseProject } from "../../src/project/load.js";
import { QUESTIONNAIRE_PROBLEM_CODES } from "../../src/questionnaire/codes.js";
import { loadQuestionnaires } from "../../src/questionnaire/load.js";
import { FIXTURES, inline, source } from "../questionnaire/helpers.js";

const INVALID = `${FIXTURES}/invalid`;

describe("the message catalogue", () => {
  test("questionnaire messages use documented codes; a shape's range codes come from the format", () => {
    for (const id of Object.keys(QUESTIONNAIRE_MESSAGES) as MessageId[]) {
      if (id === "out-of-range") continue; // reported under the format's rangeCode
      expect(QUESTIONNAIRE_PROBLEM_CODES as readonly string[]).toContain(codeOf(id));
    }
  });

  test("the parts of the catalogue do not share an id", () => {
    const ids = [QUESTIONNAIRE_MESSAGES, PROJECT_MESSAGES, IMPORT_MESSAGES].flatMap(Object.keys);
    expect(ids.length).toBe(new Set(ids).size);
  });

  test("a coded problem's English is its message, its code the id's", () => {
    const p = coded(
      "unknown-scale",
      { id: "agree7", closest: "agree5", defined: ["agree5", "yesno"] },
      { file: "q.yaml", line: 14, column: 7 },
    );
    expect(p).toMatchObject({ code: "unknown-scale", file: "q.yaml", line: 14, column: 7 });
    expect(p.message).toBe(
      'scale "agree7" is not defined (did you mean "agree5"?) (defined: agree5, yesno)',
    );
    expect(problemText(p, "en").message).toBe(p.message);
    expect(problemText(p, "de")).toEqual({
      message:
        "Die Skala „agree7“ ist nicht definiert (meinten Sie „agree5“?) (definiert: agree5, yesno)",
      hint: "Definieren Sie sie unter `scales:` oder verwenden Sie eine der definierten Skalen.",
    });
    expect(coded("duplicate-id.level", { id: "L1" }).code).toBe("duplicate-id");
  });

  test("a problem from a stale cache or the import (no catalogue id) is printed as written", () => {
    const p = { code: "x", severity: "error" as const, message: "as written", hint: "fix it" };
    expect(problemText(p, "de")).toEqual({ message: "as written", hint: "fix it" });
  });

  test("every invalid questionnaire fixture's problems say it in German, and differently", () => {
    const files = readdirSync(INVALID).filter((f) => f.endsWith(".yaml"));
    let seen = 0;
    for (const f of files) {
      const { problems } = loadQuestionnaires([
        source(`${FIXTURES}/compose/core.yaml`),
        source(`${INVALID}/${f}`),
      ]);
      for (const p of problems) {
        seen++;
        expect(p.id, `${f}: ${p.code}`).toBeDefined();
        const en = problemText(p, "en");
        const de = problemText(p, "de");
        expect(en.message).toBe(p.message);
        expect(en.hint).toBe(p.hint);
        expect(de.message.length).toBeGreaterThan(0);
        expect(de.message, `${f}: ${p.code}`).not.toBe(en.message);
        if (en.hint !== undefined) expect(de.hint, `${f}: ${p.code}`).not.toBe(en.hint);
        // Parameters are plain data: the load cache stores problems as JSON.
        expect(JSON.parse(JSON.stringify(p))).toEqual(JSON.parse(JSON.stringify(p)));
        expect(problemText(JSON.parse(JSON.stringify(p)), "de")).toEqual(de);
      }
    }
    expect(seen).toBeGreaterThan(50);
  });

  test("reifegrad.yaml's problems in German", () => {
    const shape = parseProject(
      inline("reifegrad.yaml", [
        "format: 1",
        "settings:",
        "  minGroupSize: 2",
        "  weighting: everyone",
      ]),
    ).problems;
    expect(shape.map((p) => [p.code, p.line, p.column])).toEqual([
      ["invalid-setting", 3, 17],
      ["invalid-value", 4, 14],
    ]);
    expect(shape.map((p) => problemText(p, "de").message)).toEqual([
      "settings.minGroupSize ist 2; erlaubt ist mindestens 3",
      "settings.weighting ist „everyone“; erlaubt: respondent, department",
    ]);
    const departments = parseProject(
      inline("reifegrad.yaml", ["format: 1", "departments:", "  - id: bauen", "  - id: bauen"]),
    ).problems;
    expect(departments.map((p) => [p.code, p.line, p.column])).toEqual([["duplicate-id", 4, 9]]);
    expect(problemText(departments[0]!, "de")).toEqual({
      message: "Das Amt „bauen“ steht zweimal in der Liste",
      hint: "Behalten Sie einen Eintrag (der erste ist departments[0]).",
    });
  });
});

describe("values from the data in a message", () => {
  test("are shown on one line and cut after 200 characters, with their length", () => {
    const cell = "3".repeat(50_000);
    const en = renderMessage(
      "unknown-label",
      { raw: cell, item: "str_01", codes: ["1", "2"] },
      "en",
    );
    expect(en).toBe(
      `"${"3".repeat(200)}… (50,000 characters)" is neither a code nor a label of item str_01 (codes: 1, 2)`,
    );
    const de = renderMessage(
      "unknown-label",
      { raw: `a\nb\r\nc${"x".repeat(300)}`, item: "i", codes: [] },
      "de",
    );
    expect(de.startsWith(`„a⏎b⏎c${"x".repeat(195)}… (306 Zeichen)“`)).toBe(true);
    expect(shown("en", "short")).toBe("short");
  });
});
