// Fixed number formatting: never Intl or toLocaleString, so output is the same in every locale.
import type { Text } from "../questionnaire/model.js";

export type Lang = "de" | "en";

/** Rounds half away from zero at `digits` decimals; "–" for missing values; de uses a comma. */
export function fmt(value: number | null | undefined, digits = 1, lang: Lang = "en"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const s = fixed(value, digits);
  return lang === "de" ? s.replace(".", ",") : s;
}

/** toFixed after rounding half away from zero, without "-0.0". */
export function fixed(value: number, digits: number): string {
  const f = 10 ** digits;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f + 1e-9)) / f;
  const s = r.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** Like fmt, with an explicit sign for non-zero values ("+3.2", "-1.0"). */
export function fmtSigned(value: number | null | undefined, digits = 1, lang: Lang = "en"): string {
  const s = fmt(value, digits, lang);
  if (s === "–" || s.startsWith("-") || /^[0.,]+$/.test(s)) return s;
  return `+${s}`;
}

/** A share 0–1 as a percentage: "89.6%" (en), "89,6 %" (de). */
export function fmtPct(share: number | null | undefined, digits = 0, lang: Lang = "en"): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "–";
  const s = fmt(share * 100, digits, lang);
  return lang === "de" ? `${s} %` : `${s}%`;
}

/** Integers with a thin grouping: 1,234 (en) / 1.234 (de), fixed rules. */
export function fmtInt(value: number | null | undefined, lang: Lang = "en"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const s = String(Math.round(Math.abs(value))).replace(
    /\B(?=(\d{3})+(?!\d))/g,
    lang === "de" ? "." : ",",
  );
  return value < 0 ? `-${s}` : s;
}

/** Machine-readable number: up to `digits` decimals, trailing zeros trimmed, "." separator. */
export function plainNumber(value: number, digits = 4): string {
  const s = fixed(value, digits);
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

export function pick(text: Text | undefined, lang: string): string {
  if (!text) return "";
  return text[lang] ?? text.de ?? text.en ?? Object.values(text)[0] ?? "";
}

const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  de: [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/**
 * A date as readers write it: "4. Dezember 2026" (de), "4 December 2026" (en). Parsed from the
 * text (YYYY-MM-DD), never through Date, so no time zone can shift it; anything else stays as is.
 */
export function fmtDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[lang][Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  const day = Number(m[3]);
  return lang === "de" ? `${day}. ${month} ${m[1]}` : `${day} ${month} ${m[1]}`;
}

const COUNT_WORDS: Readonly<Record<Lang, readonly string[]>> = {
  de: [
    "null",
    "eine",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
  ],
  en: [
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
  ],
};

/** A small count as a word ("drei", "three"), digits from 13 on. */
export function countWord(n: number, lang: Lang): string {
  return COUNT_WORDS[lang][n] ?? String(n);
}
