// Fixed number formatting: never Intl or toLocaleString, so output is the same in every locale.
import type { Text } from "../questionnaire/model.js";

export type Lang = "de" | "en";

export function fmt(value: number | null | undefined, digits = 1, lang: Lang = "en"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const s = (Math.round(value * 10 ** digits) / 10 ** digits).toFixed(digits);
  const clean = s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
  return lang === "de" ? clean.replace(".", ",") : clean;
}

export function pick(text: Text | undefined, lang: string): string {
  if (!text) return "";
  return text[lang] ?? text.de ?? text.en ?? Object.values(text)[0] ?? "";
}
