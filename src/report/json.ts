// assessment.json: the full assessment. Numbers are rounded to 6 decimals here — the only
// rounding before display — so last-bit float noise never changes the bytes: first to 12
// significant digits, which removes the noise (a value that is exactly …5 in the 7th decimal
// may come out as …4999999999 or …5000000001 depending on summation order), then to 6 decimals.
import type { Assessment, Unit } from "../scoring/assessment.js";

/** One number as assessment.json writes it (non-finite numbers become null). */
function roundNumber(value: number): number | null {
  // Integers of up to 9 digits come out unchanged, and they are most of the numbers (counts);
  // skipping toPrecision's string round trip for them is what makes rendering cheap.
  if (Number.isInteger(value) && Math.abs(value) < 1e9) return value === 0 ? 0 : value;
  if (!Number.isFinite(value)) return null;
  const r = Math.round(Number(value.toPrecision(12)) * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * JSON.stringify replacer that rounds every number: the same text as stringifying a rounded
 * copy, without building the copy of the whole assessment first.
 */
export function roundingReplacer(_key: string, value: unknown): unknown {
  return typeof value === "number" ? roundNumber(value) : value;
}

/**
 * The assessment exactly as assessment.json carries it: every number rounded as written there.
 * Every renderer draws from this, so `report` on the saved file gives the bytes `score` wrote.
 */
export function published(a: Assessment): Assessment {
  return JSON.parse(JSON.stringify(a, roundingReplacer)) as Assessment;
}

/** The unit without its free-text answers (also in its groups). */
function withoutFreeText(u: Unit): Unit {
  const { freeText: _, ...rest } = u;
  return rest.groups ? { ...rest, groups: rest.groups.map(withoutFreeText) } : rest;
}

/**
 * The assessment as JSON. Free-text answers are written only with `includeFreeText` (the
 * `--include-free-text` flag): without it they never leave, even when the assessment has them.
 */
export function renderJson(a: Assessment, o: { includeFreeText?: boolean } = {}): string {
  const hasFreeText = [a.administration, ...a.departments, ...a.groups].some(
    (u) => u.freeText !== undefined || u.groups?.some((g) => g.freeText !== undefined),
  );
  const out: Assessment =
    o.includeFreeText || !hasFreeText
      ? a
      : {
          ...a,
          administration: withoutFreeText(a.administration),
          departments: a.departments.map(withoutFreeText),
          groups: a.groups.map(withoutFreeText),
        };
  return `${JSON.stringify(out, roundingReplacer, 2)}\n`;
}
