// The run command end to end with a scripted Prompter: new interview, save and quit, resume after
// the questionnaire changed (dropped answers listed, confirmation asked), the appended row.
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { interview, type RunOptions } from "../../src/cli/commands/run.js";
import type { CliContext } from "../../src/cli/context.js";
import { FakePrompter, FIXTURES, type Scripted } from "./helpers.js";

async function workspace() {
  const cwd = await mkdtemp(join(tmpdir(), "run-cmd-"));
  await cp(FIXTURES, join(cwd, "q"), { recursive: true });
  let out = "";
  let err = "";
  const ctx: CliContext = {
    cwd,
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
  const options = (o: Partial<RunOptions>): RunOptions => ({
    lang: "de",
    sessions: ".reifegrad/sessions",
    questionnaires: "q",
    ...o,
  });
  const run = async (o: Partial<RunOptions>, script: Scripted[]) => {
    out = "";
    err = "";
    const prompter = new FakePrompter(script);
    const code = await interview(ctx, options(o), prompter);
    expect(prompter.remaining).toBe(0);
    return { code, out, err, prompter };
  };
  return { cwd, run };
}

describe("reifegrad run (scripted)", () => {
  it("resumes after the questionnaire changed: lists dropped answers, asks, re-asks the changed question", async () => {
    const { cwd, run } = await workspace();
    const first = await run({ department: "amt", group: "staff", respondent: "r-7" }, [
      { select: "4" },
      { select: "no" },
      { input: "2,5" },
      { select: "full" },
      { checkbox: ["app"] },
      { select: "Speichern und beenden" },
    ]);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(
      /Fortsetzen mit:\n {2}reifegrad run --resume [a-z0-9]{4}-[a-z0-9]{4} --questionnaires q\n/,
    );

    // Someone edits the questionnaire: the "full" choice gets a new code, b_strategy is removed.
    const amt = join(cwd, "q/amt.yaml");
    const text = await readFile(amt, "utf8");
    await writeFile(
      amt,
      text
        .replace("{ code: full,", "{ code: online,")
        .replace("items:\n", "remove: [b_strategy]\n\nitems:\n"),
    );

    const id = first.err.match(/--resume (\S+)/)![1]!;
    const declined = await run({ resume: true }, [{ select: id }, { confirm: false }]);
    expect(declined.err).toContain(
      "Der Fragebogen „amt“ hat sich seit Beginn dieses Interviews geändert.",
    );
    expect(declined.err).toContain('b_strategy = "4": Frage gibt es nicht mehr');
    expect(declined.err).toContain('s_portal = "full": Antwort passt nicht mehr');
    expect(declined.err).toContain("Sitzung unverändert.");

    const resumed = await run({ resume: id }, [
      { confirm: true },
      { select: "online" }, // s_portal asked again
      { checkbox: ["app"] }, // s_channels: the earlier answer is preselected
      { select: "3" },
      { select: "3" },
      { input: "" },
    ]);
    expect(resumed.code).toBe(0);
    expect(resumed.prompter.asked[1]?.message).toBe("Wie weit ist das Online-Portal?");
    expect(resumed.out).toContain("Ergebnis dieses Interviews (0–100)");
    expect(resumed.err).toContain("Antworten gespeichert in answers.csv (jetzt 1 Zeile).");
    expect(await readdir(join(cwd, ".reifegrad/sessions"))).toEqual([]);
    expect(await readFile(join(cwd, "answers.csv"), "utf8")).toBe(
      "respondent,department,group,b_efile,b_efile_use,b_plan,s_age,s_portal,s_channels,s_tools[video],s_tools[chat],s_remarks\n" +
        "r-7,amt,staff,no,,,2.5,online,app,3,3,\n",
    );
  });

  it("a broken answers file is refused before the first question, not after the last", async () => {
    const { cwd, run } = await workspace();
    await writeFile(join(cwd, "answers.csv"), 'respondent,department\nr-0,"amt\n');
    await expect(run({ department: "amt", group: "staff" }, [])).rejects.toThrow(
      /answers\.csv: cannot add the row, the file is not valid CSV/,
    );
  });

  it("an interview of the whole administration merges its columns into an existing answers file", async () => {
    const { cwd, run } = await workspace();
    await writeFile(
      join(cwd, "answers.csv"),
      "respondent,department,group,s_age\nr-0,amt,staff,4\n",
    );
    const r = await run({}, [
      { select: "Gesamtverwaltung (Kernfragebogen)" },
      { input: "rpa" },
      { select: "management" },
      { input: "" },
      { select: "5" },
      { select: "yes" },
      { select: "5" },
      { select: "4" },
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("Neue Spalten ergänzt: b_strategy, b_efile, b_efile_use, b_plan");
    const lines = (await readFile(join(cwd, "answers.csv"), "utf8")).split("\n");
    expect(lines[0]).toBe(
      "respondent,department,group,s_age,b_strategy,b_efile,b_efile_use,b_plan",
    );
    expect(lines[1]).toBe("r-0,amt,staff,4,,,,");
    // A unit without its own questionnaire is interviewed with the core under its id.
    expect(lines[2]).toMatch(/^anon-[a-z0-9]{4}-[a-z0-9]{4},rpa,management,,5,yes,5,4$/);
  });

  it("says so when there is nothing to resume, and refuses an unknown department", async () => {
    const { run } = await workspace();
    const none = await run({ resume: true }, []);
    expect(none.code).toBe(0);
    expect(none.err).toContain("Keine unterbrochenen Interviews");
    await expect(run({ department: "Amt 99" }, [])).rejects.toThrow(
      /unknown department "Amt 99" \(known: amt, core/,
    );
    // A letter off a department: a typo, refused before a question (not an interview with the
    // core under the wrong id); a unit id far from every department is still interviewed.
    await expect(run({ department: "amtt", group: "staff" }, [])).rejects.toThrow(
      /unknown department "amtt" \(did you mean "amt"\?\); a unit without its own questionnaire: --department core/,
    );
  });
});
