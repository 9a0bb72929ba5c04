import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ITEM, QUESTIONNAIRE } from "../../src/questionnaire/format.js";
import { questionnaireJsonSchemaText } from "../../src/questionnaire/json-schema.js";

const PATH = "schema/questionnaire.schema.json";

describe("schema/questionnaire.schema.json", () => {
  test("is generated from the format definition (run `npx vitest run -u` after changing format.ts)", async () => {
    await expect(questionnaireJsonSchemaText()).toMatchFileSnapshot(`../../${PATH}`);
  });

  test("is valid JSON for draft 2020-12 and lists the keys the loader accepts", () => {
    const schema = JSON.parse(readFileSync(PATH, "utf8"));
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(QUESTIONNAIRE.fields).sort());
    expect(schema.additionalProperties).toBe(false);
    const item = schema.properties.items.items;
    expect(Object.keys(item.properties).sort()).toEqual(Object.keys(ITEM.fields).sort());
    expect(item.properties.type.enum).toEqual([
      "likert",
      "single",
      "multi",
      "yesno",
      "number",
      "grid",
      "text",
    ]);
    for (const [key, prop] of Object.entries<{ description?: string }>(schema.properties)) {
      expect(prop.description, key).toBeTruthy();
    }
  });
});
