// Issue 20: the same mistakes under LANG=de_DE.UTF-8 and LANG=C give German and English messages,
// with the same codes, severities, places and exit codes. Mistakes: broken questionnaires, a
// broken reifegrad.yaml, bad flags, an export with bad cells, bad rows and columns, a broken mapping
// file, an export without a header row, mistakes of init, survey, template, questionnaires and
// compare; and --help, in German under a German locale with the same options.
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, type Run, tempDir } from "./cli.js";

const DE = { LANG: "de_DE.UTF-8" };
const C = { LANG: "C" };

/** Every problem line: place, severity, code (the same in every language) and the message. */
function problems(stderr: string) {
  return [...stderr.matchAll(/^(\S+:\d+(?::\d+)?) (error|warning) ([a-z-]+): (.*)$/gm)].map(
    (m) => ({ head: `${m[1]} ${m[2]} ${m[3]}`, message: m[4]! }),
  );
}

/** Runs the same command line in German and in English. */
function both(args: readonly string[], cwd?: string): { de: Run; en: Run } {
  return {
    de: cli(args, { env: DE, ...(cwd ? { cwd } : {}) }),
    en: cli(args, { env: C, ...(cwd ? { cwd } : {}) }),
  };
}

/** Same codes, places and exit code; every message and hint said differently. */
function expectSameButTranslated({ de, en }: { de: Run; en: Run }, count: number): void {
  expect(de.status).toBe(en.status);
  const d = problems(de.stderr);
  const e = problems(en.stderr);
  expect(d.length, en.stderr).toBeGreaterThanOrEqual(count);
  expect(d.map((p) => p.head)).toEqual(e.map((p) => p.head));
  d.forEach((p, i) => {
    expect(p.message, p.head).not.toBe(e[i]!.message);
  });
  const hints = (s: string, label: string) =>
    s.split("\n").filter((l) => l.startsWith(`    ${label}: `)).length;
  expect(hints(de.stderr, "Tipp")).toBe(hints(en.stderr, "hint"));
  expect(hints(de.stderr, "hint")).toBe(0);
}

describe("the same mistakes in German and English (LANG=de_DE.UTF-8, LANG=C)", () => {
  it("broken questionnaires: every problem, in words of the locale", () => {
    const dir = "fixtures/questionnaires/invalid";
    const r = both([
      "validate",
      ...["unknown-scale", "when-never-true", "wrong-type", "missing-field", "duplicate-key"].map(
        (n) => `${dir}/${n}.yaml`,
      ),
    ]);
    expect(r.en.status).toBe(1);
    expectSameButTranslated(r, 5);
    expect(r.en.stderr).toContain(
      `${dir}/unknown-scale.yaml:18:57 error unknown-scale: scale "agree7" is not defined (did you mean "agree5"?) (defined: agree5)`,
    );
    expect(r.de.stderr).toContain(
      `${dir}/unknown-scale.yaml:18:57 error unknown-scale: Die Skala „agree7“ ist nicht definiert (meinten Sie „agree5“?) (definiert: agree5)`,
    );
    expect(r.de.stderr).toContain(
      "Tipp: Definieren Sie sie unter `scales:` oder verwenden Sie eine der definierten Skalen.",
    );
    expect(r.de.stderr).toContain("muss eine Zahl sein, ist aber der Text „heavy“");
    expect(r.de.stderr).toMatch(/\d+ Datei\(en\), 0 Fragebogen\/Fragebögen gültig, 5 Fehler/);
  });

  it("a broken reifegrad.yaml: validate and score name the same problems at the same places", () => {
    const dir = tempDir();
    copyFileSync("fixtures/project/mistakes.yaml", join(dir, "reifegrad.yaml"));
    const validate = both(["validate"], dir);
    expect(validate.en.status).toBe(1);
    expectSameButTranslated(validate, 3);
    expect(validate.de.stderr).toContain(
      "reifegrad.yaml:12:30 error unknown-key: Einstellungen: unbekannter Schlüssel „weigthing“ (meinten Sie „weighting“?)",
    );
    expect(validate.de.stderr).toContain(
      "reifegrad.yaml:12:27 error invalid-setting: settings.minGroupSize ist 2; erlaubt ist mindestens 3",
    );
    const score = both(["score"], dir);
    expect(score.en.status).toBe(1);
    expectSameButTranslated(score, 3);
    expect(score.en.stderr).toMatch(/^error: reifegrad\.yaml has errors$/m);
    expect(score.de.stderr).toMatch(/^Fehler: reifegrad\.yaml enthält Fehler$/m);
  });

  it("bad flags: usage errors (exit 2) from commander and from the commands", () => {
    const unknown = both(["score", "--bogus"]);
    expect([unknown.de.status, unknown.en.status]).toEqual([2, 2]);
    expect(unknown.en.stderr).toBe("error: unknown option '--bogus'\n");
    expect(unknown.de.stderr).toBe("Fehler: unbekannte Option „--bogus“\n");

    const command = both(["scor"]);
    expect([command.de.status, command.en.status]).toEqual([2, 2]);
    expect(command.en.stderr).toContain("error: unknown command 'scor'\n(Did you mean score?)");
    expect(command.de.stderr).toContain("Fehler: unbekannter Befehl „scor“\n(Meinten Sie score?)");
    expect(command.de.stderr).toContain("(Hilfe mit --help)");

    const missing = both(["report", "--format"]);
    expect([missing.de.status, missing.en.status]).toEqual([2, 2]);
    expect(missing.de.stderr).toBe("Fehler: bei der Option „--format <list>“ fehlt der Wert\n");

    const value = both(["score", "export.csv", "--min-group-size", "2"]);
    expect([value.de.status, value.en.status]).toEqual([2, 2]);
    expect(value.en.stderr).toBe(
      'error: --min-group-size must be a whole number of at least 3 (got "2")\n',
    );
    expect(value.de.stderr).toBe(
      "Fehler: --min-group-size muss eine ganze Zahl ab 3 sein (angegeben: „2“)\n",
    );

    const choice = both(["score", "export.csv", "--weighting", "everyone"]);
    expect([choice.de.status, choice.en.status]).toEqual([2, 2]);
    expect(choice.de.stderr).toMatch(
      /^Fehler: „everyone“ ist für die Option „--weighting <\w+>“ nicht erlaubt; erlaubt sind respondent, department\./,
    );

    const file = both(["score", "no-such-export.csv"]);
    expect([file.de.status, file.en.status]).toEqual([1, 1]);
    expect(file.en.stderr).toBe("error: no-such-export.csv: no such file or folder\n");
    expect(file.de.stderr).toBe("Fehler: no-such-export.csv: Datei oder Ordner nicht gefunden\n");
  });

  it("an export with bad cells: each cell named at its row and column, in words of the locale", () => {
    const run = (env: Record<string, string>) =>
      cli(["score", "fixtures/exports/bad-cells.csv", "--out", tempDir(), "--format", "json"], {
        env,
      });
    const r = { de: run(DE), en: run(C) };
    expectSameButTranslated(r, 5);
    expect(problems(r.en.stderr).map((p) => p.head)).toEqual([
      "fixtures/exports/bad-cells.csv:1 warning item-without-column",
      "fixtures/exports/bad-cells.csv:2:4 warning value-out-of-range",
      "fixtures/exports/bad-cells.csv:3:5 warning unknown-label",
      "fixtures/exports/bad-cells.csv:4:6 warning not-a-number",
      "fixtures/exports/bad-cells.csv:5:6 warning not-a-number",
    ]);
    expect(r.de.stderr).toContain(
      "fixtures/exports/bad-cells.csv:3:5 warning unknown-label: „stimmt total“ ist weder ein Code noch eine Antwort der Frage str_02 (Codes: 1, 2, 3, 4, 5, dk, na)",
    );
    expect(r.de.stderr).toContain(
      "fixtures/exports/bad-cells.csv:4:6 warning not-a-number: „viele“ ist keine Zahl",
    );
    expect(r.en.stderr).toContain(
      'fixtures/exports/bad-cells.csv:4:6 warning not-a-number: "viele" is not a number',
    );
  });
  it("an export's rows, columns and file: unmatched column, duplicate respondent, unterminated quote, …", () => {
    const dir = tempDir();
    const file = join(dir, "rows.csv");
    writeFileSync(
      file,
      [
        "respondent,department,group,str_01,str_02,Bemerkung",
        "P1,buergeramt,staff,4,3,",
        "P2,Amt 33,staff,4,4,",
        "P3,,staff,2,2,",
        "P4,buergeramt,chefs,2,2,",
        "P5,buergeramt,staff,,,",
        "P1,buergeramt,staff,5,5,,zu viel",
        'P6,buergeramt,staff,3,"3',
        "",
      ].join("\n"),
    );
    const r = both(["score", file, "--out", join(dir, "out"), "--format", "json"], dir);
    expect(r.en.status).toBe(0);
    expectSameButTranslated(r, 8);
    expect(problems(r.en.stderr).map((p) => p.head)).toEqual([
      `${file}:1 warning item-without-column`,
      `${file}:1:6 warning unmatched-column`,
      `${file}:2:1 warning duplicate-respondent`,
      `${file}:3:2 error unknown-department`,
      `${file}:4:2 error missing-department`,
      `${file}:5:3 error unknown-group`,
      `${file}:6 warning no-answers`,
      `${file}:7:7 warning extra-fields`,
      `${file}:8 error unterminated-quote`,
      // The rest of the file became one field: the row also has too few.
      `${file}:8:6 warning missing-fields`,
    ]);
    expect(r.de.stderr).toContain(
      `${file}:1:6 warning unmatched-column: die Spalte „Bemerkung“ passt zu keiner Frage und wird nicht gelesen`,
    );
    expect(r.en.stderr).toContain(
      `${file}:1:6 warning unmatched-column: column "Bemerkung" matches no item and is ignored`,
    );
    expect(r.de.stderr).toContain(
      `${file}:2:1 warning duplicate-respondent: die befragte Person „P1“ („respondent“ über alle Dateien) hat in ${file} Zeile 7 erneut geantwortet; die letzte Antwort zählt`,
    );
    expect(r.de.stderr).toContain(
      `${file}:8 error unterminated-quote: ein Feld in Anführungszeichen wird bis zum Dateiende nicht geschlossen`,
    );
    expect(r.de.stderr).toContain("error unknown-group: unbekannte Befragtengruppe „chefs“");
    expect(r.en.stderr).toContain('error unknown-group: unknown respondent group "chefs"');
  });

  it("an export without a header row, and bad import flags", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "empty.csv"), "");
    const empty = both(["score", "empty.csv", "--out", join(dir, "out")], dir);
    expect(empty.en.stderr).toMatch(/^empty\.csv warning empty-file: the file has no header row$/m);
    expect(empty.de.stderr).toMatch(
      /^empty\.csv warning empty-file: die Datei hat keine Kopfzeile$/m,
    );
    const map = both(["map", "empty.csv"], dir);
    expect([map.de.status, map.en.status]).toEqual([1, 1]);
    expect(map.en.stderr).toContain("error: empty.csv: the file has no header row\n");
    expect(map.de.stderr).toContain("Fehler: empty.csv: die Datei hat keine Kopfzeile\n");

    const delimiter = both(["score", "fixtures/exports/duplicate-ids.csv", "--delimiter", "|"]);
    expect([delimiter.de.status, delimiter.en.status]).toEqual([2, 2]);
    expect(delimiter.en.stderr).toBe('error: --delimiter must be "," ";" or tab (got "|")\n');
    expect(delimiter.de.stderr).toBe(
      "Fehler: --delimiter muss „,“ „;“ oder tab sein (angegeben: „|“)\n",
    );
    const group = both(["score", "fixtures/exports/duplicate-ids.csv", "--group", "chefs"]);
    expect([group.de.status, group.en.status]).toEqual([2, 2]);
    expect(group.de.stderr).toMatch(/^Fehler: --group muss eine dieser Gruppen sein: .*„chefs“/);
  });

  it("a broken mapping file: every problem at its line and column, in words of the locale", () => {
    const r = both([
      "score",
      "fixtures/exports/unknown-department.csv",
      "--mapping",
      "fixtures/mappings/invalid.yaml",
    ]);
    expect([r.de.status, r.en.status]).toEqual([1, 1]);
    expectSameButTranslated(r, 5);
    const f = "fixtures/mappings/invalid.yaml";
    expect(r.en.stderr).toContain(
      `${f}:2:1 error unknown-key: unknown key "colums" (did you mean "columns"?)`,
    );
    expect(r.de.stderr).toContain(
      `${f}:2:1 error unknown-key: unbekannter Schlüssel „colums“ (meinten Sie „columns“?)`,
    );
    expect(r.en.stderr).toMatch(/^error: the mapping file .*invalid\.yaml has errors$/m);
    expect(r.de.stderr).toMatch(/^Fehler: die Zuordnungsdatei .*invalid\.yaml enthält Fehler$/m);
    expect(r.de.stderr).toContain(
      `${f}:15:21 error unknown-code: keine Frage hat den Antwortcode „6“`,
    );
  });

  it("init, survey, template, questionnaires, compare, run: the same mistakes and notes in both", () => {
    const dir = tempDir();
    expect(cli(["init", dir], { env: C }).status).toBe(0);
    const init = both(["init", dir]);
    expect([init.de.status, init.en.status]).toEqual([1, 1]);
    expect(init.de.stderr).toMatch(
      /^Fehler: .* enthält schon reifegrad\.yaml, .*init überschreibt nichts/m,
    );
    expect(init.en.stderr).toMatch(
      /^error: .* already has reifegrad\.yaml, .*init overwrites nothing/m,
    );

    const target = both(["survey", "surveymonkey", "--all", "--out", dir]);
    expect([target.de.status, target.en.status]).toEqual([2, 2]);
    expect(target.de.stderr).toContain("Fehler: unbekanntes Umfrageziel „surveymonkey“");
    expect(target.en.stderr).toContain('error: unknown survey target "surveymonkey"');
    const scope = both(["survey", "limesurvey", "--out", dir]);
    expect([scope.de.status, scope.en.status]).toEqual([2, 2]);
    expect(scope.de.stderr).toContain("Fehler: geben Sie genau eines an: --department <id>");

    // Notes on a generated survey: the same codes, said in the locale's words.
    const survey = (env: Record<string, string>) =>
      cli(["survey", "limesurvey", "--department", "bauen", "--out", tempDir()], { env });
    const s = { de: survey(DE), en: survey(C) };
    expect([s.de.status, s.en.status]).toEqual([0, 0]);
    const codes = (t: string) =>
      [...t.matchAll(/^(?:Hinweis|note) \[([a-z-]+)\]/gm)].map((m) => m[1]);
    expect(codes(s.de.stderr).length).toBeGreaterThan(0);
    expect(codes(s.de.stderr)).toEqual(codes(s.en.stderr));
    expect(s.de.stderr).toMatch(
      /^\S+limesurvey-bauen\.txt geschrieben — LimeSurvey-Umfragestruktur/m,
    );
    expect(s.en.stderr).toMatch(/^wrote \S+limesurvey-bauen\.txt — LimeSurvey survey structure/m);
    expect(s.de.stderr).toContain(
      "Hinweis [shortened-answer-codes]: group: LimeSurvey-Antwortcodes manag = management (score liest sie zurück)",
    );
    expect(s.en.stderr).toContain(
      "note [shortened-answer-codes]: group: LimeSurvey answer codes manag = management (score reads them back)",
    );

    const template = both(["template", "nope"]);
    expect([template.de.status, template.en.status]).toEqual([1, 1]);
    expect(template.de.stderr).toMatch(/^Fehler: kein gültiger Fragebogen „nope“ \(bekannt: /m);
    expect(template.en.stderr).toMatch(/^error: no valid questionnaire "nope" \(known: /m);

    const lang = both(["questionnaires", "show", "core", "--lang", "fr"]);
    expect([lang.de.status, lang.en.status]).toEqual([2, 2]);
    expect(lang.de.stderr).toContain(
      "Fehler: --lang fr: der Fragebogen „core“ hat die Sprachen de, en",
    );
    const list = both(["questionnaires"]);
    expect(list.de.stdout).toMatch(/^Kennung +Amt +Gruppe +Dimensionen +Fragen\n/);
    expect(list.en.stdout).toMatch(/^id +department +group +dimensions +items\n/);
    const rows = (t: string) =>
      t
        .split("\n")
        .slice(1)
        .map((l) => l.split(/ +/));
    expect(rows(list.de.stdout)).toEqual(rows(list.en.stdout));

    const compare = both(["compare", "before.json", "after.json", "--check"]);
    expect([compare.de.status, compare.en.status]).toEqual([2, 2]);
    expect(compare.de.stderr).toBe("Fehler: --check braucht --out <ordner>\n");
    expect(compare.en.stderr).toBe("error: --check needs --out <dir>\n");

    const run = both(["run"]);
    expect([run.de.status, run.en.status]).toEqual([2, 2]);
    expect(run.de.stderr).toContain("Fehler: `reifegrad run` ist ein Interview im Terminal");
    expect(run.en.stderr).toContain("error: `reifegrad run` is an interactive interview");
  });

  it("--help: German under a German locale, the same options and examples in both", () => {
    // The flags themselves, without their placeholders (`<dir>` reads `<ordner>` in German).
    const flags = (help: string) =>
      [...help.matchAll(/^ {2}(-[^ ].*?)(?: {2,}|$)/gm)].map((m) => m[1]!.replace(/ <.*$/, ""));
    // Help wraps at 80 columns above the examples (a long German term would stop the wrapping).
    const wide = (help: string) =>
      help
        .split(/\n(?:Examples|Beispiele):\n/)[0]!
        .split("\n")
        .filter((l) => l.length > 80);
    const program = both(["--help"]);
    expect(program.en.stdout).toMatch(/^Usage: reifegrad \[options\] \[command\]\n/);
    expect(program.de.stdout).toMatch(/^Aufruf: reifegrad \[Optionen\] \[Befehl\]\n/);
    expect(program.de.stdout).toContain(
      "Den digitalen Reifegrad einer öffentlichen Verwaltung messen",
    );
    expect(program.de.stdout).toMatch(/^Befehle:$/m);
    expect(program.de.stdout).toMatch(/^ {2}run \[Optionen\] +ein Amt im Terminal interviewen/m);
    expect(program.de.stdout).toMatch(/^ {2}help \[Befehl\] +Hilfe zum Befehl anzeigen$/m);
    expect(program.de.stdout).not.toMatch(/\[(options|command)\]/);
    expect(program.de.stdout).toMatch(/^ {2}compare \[Optionen\] <alt> <neu> /m);
    expect([wide(program.de.stdout), wide(program.en.stdout)]).toEqual([[], []]);
    expect(flags(program.de.stdout)).toEqual(flags(program.en.stdout));

    const all = ["init", "validate", "score", "map", "run", "questionnaires", "template", "survey"];
    for (const name of [...all, "report", "compare"]) {
      const r = both([name, "--help"]);
      expect([r.de.status, r.en.status]).toEqual([0, 0]);
      expect(r.en.stdout).toMatch(new RegExp(`^Usage: reifegrad ${name} `));
      expect(r.de.stdout).toMatch(new RegExp(`^Aufruf: reifegrad ${name} \\[Optionen\\]`));
      expect(r.de.stdout).toMatch(/^Optionen:$/m);
      expect(r.de.stdout).not.toMatch(/^(Options|Arguments|Examples):$/m);
      expect(r.de.stdout).toMatch(/^ {2}-h, --help +Hilfe zum Befehl anzeigen$/m);
      expect(flags(r.de.stdout), name).toEqual(flags(r.en.stdout));
      expect([wide(r.de.stdout), wide(r.en.stdout)], name).toEqual([[], []]);
      expect(r.de.stdout).not.toContain("(default:");
    }
    expect(both(["score", "--help"]).de.stdout).toMatch(/^ {2}--config <datei> /m);
    // Help wraps at 80 columns: compared with its whitespace folded.
    const run = both(["run", "--help"]);
    const fold = (t: string) => t.replace(/\s+/g, " ");
    expect(fold(run.en.stdout)).toContain(
      'language of the interview (choices: "de", "en", default: "de")',
    );
    expect(fold(run.de.stdout)).toContain(
      'Sprache des Interviews (Auswahl: "de", "en", Standard: "de")',
    );
    expect(run.de.stdout).toContain(
      "Beispiele:\n  $ reifegrad run                         # fragt nach Amt, Gruppe und Pseudonym\n",
    );
    expect(run.en.stdout).toContain(
      "Examples:\n  $ reifegrad run                         # asks for department, group and a pseudonym\n",
    );
    const show = both(["questionnaires", "show", "--help"]);
    expect(show.de.stdout).toMatch(/^Argumente:\n {2}id +Kennung des Fragebogens$/m);
  });

  it("report: a broken assessment file is named, with the reason in words of the locale", () => {
    const dir = tempDir();
    const file = join(dir, "assessment.json");
    writeFileSync(file, '{"schemaVersion": 0}');
    const r = both(["report", file, "--out", join(dir, "out")]);
    expect(r.en.status).toBe(1);
    expect(r.de.status).toBe(1);
    expect(r.en.stderr).toContain(`${file}: unsupported schemaVersion 0`);
    expect(r.de.stderr).toContain(`${file}: schemaVersion 0 wird nicht unterstützt`);
    writeFileSync(file, "{");
    const j = both(["report", file, "--out", join(dir, "out")]);
    expect(j.en.stderr).toContain(`${file}: not valid JSON`);
    expect(j.de.stderr).toContain(`${file}: kein gültiges JSON`);
  });
});
