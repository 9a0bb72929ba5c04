// Pure SVG charts for the HTML report: heatmap, radar, diverging stacked bars, level legend.
// Every chart has <title> and <desc>, text is escaped, coordinates use fixed decimals, and colour
// never carries information alone (values and labels are written out).
import type { Assessment, ItemInfo, ItemResult, Unit } from "../scoring/assessment.js";
import { fixed, fmt, fmtInt, fmtPct, fmtSigned, type Lang, pick } from "./format.js";
import { fill, labels } from "./labels.js";
import {
  dimResult,
  hasScore,
  levelIndex,
  levelLabel,
  rootDimensions,
  suppressedItemNote,
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

/**
 * Splits a long word to fit `chars`: after a joining "s" of a German compound where there is one
 * ("Informations-sicherheit"), else at the limit; always with a hyphen.
 */
function splitWord(word: string, chars: number): string[] {
  const w = [...word];
  if (w.length <= chars) return [word];
  let at = -1;
  for (let i = Math.min(chars - 1, w.length - 3); i >= 4; i--)
    if (w[i - 1] === "s" && /\p{Ll}/u.test(w[i] ?? "") && /[nt]/.test(w[i - 2] ?? "")) {
      at = i;
      break;
    }
  if (at < 0) at = chars - 1;
  return [`${w.slice(0, at).join("")}-`, ...splitWord(w.slice(at).join(""), chars)];
}

/**
 * Soft hyphens (U+00AD) at the joints of long German compounds ("Informations­sicherheit"),
 * so that narrow table headers can break there; other words stay whole.
 */
export function softHyphens(text: string, chars = 12): string {
  return text
    .split(" ")
    .map((word) => {
      const w = [...word];
      if (w.length <= chars) return word;
      let out = "";
      w.forEach((c, i) => {
        const joint =
          i >= 5 &&
          i <= w.length - 4 &&
          w[i - 1] === "s" &&
          /[nt]/.test(w[i - 2] ?? "") &&
          /\p{Ll}/u.test(c);
        out += (joint ? "\u00ad" : "") + c;
      });
      return out;
    })
    .join(" ");
}

/** Splits a label into at most `lines` lines of about `chars` characters. */
export function wrap(text: string, chars: number, lines = 2): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).flatMap((x) => splitWord(x, chars))) {
    if (line && [...`${line} ${word}`].length > chars) {
      out.push(line);
      line = word;
    } else line = line ? `${line}${line.endsWith("-") ? "" : " "}${word}` : word;
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
  const labelW = 210;
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
        wrap(h, 15, 3),
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
      `<text x="${labelW - 8}" y="${n2(y + ch / 2 + 5)}" text-anchor="end" class="row-head${admin ? " admin" : ""}">${esc(wrap(unitName(u, lang), 30, 1)[0] ?? "")}</text>`,
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
  // The whole drawing, labels and legend included, lies inside the viewBox (width × height).
  const width = 600;
  const radius = 150;
  const cx = width / 2;
  const cy = radius + 56;
  const name = unitName(unit, lang);
  const admin = unit.kind === "administration";
  const legend: [string, string][] = [
    [name, 'stroke="#0b5a8f" stroke-width="2.5"'],
    ...(admin
      ? []
      : ([[L.administration, 'stroke="#7b3294" stroke-width="2" stroke-dasharray="6 4"']] as [
          string,
          string,
        ][])),
    [L.target, 'stroke="#1a1a1a" stroke-width="1.5" stroke-dasharray="2 3"'],
  ];
  const legendY = cy + radius + 58;
  const height = legendY + legend.length * 18;
  const id = `radar-${admin ? "administration" : `d-${unit.id.replace(/[^A-Za-z0-9_-]/g, "_")}`}`;
  const parts = [
    open(
      width,
      height,
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
        'class="radar-grid" fill="none" stroke="#c8c8c8" stroke-width="1"',
      ),
    );
  dims.forEach((d, i) => {
    const [x, y] = point(cx, cy, radius, i, dims.length);
    parts.push(
      `<line x1="${n2(cx)}" y1="${n2(cy)}" x2="${n2(x)}" y2="${n2(y)}" stroke="#c8c8c8" stroke-width="1"/>`,
    );
    const [lx, ly] = point(cx, cy, radius + 14, i, dims.length);
    const anchor = Math.abs(lx - cx) < 8 ? "middle" : lx > cx ? "start" : "end";
    const lines = wrap(pick(d.name, lang), 20, 3);
    const dy = ly < cy - 8 ? -(lines.length - 1) * 14 - 2 : ly > cy + 8 ? 12 : 4;
    parts.push(textLines(lines, lx, ly + dy, `text-anchor="${anchor}" class="axis"`, 14));
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
  if (!admin) {
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
        'class="radar-unit" fill="#0b5a8f" fill-opacity="0.15" stroke="#0b5a8f" stroke-width="2.5"',
      ),
    );
  legend.forEach(([label, stroke], i) => {
    const y = legendY + i * 18;
    const short = wrap(label, 60, 1)[0] ?? "";
    parts.push(
      `<line x1="20" y1="${y}" x2="48" y2="${y}" ${stroke}/><text x="56" y="${y + 4}" class="legend">${esc(short)}</text>`,
    );
  });
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

/** Dark segments carry white text; the others the ink colour (contrast ≥ 4.5:1 either way). */
const DARK = new Set<string>([NEG[0], POS[2]]);

/** The text colour on a bar segment of the given fill. */
export function segmentTextColor(fill: string): string {
  return DARK.has(fill) ? "#ffffff" : "#1a1a1a";
}

interface BarRow {
  readonly label: readonly string[];
  /** Item id on its first row (the anchor of the row); none for a suppressed item. */
  readonly id?: string;
  readonly bar?: Bar;
  /** Shown instead of a bar (a suppressed item). */
  readonly note?: string;
}

/**
 * Diverging stacked bars of the answers to items on one scale: shares of the scored answers,
 * negative options left of the centre, n and the shares of don't know / not applicable beside.
 */
export function distributionSvg(
  a: Assessment,
  dimension: string,
  items: readonly { readonly info: ItemInfo; readonly result: ItemResult }[],
  lang: Lang,
): string {
  const L = labels(lang);
  const first = items.find((x) => !x.result.suppressed) ?? items[0];
  if (!first) return "";
  const spec = itemBars(first.info, first.result, lang);
  if (!spec) return "";
  const options = spec.options;
  const k = options.length;
  const colors = divergingColors(k);
  const m = Math.floor(k / 2);
  const width = 960;
  const labelW = 320;
  const half = 220;
  const center = labelW + 20 + half;
  const apartX = center + half + 16;
  const barH = 20;
  const rows: BarRow[] = [];
  for (const { info, result } of items) {
    const reverse = info.reverse ? ` (${L.reverseScored})` : "";
    const head = wrap(`${info.id} ${pick(info.text, lang)}${reverse}`, 46, 2);
    if (result.suppressed) {
      rows.push({ label: head, note: suppressedItemNote(a, result.suppressed, lang) });
      continue;
    }
    const bars = itemBars(info, result, lang)?.bars ?? [];
    if (info.type === "grid") {
      rows.push({ label: head, id: info.id });
      for (const b of bars) rows.push({ label: wrap(b.label, 44, 2), bar: b });
    } else if (bars[0]) rows.push({ label: head, id: info.id, bar: bars[0] });
  }
  // Legend on top, wrapped onto rows.
  const legendItems = options.map((o) => wrap(o, 28, 1)[0] ?? "");
  const legendRows: { x: number; row: number }[] = [];
  let lx = labelW + 20;
  let lrow = 0;
  for (const t of legendItems) {
    const w = 22 + [...t].length * 6.4;
    if (lx + w > width && lx > labelW + 20) {
      lx = labelW + 20;
      lrow++;
    }
    legendRows.push({ x: lx, row: lrow });
    lx += w;
  }
  const top = (lrow + 1) * 18 + 10;
  const rowH = (r: BarRow) => Math.max(28, r.label.length * 13 + 4);
  const height = top + rows.reduce((s, r) => s + rowH(r), 0) + 4;
  const dimName = pick(a.dimensions.find((d) => d.id === dimension)?.name, lang) || dimension;
  const idSafe = `dist-${dimension.replace(/[^A-Za-z0-9_-]/g, "_")}-${items[0]!.info.id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const parts = [
    open(
      width,
      height,
      "chart distribution",
      `${L.answersAdministration}: ${dimName}`,
      fill(L.distributionDesc, { item: items.map((x) => x.info.id).join(", ") }),
      idSafe,
    ),
  ];
  legendItems.forEach((t, j) => {
    const { x, row } = legendRows[j]!;
    const y = 14 + row * 18;
    parts.push(
      `<rect x="${n2(x)}" y="${y - 10}" width="12" height="12" fill="${colors[j]}" stroke="#6b6b6b" stroke-width="0.5"/><text x="${n2(x + 16)}" y="${y}" class="legend">${esc(t)}</text>`,
    );
  });
  let y = top;
  for (const r of rows) {
    const h = rowH(r);
    const g: string[] = [];
    g.push(textLines(r.label, labelW, y + 14, 'text-anchor="end" class="axis"', 13));
    if (r.note) {
      g.push(`<text x="${center - half}" y="${y + 14}" class="muted">${esc(r.note)}</text>`);
    } else if (r.bar) {
      const b = r.bar;
      const n = b.counts.reduce((s, c) => s + c, 0);
      const asked = n + b.dontKnow + b.notApplicable;
      const by = y + 2;
      g.push(
        `<line x1="${center}" y1="${by - 2}" x2="${center}" y2="${by + barH + 2}" stroke="#6b6b6b" stroke-width="1"/>`,
      );
      if (n > 0) {
        const share = b.counts.map((c) => c / n);
        const neutral = k % 2 ? share[m]! : 0;
        let x = center - half * (share.slice(0, m).reduce((s, v) => s + v, 0) + neutral / 2);
        share.forEach((s, j) => {
          const w = half * s;
          if (w > 0) {
            g.push(
              `<rect class="dist-seg" x="${n2(x)}" y="${by}" width="${n2(w)}" height="${barH}" fill="${colors[j]}"><title>${esc(`${options[j]}: ${fmtPct(s, 0, lang)} (${fmtInt(b.counts[j]!, lang)})`)}</title></rect>`,
            );
            if (w >= 22)
              g.push(
                `<text x="${n2(x + w / 2)}" y="${by + 14}" text-anchor="middle" class="seg" fill="${segmentTextColor(colors[j]!)}">${esc(fmt(s * 100, 0, lang))}</text>`,
              );
          }
          x += w;
        });
      }
      const pct = (c: number) => (asked > 0 ? fmtPct(c / asked, 0, lang) : "–");
      g.push(
        `<text x="${apartX}" y="${by + 9}" class="muted apart">${esc(`n = ${fmtInt(n, lang)} · ${L.dontKnow} ${pct(b.dontKnow)}`)}</text>` +
          `<text x="${apartX}" y="${by + 22}" class="muted apart">${esc(`${L.notApplicable} ${pct(b.notApplicable)}`)}</text>`,
      );
    }
    const cls = r.note ? "dist-suppressed" : "dist-row";
    parts.push(`<g class="${cls}"${r.id ? ` id="dist-${esc(r.id)}"` : ""}>${g.join("")}</g>`);
    y += h;
  }
  parts.push("</svg>");
  return parts.join("\n");
}

/** Self-image against the outside view: per dimension and outside group, the two means on 0–100. */
export function outsideViewSvg(a: Assessment, lang: Lang): string {
  const L = labels(lang);
  const rows = a.comparisons;
  if (rows.length === 0) return "";
  const groupName = (id: string) => {
    const g = a.groups.find((x) => x.id === id);
    return g ? unitName(g, lang) : id;
  };
  const width = 760;
  const labelW = 280;
  const x0 = labelW + 20;
  const x1 = width - 40;
  const scale = (v: number) => x0 + ((x1 - x0) * Math.max(0, Math.min(100, v))) / 100;
  const rowH = 34;
  const top = 46;
  const height = top + rows.length * rowH + 8;
  const INTERNAL = "#0b5a8f";
  const EXTERNAL = "#b35806";
  const parts = [
    open(
      width,
      height,
      "chart outside-view",
      L.selfVsOutside,
      `${L.internal} ● / ${L.external} ■, ${L.score}`,
      "outside-view",
    ),
  ];
  // Legend and axis.
  parts.push(
    `<circle cx="${x0 + 6}" cy="12" r="6" fill="${INTERNAL}"/><text x="${x0 + 18}" y="16" class="legend">${esc(L.internal)}</text>` +
      `<rect x="${x0 + 240}" y="6" width="12" height="12" fill="${EXTERNAL}"/><text x="${x0 + 258}" y="16" class="legend">${esc(L.external)}</text>`,
  );
  for (const v of [0, 20, 40, 60, 80, 100]) {
    const x = scale(v);
    parts.push(
      `<line x1="${n2(x)}" y1="${top - 8}" x2="${n2(x)}" y2="${top + rows.length * rowH - 6}" stroke="#d0d0d0" stroke-width="1"/>` +
        `<text x="${n2(x)}" y="${top - 12}" text-anchor="middle" class="muted axis">${v}</text>`,
    );
  }
  rows.forEach((c, i) => {
    const y = top + i * rowH + 8;
    const label = wrap(
      `${pick(a.dimensions.find((d) => d.id === c.dimension)?.name, lang) || c.dimension} – ${groupName(c.external.group)}`,
      44,
      2,
    );
    parts.push(
      textLines(
        label,
        labelW,
        y + (label.length > 1 ? -2 : 4),
        'text-anchor="end" class="axis"',
        13,
      ),
    );
    const xi = scale(c.internal.mean);
    const xe = scale(c.external.mean);
    parts.push(
      `<line x1="${n2(xi)}" y1="${y}" x2="${n2(xe)}" y2="${y}" stroke="#6b6b6b" stroke-width="2"/>` +
        `<circle cx="${n2(xi)}" cy="${y}" r="6" fill="${INTERNAL}"><title>${esc(`${L.internal}: ${fmt(c.internal.mean, 1, lang)} (n = ${fmtInt(c.internal.n, lang)})`)}</title></circle>` +
        `<rect x="${n2(xe - 6)}" y="${y - 6}" width="12" height="12" fill="${EXTERNAL}"><title>${esc(`${groupName(c.external.group)}: ${fmt(c.external.mean, 1, lang)} (n = ${fmtInt(c.external.n, lang)})`)}</title></rect>`,
    );
    // The difference beside the right-hand marker.
    const right = Math.max(xi, xe);
    const diff = fmtSigned(c.difference, 1, lang);
    parts.push(
      right + 60 <= width
        ? `<text x="${n2(right + 12)}" y="${y + 4}" class="axis">${esc(diff)}</text>`
        : `<text x="${n2(Math.min(xi, xe) - 12)}" y="${y + 4}" text-anchor="end" class="axis">${esc(diff)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}
