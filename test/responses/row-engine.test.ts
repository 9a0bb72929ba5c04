// The row engine (assembly/row-engine.ts via src/responses/import/row-engine.ts) against the
// JavaScript line path it stands in for, on the import core without the CLI; and the splitter's
// side of the LineBlock protocol with a block written here.
import { describe, expect, it } from "vitest";
import { rng } from "../../scripts/mulberry32.mjs";
import { rowEngineModule } from "../../src/io/row-engine-module.js";
import { renderJson } from "../../src/report/json.js";
import { buildCatalog } from "../../src/responses/import/catalog.js";
import { planColumns } from "../../src/responses/import/columns.js";
import { FileImporter } from "../../src/responses/import/file-importer.js";
import { EMPTY_MAPPING } from "../../src/responses/import/mapping.js";
import { PRESETS } from "../../src/responses/import/presets/index.js";
import { ProblemLog } from "../../src/responses/import/problem-log.js";
import { ByteSplitter, type LineBlock, type RowView } from "../../src/responses/import/split.js";
import { DEFAULT_SETTINGS } from "../../src/scoring/assessment.js";
import { Scorer } from "../../src/scoring/score.js";
import { loadFixture } from "../scoring/helpers.js";

const questionnaires = loadFixture(
  "fixtures/scoring/engine/core.yaml",
  "fixtures/scoring/engine/departments/dx.yaml",
);
const ITEMS = ["a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "b4", "g1", "g2", "t1"];
const HEADER = ["respondent", "department", "group", ...ITEMS];

function csv(rows: number, seed: number, odd: (r: number, cells: string[]) => string[]): Buffer {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const lines = [HEADER.join(",")];
  for (let r = 0; r < rows; r++) {
    const cells = [
      `R${r}`,
      pick(["dx", "amt1"]),
      pick(["staff", "management"]),
      ...ITEMS.map((i) =>
        pick(
          i === "t1"
            ? ["", "gut", "sehr gut"]
            : i.startsWith("a")
              ? ["1", "2", "3", "5", "k", "n", ""]
              : ["1", "4", "k", ""],
        ),
      ),
    ];
    lines.push(odd(r, cells).join(","));
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

/** Scores `buf` through the importer as a read does; `engine`: offer the lines to the row engine. */
function score(buf: Buffer, engine: boolean) {
  const scorer = new Scorer(questionnaires, { settings: DEFAULT_SETTINGS });
  const catalog = buildCatalog(questionnaires);
  const plan = planColumns("t.csv", HEADER, PRESETS.reifegrad, catalog, EMPTY_MAPPING, {
    global: new Map(),
    byItem: new Map(),
  });
  const importer = new FileImporter(
    "t.csv",
    plan,
    catalog,
    EMPTY_MAPPING,
    {
      defaultGroup: "staff",
      includeIncomplete: false,
      allowUnknownDepartments: true,
      questionnaireFor: (d, g) => scorer.questionnaireFor(d, g),
      kernelFor: (d, g, has) => scorer.kernelFor(d, g, has),
    },
    new ProblemLog(),
  );
  let header = true;
  const hashes: number[] = [];
  // Rows taken before they are split (by addLine or the engine), and by addLine.
  let before = 0;
  let byLine = 0;
  const hooks = importer.lineHooks(
    (h) => {
      before++;
      hashes.push(h);
    },
    () => header,
    true,
    engine ? rowEngineModule() : undefined,
  );
  const fastLine = (b: Buffer, a: number, e: number, d: number) => {
    const took = hooks.fastLine(b, a, e, d);
    if (took) byLine++;
    return took;
  };
  const onRow = (row: RowView) => {
    if (header) {
      header = false;
      return;
    }
    hashes.push(importer.isIncomplete(row) ? Number.NaN : importer.respondentHash(row));
    if (importer.fast(row)) return;
    const outcome = importer.row(row);
    if (outcome.kind === "record") scorer.add(outcome.record);
  };
  const splitter = new ByteSplitter(",");
  const block = hooks.fastBlock;
  // Two chunks, cut mid-line, as the reader hands them over.
  const cut = Math.floor(buf.length / 2);
  const rest = splitter.split(buf, 0, cut, false, onRow, fastLine, block);
  const tail = Buffer.concat([buf.subarray(rest, cut), buf.subarray(cut)]);
  splitter.split(tail, 0, tail.length, true, onRow, fastLine, block);
  block?.release();
  const taken = before - byLine;
  return { json: renderJson(scorer.finish()), hashes, taken, lines: splitter.nextLine };
}

describe("row engine", () => {
  it("is built (npm run build)", () => {
    expect(rowEngineModule()).toBeDefined();
  });

  it("scores, counts and hashes as the JavaScript line path, chunk boundaries included", () => {
    // A label here and there, and free text with a blank in front (left to the row path).
    const buf = csv(12_000, 3, (r, c) =>
      r % 97 === 5 ? c.with(4, "ja") : r % 89 === 7 ? c.with(c.length - 1, " x") : c,
    );
    const js = score(buf, false);
    const wasm = score(buf, true);
    expect(wasm.taken).toBeGreaterThan(11_000);
    expect(wasm.json).toBe(js.json);
    expect(wasm.hashes).toEqual(js.hashes);
    expect(wasm.lines).toBe(js.lines);
  });

  it("declines quoted lines and lines of an unknown group: they go the JavaScript way", () => {
    const buf = csv(3000, 4, (r, c) =>
      r % 3 === 0 ? c.with(0, `"R${r}"`) : r % 3 === 1 ? c.with(2, "citizens") : c,
    );
    const js = score(buf, false);
    const wasm = score(buf, true);
    expect(wasm.taken).toBeGreaterThan(900);
    expect(wasm.taken).toBeLessThan(1100);
    expect(wasm.json).toBe(js.json);
    expect(wasm.hashes).toEqual(js.hashes);
  });
});

describe("ByteSplitter with a LineBlock", () => {
  /** A block that takes lines starting with "t" (at most `most` per call) and records them. */
  function fakeBlock(most: number) {
    const taken: string[] = [];
    const block: LineBlock & { calls: number } = {
      stop: 0,
      full: false,
      calls: 0,
      take(buf, from, to) {
        block.calls++;
        let pos = from;
        let n = 0;
        while (n < most) {
          const lf = buf.indexOf(10, pos);
          if (lf < 0 || lf >= to || buf[pos] !== 116) break;
          taken.push(buf.toString("utf8", pos, lf));
          pos = lf + 1;
          n++;
        }
        block.stop = pos;
        block.full = n === most;
        return n;
      },
      release() {},
    };
    return { block, taken };
  }

  it("gives the block what it takes, the sink the rest, with the right line numbers", () => {
    const text = "t1\nt2\nx3\nt4\n\nx6\nt7\nt8\nt9\nt10\nx11";
    const buf = Buffer.from(text);
    const { block, taken } = fakeBlock(2);
    const splitter = new ByteSplitter(",");
    const rows: string[] = [];
    splitter.split(
      buf,
      0,
      buf.length,
      true,
      (row) => rows.push(`${row.line}:${row.text(0)}`),
      undefined,
      block,
    );
    expect(taken).toEqual(["t1", "t2", "t4", "t7", "t8", "t9", "t10"]);
    expect(rows).toEqual(["3:x3", "6:x6", "11:x11"]);
    expect(splitter.nextLine).toBe(12);
  });

  it("backs off after the block declines at once: few offers on a file it cannot take", () => {
    const buf = Buffer.from(`${Array.from({ length: 1000 }, (_, i) => `x${i}`).join("\n")}\n`);
    const { block } = fakeBlock(100);
    const rows: number[] = [];
    new ByteSplitter(",").split(
      buf,
      0,
      buf.length,
      true,
      (row) => rows.push(row.line),
      undefined,
      block,
    );
    expect(rows).toHaveLength(1000);
    expect(rows[999]).toBe(1000);
    expect(block.calls).toBeLessThan(20);
  });
});
