import { describe, expect, it } from "vitest";
import { schemaProblem } from "../../src/util/json-schema-check.js";

const schema = {
  type: "object",
  required: ["id", "n"],
  additionalProperties: false,
  properties: {
    id: { type: "string", pattern: "^[a-z]+$" },
    n: { type: ["integer", "null"], minimum: 0 },
    share: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
    kind: { enum: ["a", "b"] },
    v: { const: 1 },
    list: { type: "array", items: { $ref: "#/$defs/named" } },
    texts: { type: "object", additionalProperties: { type: "string" } },
  },
  $defs: {
    named: {
      allOf: [{ type: "object", required: ["name"] }],
      properties: { name: { type: "string" } },
    },
  },
};

describe("schemaProblem", () => {
  it.each([
    [{ id: "ab", n: 2 }, undefined],
    [
      { id: "ab", n: null, share: 0.5, kind: "b", v: 1, list: [{ name: "x" }], texts: { de: "y" } },
      undefined,
    ],
    [{ n: 2 }, "$.id is missing"],
    [{ id: "AB", n: 2 }, "$.id must match ^[a-z]+$"],
    [{ id: "ab", n: 1.5 }, "$.n must be a whole number or null"],
    [{ id: "ab", n: -1 }, "$.n must be ≥ 0"],
    [{ id: "ab", n: 1, share: 1 }, "$.share must be < 1"],
    [{ id: "ab", n: 1, kind: "c" }, '$.kind must be one of "a", "b"'],
    [{ id: "ab", n: 1, v: 2 }, "$.v must be 1"],
    [{ id: "ab", n: 1, list: [{ name: 3 }] }, "$.list[0].name must be a string"],
    [{ id: "ab", n: 1, list: [{}] }, "$.list[0].name is missing"],
    [{ id: "ab", n: 1, texts: { "de-CH": 1 } }, '$.texts["de-CH"] must be a string'],
    [{ id: "ab", n: 1, extra: 1 }, "$.extra is not allowed here"],
    [[], "$ must be an object"],
  ])("%j → %s", (value, problem) => {
    expect(schemaProblem(schema, value)?.en).toBe(problem);
  });

  it("says it in German too", () => {
    expect(schemaProblem(schema, { id: "ab", n: 1.5 })?.de).toBe(
      "$.n muss eine ganze Zahl oder null sein",
    );
    expect(schemaProblem(schema, { n: 2 })?.de).toBe("$.id fehlt");
  });

  it("refuses a keyword it does not check, rather than checking less than the schema says", () => {
    expect(() => schemaProblem({ type: "string", format: "date" }, "x")).toThrow(/format/);
  });
});
