// Picking one language of a multilingual text.
import type { Text } from "./model.js";

/**
 * The text in `lang`; else in the first of `fallbacks` that has it; else any language it has;
 * else "". Never throws, so a renderer can always show something.
 */
export function textIn(
  text: Text | undefined,
  lang: string,
  fallbacks: readonly string[] = [],
): string {
  if (!text) return "";
  for (const l of [lang, ...fallbacks]) {
    const t = text[l];
    if (t !== undefined && t !== "") return t;
  }
  return Object.values(text).find((t) => t !== "") ?? "";
}
