// Pure SVG charts for the HTML report: heatmap, radar, diverging stacked bars, level legend.
// Every chart has <title> and <desc>, text is escaped, coordinates use fixed decimals, and colour
// never carries information alone (values and labels are written out).
import type { Assessment, ItemInfo, ItemResult, Unit } from "../scoring/assessment.js";
import { fixed, fmt, fmtInt, type Lang, pick } from "./format.js";
import { fill, labels } from "./labels.js";
import {
  dimResult,
  hasScore,
  levelIndex,
  levelLabel,
  rootDimensions,
  tableUnits,
  unitName,
} from "./view.js";

export function esc(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const n2 = (x: number) => fixed(x, 1);

/** Colour-blind safe diverging palette (ColorBrewer RdBu), lowest level red, highest blue. */
const LEVEL_COLORS = ["#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"] as const;

export function levelColor(
  a: Assessment,
  level: string | null | undefined,
): { fill: string; text: string } {
  const i = levelIndex(a, level);
  if (i < 0) return { fill: "#ffffff", text: "#1a1a1a" };
  const steps = LEVEL_COLORS.length - 1;
  const j = a.levels.length <= 1 ? steps : Math.round((i * steps) / (a.levels.length - 1));
  const color = LEVEL_COLORS[j]!;
  return { fill: color, text: j === 0 || j === steps ? "#ffffff" : "#1a1a1a" };
}

function open(
  width: number,
  height: number,
  cls: string,
  title: string,
  desc: string,
  id: string,
): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${cls}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>`
  );
}

/** Splits a label into at most `lines` lines of about `chars` characters. */
export function wrap(text: string, chars: number, lines = 2): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && [...`${line} ${word}`].length > chars) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length > lines) {
    const kept = out.slice(0, lines);
    kept[lines - 1] = `${kept[lines - 1]}…`;
    return kept;
  }
  return out;
}

function textLines(lines: readonly string[], x: number, y: number, attrs: string, lh = 14): string {
  return lines
    .map((l, i) => `<text x="${n2(x)}" y="${n2(y + i * lh)}" ${attrs}>${esc(l)}</text>`)
    .join("");
}

/** Departments (and the administration) × dimensions, coloured by level, values written in. */
export function heatmapSvg(a: Assessment, lang: Lang): string {
  const L = labels(lang);
  const dims = rootDimensions(a);
  const units = tableUnits(a);
  const labelW = 230;
  const cw = 96;
  const ch = 30;
  const headH = 58;
  const cols = dims.length + 1;
  const width = labelW + cols * cw + 2;
  const height = headH + units.length * ch + 2;
  const parts: string[] = [
    open(width, height, "chart heatmap", L.heatmap, L.heatmapDesc, "heatmap"),
  ];
  const heads = [...dims.map((d) => pick(d.name, lang)), L.overall];
  heads.forEach((h, j) => {
    parts.push(
      textLines(
        wrap(h, 14, 3),
        labelW + j * cw + cw / 2,
        16,
        'text-anchor="middle" class="col-head"',
      ),
    );
  });
  units.forEach((u, i) => {
    const y = headH + i * ch;
    const admin = u.kind === "administration";
    parts.push(
      `<text x="${labelW - 8}" y="${n2(y + ch / 2 + 5)}" text-anchor="end" class="row-head${admin ? " admin" : ""}">${esc(wrap(unitName(u, lang), 32, 1)[0] ?? "")}</text>`,
    );
    if (u.suppressed) {
      parts.push(
        `<rect class="heat-suppressed" x="${labelW}" y="${y}" width="${cols * cw}" height="${ch - 2}" fill="#ececec"/>` +
          `<text x="${n2(labelW + (cols * cw) / 2)}" y="${n2(y + ch / 2 + 4)}" text-anchor="middle" class="muted">${esc(L.suppressed)}</text>`,
      );
      return;
    }
    const values = [
      ...dims.map((d) => {
        const r = dimResult(u, d.id);
        return r?.suppressed
          ? "suppressed"
          : hasScore(r)
            ? { mean: r.mean, level: r.level }
            : undefined;
      }),
      u.overall.score === null ? undefined : { mean: u.overall.score, level: u.overall.level },
    ];
    values.forEach((v, j) => {
      const x = labelW + j * cw;
      if (v === "suppressed" || v === undefined) {
        parts.push(
          `<rect class="heat-${v === undefined ? "empty" : "suppressed"}" x="${x}" y="${y}" width="${cw - 2}" height="${ch - 2}" fill="#ececec"/>` +
            `<text x="${n2(x + cw / 2)}" y="${n2(y + ch / 2 + 4)}" text-anchor="middle" class="muted">${esc(v === undefined ? "–" : L.suppressed)}</text>`,
        );
        return;
      }
      const col = levelColor(a, v.level);
      parts.push(
        `<rect class="heat-cell" data-level="${esc(v.level ?? "")}" x="${x}" y="${y}" width="${cw - 2}" height="${ch - 2}" fill="${col.fill}" stroke="#bdbdbd" stroke-width="0.5"/>` +
          `<text x="${n2(x + cw / 2)}" y="${n2(y + ch / 2 + 4)}" text-anchor="middle" fill="${col.text}"${admin || j === cols - 1 ? ' font-weight="600"' : ""}>${esc(`${fmt(v.mean, 1, lang)} ${v.level ?? ""}`)}</text>`,
      );
    });
  });
  parts.push("</svg>");
  return parts.join("\n");
}

/** Level swatches with names and thresholds. */
export function levelLegendSvg(a: Assessment, lang: Lang): string {
  const L = labels(lang);
  const w = 150;
  const width = a.levels.length * w;
  const parts = [
    open(
      width,
      40,
      "chart legend",
      `${L.legend}: ${L.level}`,
      a.levels.map((l) => levelLabel(a, l.id, lang)).join(", "),
      "legend",
    ),
  ];
  a.levels.forEach((l, i) => {
    const c = levelColor(a, l.id);
    parts.push(
      `<rect x="${i * w}" y="4" width="18" height="18" fill="${c.fill}" stroke="#7a7a7a" stroke-width="0.5"/>` +
        `<text x="${i * w + 24}" y="17">${esc(levelLabel(a, l.id, lang))}</text>` +
        `<text x="${i * w + 24}" y="33" class="muted">≥ ${esc(fmt(l.min, 0, lang))}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}

function point(cx: number, cy: number, r: number, i: number, count: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
  return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
}

function polygon(
  values: readonly number[],
  cx: number,
  cy: number,
  radius: number,
  attrs: string,
): string {
  const pts = values.map((v, i) =>
    point(cx, cy, (radius * Math.max(0, Math.min(100, v))) / 100, i, values.length),
  );
  return `<polygon points="${pts.map(([x, y]) => `${n2(x)},${n2(y)}`).join(" ")}" ${attrs}/>`;
}

/** Radar of a unit's dimension means against the administration and the target (root dimensions). */
export function radarSvg(a: Assessment, unit: Unit, lang: Lang): string {
  const L = labels(lang);
  const dims = rootDimensions(a);
  if (dims.length < 3) return "";
  const size = 420;
  const wide = 600;
  const cx = wide / 2;
  const cy = size / 2 + 4;
  const radius = 130;
  const name = unitName(unit, lang);
  const id = `radar-${unit.kind === "administration" ? "administration" : `d-${unit.id.replace(/[^A-Za-z0-9_-]/g, "_")}`}`;
  const parts = [
    open(
      size,
      size + 40,
      "chart radar",
      `${L.radar}: ${name}`,
      fill(L.radarDesc, { unit: name }),
      id,
    ),
  ];
  const rings = [...a.levels.map((l) => l.min).filter((m) => m > 0), 100];
  for (const r of rings)
    parts.push(
      polygon(
        dims.map(() => r),
        cx,
        cy,
        radius,
        'class="radar-grid" fill="none" stroke="#d0d0d0" stroke-width="1"',
      ),
    );
  dims.forEach((d, i) => {
    const [x, y] = point(cx, cy, radius, i, dims.length);
    parts.push(
      `<line x1="${n2(cx)}" y1="${n2(cy)}" x2="${n2(x)}" y2="${n2(y)}" stroke="#d0d0d0" stroke-width="1"/>`,
    );
    const [lx, ly] = point(cx, cy, radius + 18, i, dims.length);
    const anchor = Math.abs(lx - cx) < 8 ? "middle" : lx > cx ? "start" : "end";
    const lines = wrap(pick(d.name, lang), 18);
    const dy = ly < cy - 8 ? -(lines.length - 1) * 13 : ly > cy + 8 ? 10 : 4;
    parts.push(textLines(lines, lx, ly + dy, `text-anchor="${anchor}" class="axis"`, 13));
  });
  const rowOf = (u: Unit) => dims.map((d) => dimResult(u, d.id));
  const targets = rowOf(unit).map((r) => r?.targetScore);
  if (targets.every((t) => t !== undefined))
    parts.push(
      polygon(
        targets as number[],
        cx,
        cy,
        radius,
        'class="radar-target" fill="none" stroke="#1a1a1a" stroke-width="1.5" stroke-dasharray="2 3"',
      ),
    );
  if (unit.kind !== "administration") {
    const adm = rowOf(a.administration);
    if (adm.every(hasScore))
      parts.push(
        polygon(
          adm.map((r) => r!.mean!),
          cx,
          cy,
          radius,
          'class="radar-admin" fill="none" stroke="#7b3294" stroke-width="2" stroke-dasharray="6 4"',
        ),
      );
  }
  const mine = rowOf(unit);
  if (mine.every(hasScore))
    parts.push(
      polygon(
        mine.map((r) => r!.mean!),
        cx,
        cy,
        radius,
        'class="radar-unit" fill="#0571b0" fill-opacity="0.18" stroke="#0571b0" stroke-width="2.5"',
      ),
    );
  // Legend.
  const ly = size + 18;
  const legend: [string, string][] = [
    [name, 'stroke="#0571b0" stroke-width="2.5"'],
    ...(unit.kind !== "administration"
      ? ([[L.administration, 'stroke="#7b3294" stroke-width="2" stroke-dasharray="6 4"']] as [
          string,
          string,
        ][])
      : []),
    [L.target, 'stroke="#1a1a1a" stroke-width="1.5" stroke-dasharray="2 3"'],
  ];
  let x = 10;
  for (const [label, stroke] of legend) {
    const short = wrap(label, 26, 1)[0] ?? "";
    parts.push(
      `<line x1="${x}" y1="${ly}" x2="${x + 24}" y2="${ly}" ${stroke}/><text x="${x + 30}" y="${ly + 4}" class="legend">${esc(short)}</text>`,
    );
    x += 40 + [...short].length * 7;
  }
  parts.push("</svg>");
  return parts.join("\n");
}

const NEG = ["#b2182b", "#d6604d", "#f4a582"] as const;
const POS = ["#92c5de", "#4393c3", "#2166ac"] as const;
const NEUTRAL = "#d9d9d9";

function ramp(colors: readonly string[], m: number): string[] {
  if (m === 1) return [colors[1]!];
  return Array.from(
    { length: m },
    (_, i) => colors[Math.round((i * (colors.length - 1)) / (m - 1))]!,
  );
}

/** Colours of k ordered options: negatives dark→light, neutral grey, positives light→dark. */
export function divergingColors(k: number): string[] {
  const m = Math.floor(k / 2);
  return [...ramp(NEG, m), ...(k % 2 ? [NEUTRAL] : []), ...ramp(POS, m)];
}

export interface Bar {
  readonly label: string;
  /** Counts in option order (worst to best). */
  readonly counts: readonly number[];
  readonly dontKnow: number;
  readonly notApplicable: number;
}

/** The bars of an item: one for likert / yes-no / single, one per row for grids. */
export function itemBars(
  info: ItemInfo,
  r: ItemResult,
  lang: Lang,
): { options: string[]; bars: Bar[] } | undefined {
  const scored = info.options.filter((o) => !o.missing);
  if (scored.length < 2 || !["likert", "yesno", "single", "grid"].includes(info.type))
    return undefined;
  const options = scored.map((o) => pick(o.label, lang) || o.code);
  if (info.type === "grid" && info.rows) {
    return {
      options,
      bars: info.rows.map((row) => ({
        label: pick(row.text, lang),
        counts: scored.map((o) => r.counts[`${row.id}:${o.code}`] ?? 0),
        dontKnow: info.options
          .filter((o) => o.missing === "dont_know")
          .reduce((s, o) => s + (r.counts[`${row.id}:${o.code}`] ?? 0), 0),
        notApplicable: info.options
          .filter((o) => o.missing === "not_applicable")
          .reduce((s, o) => s + (r.counts[`${row.id}:${o.code}`] ?? 0), 0),
      })),
    };
  }
  return {
    options,
    bars: [
      {
        label: "",
        counts: scored.map((o) => r.counts[o.code] ?? 0),
        dontKnow: r.dontKnow,
        notApplicable: r.notApplicable,
      },
    ],
  };
}

/** Diverging stacked bars of one item's answers, with don't know / not applicable apart. */
export function distributionSvg(info: ItemInfo, r: ItemResult, lang: Lang): string {
  const L = labels(lang);
  const spec = itemBars(info, r, lang);
  if (!spec) return "";
  const k = spec.options.length;
  const colors = divergingColors(k);
  const m = Math.floor(k / 2);
  const half = 220;
  const labelW = info.type === "grid" ? 200 : 0;
  const center = labelW + 10 + half;
  const barH = 20;
  const rowH = 28;
  const apartX = center + half + 24;
  const width = apartX + 190;
  const legendH = 22;
  const legendRows = legendRowCount(spec.options, width - labelW - 10);
  const height = spec.bars.length * rowH + legendH + (legendRows - 1) * 18 + 8;
  const text = pick(info.text, lang);
  const idSafe = `dist-${info.id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const parts = [
    open(
      width,
      height,
      "chart distribution",
      `${info.id}: ${text}`,
      fill(L.distributionDesc, { item: info.id }),
      idSafe,
    ),
  ];
  parts.push(
    `<line x1="${center}" y1="0" x2="${center}" y2="${spec.bars.length * rowH}" stroke="#7a7a7a" stroke-width="1"/>`,
  );
  spec.bars.forEach((b, i) => {
    const y = i * rowH + 4;
    const total = b.counts.reduce((s, c) => s + c, 0);
    if (labelW)
      parts.push(
        `<text x="${labelW}" y="${y + 14}" text-anchor="end" class="axis">${esc(wrap(b.label, 30, 1)[0] ?? "")}</text>`,
      );
    if (total > 0) {
      const share = b.counts.map((c) => c / total);
      const neutral = k % 2 ? share[m]! : 0;
      let x = center - half * (share.slice(0, m).reduce((s, v) => s + v, 0) + neutral / 2);
      share.forEach((s, j) => {
        const w = half * s;
        if (w > 0) {
          parts.push(
            `<rect class="dist-seg" x="${n2(x)}" y="${y}" width="${n2(w)}" height="${barH}" fill="${colors[j]}"><title>${esc(`${spec.options[j]}: ${fmtInt(b.counts[j]!, lang)} (${fmt(s * 100, 0, lang)} %)`)}</title></rect>`,
          );
          if (w >= 26)
            parts.push(
              `<text x="${n2(x + w / 2)}" y="${y + 14}" text-anchor="middle" class="seg" fill="${j === 0 || j === k - 1 ? "#ffffff" : "#1a1a1a"}">${esc(fmt(s * 100, 0, lang))}</text>`,
            );
        }
        x += w;
      });
    }
    const apart = `${L.dontKnow} ${fmtInt(b.dontKnow, lang)} · ${L.notApplicable} ${fmtInt(b.notApplicable, lang)}`;
    parts.push(`<text x="${apartX}" y="${y + 14}" class="muted apart">${esc(apart)}</text>`);
  });
  // Legend of the options, wrapped onto rows.
  let x = labelW + 10;
  let ly = spec.bars.length * rowH + 14;
  spec.options.forEach((o, j) => {
    const short = wrap(o, 28, 1)[0] ?? "";
    const w = 24 + [...short].length * 6.2;
    if (x + w > width && x > labelW + 10) {
      x = labelW + 10;
      ly += 18;
    }
    parts.push(
      `<rect x="${n2(x)}" y="${ly - 9}" width="10" height="10" fill="${colors[j]}" stroke="#7a7a7a" stroke-width="0.5"/><text x="${n2(x + 14)}" y="${ly}" class="legend">${esc(short)}</text>`,
    );
    x += w;
  });
  parts.push("</svg>");
  return parts.join("\n");
}

function legendRowCount(options: readonly string[], avail: number): number {
  let rows = 1;
  let x = 0;
  for (const o of options) {
    const w = 24 + [...(wrap(o, 28, 1)[0] ?? "")].length * 6.2;
    if (x + w > avail && x > 0) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}
