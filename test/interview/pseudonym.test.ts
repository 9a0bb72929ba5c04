// Respondent ids are pseudonyms: names and e-mail addresses are refused, in the interview path.
import { describe, expect, it } from "vitest";
import { pseudonymMessage, pseudonymProblem } from "../../src/responses/interview/pseudonym.js";

describe("pseudonymProblem", () => {
  it.each([
    ["max.mustermann@esslingen.de", "email"],
    ["m.mustermann(at)stadt.de", "email"],
    ["Max Mustermann", "name"],
    ["Mustermann", "name"],
    ["anna-lena", "name"],
    ["O'Brien", "name"],
    ["Müller, Jana", "name"],
    ["Frau Dr. Schmidt", "name"],
    ["P 017", "name"],
    ["P#017", "invalid"],
  ])("%s → %s", (id, problem) => {
    expect(pseudonymProblem(id)).toBe(problem);
  });

  it.each(["P-017", "r-7", "e2e-1", "bauamt_03", "anon-86mv-jp82", "anon-abcd-efgh", "", "  "])(
    "%s is a pseudonym (or empty: generated)",
    (id) => {
      expect(pseudonymProblem(id)).toBeUndefined();
    },
  );

  it("says what is wrong and what to use, in German and English", () => {
    expect(pseudonymMessage("Max Mustermann", "name", "de")).toBe(
      "„Max Mustermann“ sieht nach einem Namen aus: die Kennung ist ein Pseudonym, z. B. P-017 (mit mindestens einer Ziffer) — leer lassen für eine erzeugte",
    );
    expect(pseudonymMessage("a@b.de", "email", "en")).toMatch(
      /^"a@b\.de" is an e-mail address: the respondent id is a pseudonym/,
    );
  });
});
