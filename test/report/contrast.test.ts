// Colours of the charts: text on every fill the renderers use has a contrast of at least 4.5:1
// (WCAG 2.1 AA), and the palettes are the colour-blind-safe diverging ColorBrewer RdBu.
import { describe, expect, test } from "vitest";
import { CSS } from "../../src/report/html.js";
import { divergingColors, levelColor, segmentTextColor } from "../../src/report/svg.js";
import { loadWave } from "./fixture-data.js";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(x: string, y: string): number {
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (hi! + 0.05) / (lo! + 0.05);
}

const a = loadWave("2024");

describe("contrast ≥ 4.5:1", () => {
  test("heatmap and table swatches: the value's text on its level colour", () => {
    for (const l of a.levels) {
      const c = levelColor(a, l.id);
      expect(contrast(c.fill, c.text), `${l.id} ${c.fill}/${c.text}`).toBeGreaterThanOrEqual(4.5);
    }
  });
  test("answer bars: the share's text on every segment, for 2 to 7 options", () => {
    for (let k = 2; k <= 7; k++)
      for (const fill of divergingColors(k))
        expect(contrast(fill, segmentTextColor(fill)), `${k}: ${fill}`).toBeGreaterThanOrEqual(4.5);
  });
  test("page colours: ink, muted text and links on white and on the soft background", () => {
    const v = (name: string) => new RegExp(`--${name}: (#[0-9a-f]{6})`).exec(CSS)![1]!;
    for (const fg of ["ink", "muted", "accent"])
      for (const bg of ["#ffffff", v("bg-soft")])
        expect(contrast(v(fg), bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
});
