// assessment.json: the full assessment. Numbers are rounded to 6 decimals here — the only
// rounding before display — so last-bit float noise never changes the bytes.
import type { Assessment } from "../scoring/assessment.js";

export function roundForJson(value: unknown): unknown {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    const r = Math.round(value * 1e6) / 1e6;
    return Object.is(r, -0) ? 0 : r;
  }
  if (Array.isArray(value)) return value.map(roundForJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundForJson(v)]));
  }
  return value;
}

export function renderJson(a: Assessment): string {
  return `${JSON.stringify(roundForJson(a), null, 2)}\n`;
}
