// The questionnaire's identity for assessments: a sha256 over a canonical JSON of the model.
import { createHash } from "node:crypto";
import type { Questionnaire } from "./model.js";

/** sha256 (hex) over the composed model with sorted keys; the source path is excluded. */
export function contentHash(q: Omit<Questionnaire, "contentHash">): string {
  // The notice (who to contact, retention) is not what is measured: editing it changes no score.
  const { source: _source, notice: _notice, scales, ...rest } = q;
  const canonical = JSON.stringify({ ...rest, scales: [...scales.entries()] }, sortedKeys);
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * JSON.stringify replacer that writes an object's keys in sorted order. Most objects (texts
 * such as { de, en }) have them in order already and are written as they are; copying each of
 * the thousands of objects into a sorted one was most of the hashing time.
 */
function sortedKeys(_key: string, v: unknown): unknown {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return v;
  const keys = Object.keys(v);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
  if (sorted) return v;
  return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
