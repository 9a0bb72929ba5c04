// `run` inside an assessment folder: the answers go to the project's interviews/answers.csv (an
// input of reifegrad.yaml) and the sessions to its .reifegrad/sessions, from any subfolder.
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { interview, type RunOptions } from "../../src/cli/commands/run.js";
import type { CliContext } from "../../src/cli/context.js";
import { FakePrompter, FIXTURES, type Scripted } from "./helpers.js";

async function project(inputs: string, settings = "") {
  const dir = await mkdtemp(join(tmpdir(), "run-project-"));
  await cp(FIXTURES, join(dir, "q"), { recursive: true });
  await writeFile(
    join(dir, "reifegrad.yaml"),
    `format: 1\nquestionnaires: [q]\ninputs:\n${inputs}${settings}`,
  );
  await mkdir(join(dir, "notes"));
  let err = "";
  let out = "";
  const ctx: CliContext = {
    cwd: join(dir, "notes"),
    env: {},
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    color: new Chalk({ level: 0 }),
    colorErr: new Chalk({ level: 0 }),
    stdoutIsTTY: true,
    stderrIsTTY: true,
    stdinIsTTY: true,
  };
  const run = async (o: Partial<RunOptions>, script: Scripted[]) => {
    err = "";
    out = "";
    const prompter = new FakePrompter(script);
    const code = await interview(
      ctx,
      { lang: "de", sessions: ".reifegrad/sessions", ...o },
      prompter,
    );
    return { code, err, out, prompter };
  };
  return { dir, run };
}

const AMT_INTERVIEW: Scripted[] = [
  { select: "4" },
  { select: "no" },
  { input: "2,5" },
  { select: "full" },
  { checkbox: ["app"] },
  { select: "3" },
  { select: "3" },
  { input: "" },
];

describe("reifegrad run in an assessment folder", () => {
  it("a unit the project lists is interviewed with the core even when its id is near a department's", async () => {
    const inputs = "  - { path: interviews/answers.csv, optional: true }\n";
    const { dir, run } = await project(
      inputs,
      "departments:\n  - { id: amts, method: interview }\n",
    );
    const r = await run({ department: "amts", group: "management", respondent: "r-9" }, [
      { select: "5" },
      { select: "yes" },
      { select: "5" },
      { select: "4" },
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain("„amts“ hat keinen eigenen Fragebogen");
    expect(await readFile(join(dir, "interviews/answers.csv"), "utf8")).toMatch(
      /^r-9,amts,management,/m,
    );
  });

  it("adds the interview to interviews/answers.csv and says `reifegrad score` reads it", async () => {
    const { dir, run } = await project(
      "  - { path: exports/*.csv, optional: true }\n  - { path: interviews/answers.csv, optional: true }\n",
    );
    const r = await run({ department: "amt", group: "staff", respondent: "r-1" }, AMT_INTERVIEW);
    expect(r.code).toBe(0);
    expect(r.err).toContain("Antworten gespeichert in ../interviews/answers.csv (jetzt 1 Zeile).");
    expect(r.err).toContain("Auswerten mit: reifegrad score\n");
    expect(r.err).not.toContain("Warnung");
    expect(await readFile(join(dir, "interviews/answers.csv"), "utf8")).toMatch(/^r-1,amt,staff,/m);
    expect(await readdir(join(dir, ".reifegrad/sessions"))).toEqual([]);
  });

  it("the result at the end uses the project's minimum coverage, as its report will", async () => {
    // Grundlagen: b_strategy "weiß nicht", b_efile "nein" (b_efile_use skipped): 1 of 2 answered.
    const script: Scripted[] = [{ select: "dk" }, ...AMT_INTERVIEW.slice(1)];
    const inputs = "  - { path: interviews/answers.csv, optional: true }\n";
    const who = { department: "amt", group: "staff", respondent: "r-3" };
    const strict = await project(inputs, "settings:\n  minCoverage: 0.6\n");
    const shown = (await strict.run(who, script)).out;
    expect(shown).toMatch(/Grundlagen +– zu wenige Antworten/);
    expect(shown).toMatch(/Gesamt +– +braucht einen Wert in jeder Dimension/);
    const plain = await project(inputs);
    expect((await plain.run(who, script)).out).toMatch(/Grundlagen +0 +\S/);
  });

  it("interrupted sessions are kept in the project's .reifegrad/sessions", async () => {
    const { dir, run } = await project("  - { path: interviews/answers.csv, optional: true }\n");
    const r = await run({ department: "amt", group: "staff", respondent: "r-2" }, [
      { select: "4" },
      { ctrlC: true },
    ]).catch((e: Error) => ({ code: -1, err: e.message }));
    expect(r.code).not.toBe(0);
    expect((await readdir(join(dir, ".reifegrad/sessions"))).length).toBe(1);
  });

  it("warns when no input of reifegrad.yaml reads the answers file", async () => {
    const { run } = await project("  - { path: exports/*.csv }\n");
    const r = await run({ department: "amt", group: "staff", respondent: "r-3" }, AMT_INTERVIEW);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Warnung: \.\.\/interviews\/answers\.csv ist kein Input von/);
    expect(r.err).toContain("Auswerten mit: reifegrad score ../interviews/answers.csv");
  });
});

describe("reifegrad run: respondent ids are pseudonyms", () => {
  it("generates one by default and refuses a typed name or e-mail address", async () => {
    const { dir, run } = await project("  - { path: interviews/answers.csv, optional: true }\n");
    const r = await run({ department: "amt", group: "staff" }, [
      { input: "" }, // Enter: the generated pseudonym
      ...AMT_INTERVIEW,
    ]);
    expect(r.code).toBe(0);
    const asked = r.prompter.asked[0]!;
    expect(asked.message).toMatch(/Pseudonym/);
    expect(asked.default).toMatch(/^anon-[a-z0-9]{4}-[a-z0-9]{4}$/);
    const csv = await readFile(join(dir, "interviews/answers.csv"), "utf8");
    expect(csv.split("\n")[1]).toMatch(/^anon-[a-z0-9]{4}-[a-z0-9]{4},amt,staff,/);

    await expect(
      run({ department: "amt", group: "staff" }, [{ input: "Max Mustermann" }]),
    ).rejects.toThrow(/„Max Mustermann“ sieht nach einem Namen aus/);
    await expect(
      run({ department: "amt", group: "staff", lang: "en" }, [{ input: "max@stadt.de" }]),
    ).rejects.toThrow(/"max@stadt\.de" is an e-mail address/);
  });

  it("refuses --respondent with a name before asking anything (exit 2)", async () => {
    const { run } = await project("  - { path: interviews/answers.csv, optional: true }\n");
    const err = await run({ respondent: "jana.mueller@stadt.de" }, []).catch((e) => e);
    expect(err.exitCode).toBe(2);
    // A CLI error: said in the locale's language (main.ts picks it), whatever the interview's.
    expect(err.say("de")).toMatch(
      /^--respondent: „jana\.mueller@stadt\.de“ ist eine E-Mail-Adresse/,
    );
    expect(err.say("en")).toMatch(/^--respondent: "jana\.mueller@stadt\.de" is an e-mail address/);
  });
});
