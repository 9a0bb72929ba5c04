// Drives the BUILT CLI in a real pseudo-terminal (tmux) through a whole short interview: answers,
// skip logic, going back and changing an answer, Ctrl-C (exit 130), resume from the list of
// sessions, the finished row in answers.csv, and `score` reading it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BIN, ensureBuilt, ROOT } from "../interview/build.js";
import { hasTmux, Terminals } from "./terminal.js";

const FIXTURES = join(ROOT, "fixtures/interview/questionnaires");
const term = new Terminals();
const start = (cwd: string, args: readonly string[]) => term.start(cwd, args);
const waitFor = (name: string, pattern: string | RegExp) => term.waitFor(name, pattern);
const keys = (name: string, ...k: string[]) => term.keys(name, ...k);
const type = (name: string, text: string) => term.type(name, text);

describe.skipIf(!hasTmux)("reifegrad run in a terminal", () => {
  beforeAll(async () => {
    await ensureBuilt();
  });
  afterEach(() => term.closeAll());
  afterAll(() => term.stop());

  it("interviews, goes back, survives Ctrl-C, resumes and writes a row that `score` reads", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "reifegrad-run-"));
    const args = [
      "run",
      "--department",
      "amt",
      "--group",
      "staff",
      "--respondent",
      "e2e-1",
      "-q",
      FIXTURES,
    ];
    const t1 = start(cwd, args);

    await waitFor(t1, "Frage 1 von 8 · 0 beantwortet");
    // No answer is picked: no cursor on any answer, German key hints, Enter asks for one.
    const first = await waitFor(
      t1,
      "↑↓, Ziffer oder Buchstabe: wählen · ⏎ bestätigen · < ? ! sofort",
    );
    expect(first).toMatch(
      /\? Es gibt eine Digitalisierungsstrategie\.\n {2}1\. +trifft nicht zu\n/,
    );
    expect(first).not.toContain("❯");
    keys(t1, "Enter");
    await waitFor(t1, "Bitte eine Antwort wählen: ↑↓ oder ihre Ziffer, dann ⏎.");
    keys(t1, "4", "Enter"); // trifft eher zu
    await waitFor(t1, "✔ Es gibt eine Digitalisierungsstrategie. trifft eher zu");
    await waitFor(t1, "? Arbeiten Sie mit der E-Akte?");
    keys(t1, "1", "Enter"); // ja → the `when` follow-up is asked; the total stays 8
    await waitFor(t1, "Frage 3 von 8 · 2 beantwortet");
    await waitFor(t1, "? Die E-Akte wird im Alltag genutzt.");
    type(t1, "<"); // one key: back
    await waitFor(t1, "✔ Die E-Akte wird im Alltag genutzt. ← zurück");
    await waitFor(
      t1,
      /Frage 2 von 8 · 2 beantwortet[\s\S]*\? Arbeiten Sie mit der E-Akte\?\s*\n❯ 1\. +ja/,
    );
    keys(t1, "2", "Enter"); // change to nein → the follow-up is skipped
    await waitFor(t1, "✔ Arbeiten Sie mit der E-Akte? nein");
    await waitFor(t1, "Frage 3 von 7 · 2 beantwortet");
    await waitFor(t1, "? Wie alt sind die Rechner im Schnitt? (Jahre)");
    type(t1, "2,5");
    keys(t1, "Enter");
    await waitFor(t1, "? Wie weit ist das Online-Portal?");
    keys(t1, "C-c");
    const interrupted = await waitFor(t1, "EXIT=130");
    expect(interrupted).toContain("Interview gespeichert. Fortsetzen mit:");
    const id = /reifegrad run --resume (\S+)/.exec(interrupted)?.[1];
    expect(id).toBeDefined();
    const sessions = join(cwd, ".reifegrad/sessions");
    expect(await readdir(sessions)).toEqual([`${id}.json`]);
    const saved = JSON.parse(await readFile(join(sessions, `${id}.json`), "utf8"));
    expect(saved.state.position).toBe("s_portal");
    expect(saved.state.answers).toEqual({ b_strategy: "4", b_efile: "no", s_age: "2.5" });

    // Resume without an id: the list of interrupted interviews, then exactly where it stopped.
    const t2 = start(cwd, ["run", "--resume", "-q", FIXTURES]);
    await waitFor(t2, "Welches Interview fortsetzen?");
    await waitFor(t2, `${id}  Testamt · staff · e2e-1 · 3 von 7 beantwortet · weiter bei s_portal`);
    keys(t2, "1", "Enter");
    await waitFor(t2, "Frage 4 von 7 · 3 beantwortet");
    await waitFor(t2, "? Wie weit ist das Online-Portal?");
    keys(t2, "2", "Enter"); // nur Informationen
    // Multi-select: a numbered list like a single choice, German key hints, ticked by digit.
    const multi = await waitFor(
      t2,
      "mehrere möglich – Ziffer, Buchstabe oder Leertaste: an-/abwählen · ↑↓ bewegen · ⏎ weiter · < ? ! sofort",
    );
    expect(multi).toContain(
      [
        "? Über welche Kanäle erreichen Sie die Bürger?",
        "  1.    Website",
        "  2.    App",
        "  3.    E-Mail",
        "  ──────",
        "  4.    keiner davon",
        "  ──────",
        "  <     ← zurück",
        "  !     Speichern und beenden",
        "gewählt: noch nichts",
      ].join("\n"),
    );
    type(t2, "1");
    await waitFor(t2, "gewählt: Website\n");
    type(t2, "4"); // "keiner davon" stands alone: it unticks the rest
    await waitFor(t2, "gewählt: keiner davon\n");
    type(t2, "3");
    await waitFor(t2, "gewählt: E-Mail\n");
    type(t2, "1");
    const ticked = await waitFor(t2, "gewählt: Website, E-Mail\n");
    expect(ticked).toContain("❯ 1.  ✔ Website\n  2.    App\n  3.  ✔ E-Mail\n");
    type(t2, "<"); // one key: back, as in a single choice
    await waitFor(t2, "✔ Über welche Kanäle erreichen Sie die Bürger? ← zurück");
    await waitFor(
      t2,
      /← zurück[\s\S]*Frage 4 von 7 · 4 beantwortet[\s\S]*\? Wie weit ist das Online-Portal\?\n {2}1\. +kein Portal\n❯ 2\. +nur Informationen/,
    );
    keys(t2, "Enter"); // the earlier answer stays
    await waitFor(
      t2,
      /✔ Wie weit ist das Online-Portal\? nur Informationen[\s\S]*gewählt: noch nichts/,
    );
    type(t2, "1");
    type(t2, "3");
    await waitFor(t2, /← zurück[\s\S]*gewählt: Website, E-Mail\n/);
    keys(t2, "Enter"); // weiter
    await waitFor(t2, "✔ Über welche Kanäle erreichen Sie die Bürger? Website, E-Mail");
    await waitFor(t2, "Videokonferenz (Zeile 1 von 2)");
    keys(t2, "4", "Enter"); // trifft eher zu
    await waitFor(t2, "Chat (Zeile 2 von 2)");
    keys(t2, "w", "Enter"); // weiß nicht
    await waitFor(t2, "? Anmerkungen");
    type(t2, "Läuft, aber langsam");
    keys(t2, "Enter");
    const done = await waitFor(t2, "EXIT=0");
    expect(done).toContain("Ergebnis dieses Interviews (0–100)");
    expect(done).toMatch(/Grundlagen\s+38\s+Einsteiger/); // likert 4 → 75, nein → 0
    expect(done).toContain("Antworten gespeichert in answers.csv (jetzt 1 Zeile).");
    expect(await readdir(sessions)).toEqual([]);

    const rows = parse(await readFile(join(cwd, "answers.csv"), "utf8"), {
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        respondent: "e2e-1",
        department: "amt",
        group: "staff",
        b_strategy: "4",
        b_efile: "no",
        b_efile_use: "",
        b_plan: "",
        s_age: "2.5",
        s_portal: "info",
        s_channels: "web;mail",
        "s_tools[video]": "4",
        "s_tools[chat]": "dk",
        s_remarks: "Läuft, aber langsam",
      },
    ]);

    const scored = spawnSync(
      process.execPath,
      [BIN, "score", "answers.csv", "-q", FIXTURES, "--out", "out"],
      {
        cwd,
        encoding: "utf8",
      },
    );
    expect(scored.stderr).not.toMatch(/error|warning/);
    expect(scored.status).toBe(0);
    const assessment = JSON.parse(await readFile(join(cwd, "out/assessment.json"), "utf8"));
    expect(assessment.counts).toMatchObject({ respondents: 1, invalid: 0 });
  });

  it("save and quit keeps the session, with an anonymous id; nothing is appended yet", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "reifegrad-run-"));
    const t1 = start(cwd, ["run", "-q", FIXTURES, "--lang", "en", "--answers", "out/answers.csv"]);
    await waitFor(t1, "? Which department is interviewed?");
    keys(t1, "1", "Enter"); // Test office
    await waitFor(t1, "? Which group does the respondent belong to?");
    keys(t1, "Down", "Enter"); // Management
    await waitFor(t1, "? Respondent id (a pseudonym; Enter = generated id)");
    keys(t1, "Enter");
    await waitFor(t1, "Question 1 of 9 · 0 answered"); // b_plan (management) and the possible follow-up
    await waitFor(t1, "? There is a digitalisation strategy.");
    await waitFor(t1, "↑↓, number or letter: choose · ⏎ confirm · < ? ! at once");
    type(t1, "!"); // one key: save and quit
    const saved = await waitFor(t1, "EXIT=0");
    expect(saved).toMatch(/reifegrad run --resume \S+ --questionnaires \S+ --lang en/);
    const [file] = await readdir(join(cwd, ".reifegrad/sessions"));
    const session = JSON.parse(await readFile(join(cwd, ".reifegrad/sessions", file!), "utf8"));
    expect(session.state.respondent).toMatch(/^anon-[a-z0-9]{4}-[a-z0-9]{4}$/);
    expect(session.state.group).toBe("management");
    expect(existsSync(join(cwd, "out/answers.csv"))).toBe(false);
  });

  it("confirms in German: after a questionnaire change, ja / nein with j and n", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "reifegrad-run-"));
    await cp(FIXTURES, join(cwd, "q"), { recursive: true });
    const args = ["run", "-d", "amt", "-g", "staff", "-r", "e2e-2", "-q", "q"];
    const t1 = start(cwd, args);
    await waitFor(t1, "? Es gibt eine Digitalisierungsstrategie.");
    keys(t1, "4", "Enter");
    await waitFor(t1, "? Arbeiten Sie mit der E-Akte?");
    type(t1, "!");
    const saved = await waitFor(t1, "EXIT=0");
    const id = /reifegrad run --resume (\S+)/.exec(saved)?.[1];
    const amt = join(cwd, "q/amt.yaml");
    await writeFile(amt, (await readFile(amt, "utf8")).replace("{ code: full,", "{ code: online,"));

    const t2 = start(cwd, ["run", "--resume", id!, "-q", "q"]);
    const asked = await waitFor(t2, "? Mit den übrigen Antworten fortfahren?");
    expect(asked).toContain("Alle bisherigen Antworten passen weiterhin.");
    await waitFor(t2, /❯ j +ja\n {2}n +nein/);
    type(t2, "j");
    await waitFor(t2, "✔ Mit den übrigen Antworten fortfahren? ja");
    await waitFor(t2, "Frage 2 von 8 · 1 beantwortet");
    type(t2, "!");
    await waitFor(t2, "EXIT=0");
  });

  it("refuses to run without a terminal and points to score", () => {
    const r = spawnSync(process.execPath, [BIN, "run", "-q", FIXTURES], {
      input: "",
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("reifegrad score");
  });
});
