// The questionnaire's identity for assessments: a sha256 over a canonical JSON of the model.
import { createHash } from "node:crypto";
import type { Questionnaire } from "./model.js";

/** sha256 (hex) over the composed model with sorted keys; the source path is excluded. */
export function contentHash(q: Omit<Questionnaire, "contentHash">): string {
  const { source: _source, scales, ...rest } = q;
  const canonical = JSON.stringify({ ...rest, scales: [...scales.entries()] }, (_k, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
  return createHash("sha256").update(canonical).digest("hex");
}
