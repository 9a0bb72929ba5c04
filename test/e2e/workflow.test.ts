// Issue 20's workflow end to end, in a temporary git repository: `init`, two interviews held with
// `run` in a pseudo-terminal (German key hints on screen), one survey export, `score`, commit;
// then the generated CI job, run as CI would on a clean clone without the raw answers: exit 0;
// after a questionnaire edit: exit 1, naming the stale reports. (The mini test questionnaires
// keep the interviews short; the bundled ones take the same path.)
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../interview/build.js";
import { git, gitlabJob, runJob } from "./ci-job.js";
import { cli, ROOT, tempDir } from "./cli.js";
import { hasTmux, Terminals } from "./terminal.js";

const term = new Terminals();
const SOURCE = "git+https://example.invalid/stadt/reifegrad.git#v0.1.0";

/** One whole interview of the test office, typed as an analyst does. */
async function interview(dir: string, group: "staff" | "management"): Promise<string> {
  const t = term.start(join(dir, "exports"), ["run", "--department", "amt", "--group", group]);
  await term.waitFor(t, "? Kennung der befragten Person (Pseudonym; Enter = erzeugte Kennung)");
  term.keys(t, "Enter"); // the generated pseudonym
  const first = await term.waitFor(t, "? Es gibt eine Digitalisierungsstrategie.");
  await term.waitFor(t, "↑↓, Ziffer oder Buchstabe: wählen · ⏎ bestätigen · < ? ! sofort");
  expect(first).not.toContain("❯");
  term.keys(t, "4", "Enter");
  await term.waitFor(t, "? Arbeiten Sie mit der E-Akte?");
  term.keys(t, "2", "Enter"); // nein
  if (group === "management") {
    await term.waitFor(t, "? Es gibt einen Plan für Online-Dienste.");
    term.keys(t, "1", "Enter");
  }
  await term.waitFor(t, "? Wie alt sind die Rechner im Schnitt? (Jahre)");
  term.type(t, "3");
  term.keys(t, "Enter");
  await term.waitFor(t, "? Wie weit ist das Online-Portal?");
  term.keys(t, "3", "Enter");
  await term.waitFor(t, "mehrere möglich – Ziffer, Buchstabe oder Leertaste: an-/abwählen");
  term.type(t, "1"); // Website
  await term.waitFor(t, "gewählt: Website\n");
  term.keys(t, "Enter"); // weiter
  await term.waitFor(t, "Videokonferenz (Zeile 1 von 2)");
  term.keys(t, "5", "Enter");
  await term.waitFor(t, "Chat (Zeile 2 von 2)");
  term.keys(t, "w", "Enter");
  await term.waitFor(t, "? Anmerkungen");
  term.keys(t, "Enter");
  const done = await term.waitFor(t, "EXIT=0");
  expect(done).toContain("Auswerten mit: reifegrad score\n");
  return done;
}

describe.skipIf(!hasTmux)("the analyst's workflow (issue 20)", () => {
  beforeAll(async () => {
    await ensureBuilt();
  });
  afterEach(() => term.closeAll());
  afterAll(() => term.stop());

  it("init, two interviews, an export, score, commit; CI passes on a clean clone, then names stale reports", async () => {
    const dir = join(tempDir(), "diagnose");
    const init = cli(["init", dir, "--ci-package", SOURCE]);
    expect(init.status, init.stderr).toBe(0);
    git(dir, "init", "-q", "-b", "main");
    // The city's questionnaires: here the short test pair (core "mini" + department "amt").
    rmSync(join(dir, "questionnaires"), { recursive: true });
    cpSync(join(ROOT, "fixtures/interview/questionnaires"), join(dir, "questionnaires"), {
      recursive: true,
    });
    expect(cli(["validate"], { cwd: dir }).status).toBe(0);

    // Two interviews, started from a subfolder: both rows land in interviews/answers.csv.
    await interview(dir, "staff");
    const second = await interview(dir, "management");
    expect(second).toContain(
      "Antworten gespeichert in ../interviews/answers.csv (jetzt 2 Zeilen).",
    );

    // One survey export (six staff of the test office).
    const header = "respondent,department,group,b_strategy,b_efile,b_efile_use,s_age,s_portal";
    const rows = [
      "1,yes,3,2,none",
      "2,no,,4,info",
      "3,yes,4,1,full",
      "4,no,,5,info",
      "5,yes,5,3,full",
      "3,no,,2,none",
    ];
    writeFileSync(
      join(dir, "exports/survey.csv"),
      `${header}\n${rows.map((r, i) => `S${i + 1},amt,staff,${r}`).join("\n")}\n`,
    );

    const score = cli(["score"], { cwd: dir, env: { LANG: "C", LC_ALL: "" } });
    expect(score.status, score.stderr).toBe(0);
    expect(score.stderr).toMatch(/exports\/survey\.csv: 6 rows read = 6 scored/);
    expect(score.stderr).toMatch(/interviews\/answers\.csv: 2 rows read = 2 scored/);

    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "wave 1");
    const tracked = git(dir, "ls-files").split("\n");
    expect(tracked).toContain("reports/assessment.json");
    expect(tracked).not.toContain("exports/survey.csv");
    expect(tracked).not.toContain("interviews/answers.csv");
    expect(tracked.some((f) => f.startsWith(".reifegrad/"))).toBe(false);

    // CI: a clean clone holds no raw answers; the job's lines run verbatim.
    const clone = join(tempDir(), "ci");
    git(ROOT, "clone", "-q", dir, clone);
    expect(existsSync(join(clone, "interviews/answers.csv"))).toBe(false);
    const job = gitlabJob(clone);
    const fresh = runJob(clone, job);
    expect(fresh.status, fresh.stdout + fresh.stderr).toBe(0);
    expect(fresh.stderr).toMatch(/report file\(s\) in reports are current/);

    const amt = join(clone, "questionnaires/amt.yaml");
    writeFileSync(amt, readFileSync(amt, "utf8").replace("Online-Portal", "Serviceportal"));
    git(clone, "commit", "-q", "-am", "reword a question");
    const stale = runJob(clone, job);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(
      /^reports\/assessment\.json: questionnaire "amt" \(questionnaires\/amt\.yaml\) changed/m,
    );
    expect(stale.stderr).toMatch(
      /^reports\/report\.md: rendered from the stale assessment\.json$/m,
    );
    expect(stale.stderr).toMatch(/error: \d+ of \d+ report file\(s\) are stale/);
  });
});
