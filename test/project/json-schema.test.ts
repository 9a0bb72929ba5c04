import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { PROJECT } from "../../src/project/format.js";
import { projectJsonSchemaText } from "../../src/project/json-schema.js";

describe("schema/project.schema.json", () => {
  test("is generated from the format definition (run `npx vitest run -u` after changing it)", async () => {
    await expect(projectJsonSchemaText()).toMatchFileSnapshot("../../schema/project.schema.json");
  });

  test("lists the keys the loader accepts", () => {
    const schema = JSON.parse(readFileSync("schema/project.schema.json", "utf8"));
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(PROJECT.fields).sort());
    expect(schema.required).toEqual(["format"]);
  });
});
