// Finding repeated respondent hashes (dedupe.ts): exact on whole hashes, across the column's parts.
import { describe, expect, test } from "vitest";
import { HashColumn, repeatedHashes } from "../../src/responses/import/dedupe.js";

const LOW = 0x100000000;

describe("repeatedHashes", () => {
  test("each hash that occurs more than once, with the row of its last occurrence", () => {
    const parts = [Float64Array.of(7, 9, 7), Float64Array.of(11, 9, 7)];
    expect([...repeatedHashes(parts)]).toEqual([
      [7, 5],
      [9, 4],
    ]);
  });

  test("hashes alike in their low 32 bits only are not repeats", () => {
    const a = 5 * LOW + 123;
    const b = 6 * LOW + 123;
    expect(repeatedHashes([Float64Array.of(a, b)]).size).toBe(0);
    expect([...repeatedHashes([Float64Array.of(a, b, b)])]).toEqual([[b, 2]]);
  });

  test("rows without an id (NaN) never repeat, nor does a hash whose low half is 0", () => {
    const parts = [Float64Array.of(Number.NaN, Number.NaN, 3 * LOW, Number.NaN)];
    expect(repeatedHashes(parts).size).toBe(0);
  });

  test("through the column, over more than one of its chunks", () => {
    const col = new HashColumn();
    for (let i = 0; i < 70_000; i++) col.push(i % 50_000);
    const last = col.repeated();
    expect(last.size).toBe(20_000);
    expect(last.get(0)).toBe(50_000);
    expect(last.get(19_999)).toBe(69_999);
    expect(last.has(20_000)).toBe(false);
  });
});
