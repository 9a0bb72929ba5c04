// `reifegrad run`: interview a department in the terminal, with autosave after every answer,
// save-and-quit, Ctrl-C (exit 130) and `--resume`. On finishing, the respondent's scores are shown
// and one row is appended (under a lock) to the answers file that `score` reads.

import { join, relative, resolve } from "node:path";
import { Command, Option } from "commander";
import { appendCsvRow, checkAppendable } from "../../io/append-csv.js";
import { defaultQuestionnairePath } from "../../io/paths.js";
import { DEFAULT_SESSIONS_DIR, newId, type Session, SessionStore } from "../../io/session-store.js";
import { UserError } from "../../io/user-error.js";
import { inputFor } from "../../project/inputs.js";
import { INTERVIEW_ANSWERS } from "../../project/model.js";
import type { Questionnaire } from "../../questionnaire/model.js";
import { findRoot, isExternal } from "../../questionnaire/root.js";
import { closest } from "../../questionnaire/suggest.js";
import {
  answerColumns,
  finalAnswers,
  type InterviewState,
  progressOf,
  reconcile,
  startState,
} from "../../responses/interview/flow.js";
import { runInterview } from "../../responses/interview/interview.js";
import { isPromptExit, type Prompter } from "../../responses/interview/prompter.js";
import { pseudonymMessage, pseudonymProblem } from "../../responses/interview/pseudonym.js";
import { interviewResult, renderResult } from "../../responses/interview/summary.js";
import { type Lang, pick } from "../../responses/interview/texts.js";
import { DEFAULT_SETTINGS } from "../../scoring/assessment.js";
import type { CliContext } from "../context.js";
import { loadValidQuestionnaires } from "../load-questionnaires.js";
import { say } from "../locale.js";
import { EXIT, type ExitHolder } from "../main.js";
import {
  loadProjectContext,
  type ProjectContext,
  projectQuestionnairePaths,
} from "../project-context.js";

export interface RunOptions {
  department?: string;
  group?: string;
  respondent?: string;
  answers?: string;
  lang: Lang;
  questionnaires?: string;
  sessions: string;
  resume?: string | true;
}

interface Env {
  readonly ctx: CliContext;
  readonly o: RunOptions;
  readonly prompter: Prompter;
  readonly store: SessionStore;
  readonly questionnaires: readonly Questionnaire[];
  /** The assessment folder the interview is held in, if any. */
  readonly pc: ProjectContext | undefined;
  /** Where a new interview's row goes: --answers, else the project's or ./answers.csv. */
  readonly answersFile: string;
}

export function runCommand(ctx: CliContext, exit: ExitHolder): Command {
  return new Command("run")
    .description("interview a department in the terminal (autosave, resume, skip logic)")
    .option("-d, --department <id>", "department id, or `core` for the whole administration")
    .option("-g, --group <id>", "respondent group (e.g. staff, management)")
    .option(
      "-r, --respondent <id>",
      "respondent pseudonym, e.g. P-017 (default: a generated one; names and e-mail addresses are refused)",
    )
    .option(
      "-a, --answers <file>",
      "answers file the finished interview is added to (default: answers.csv)",
    )
    .addOption(
      new Option("--lang <lang>", "language of the interview").choices(["de", "en"]).default("de"),
    )
    .option(
      "-q, --questionnaires <path>",
      "questionnaire folder or file (default: questionnaires/)",
    )
    .option("--sessions <dir>", "folder for interview sessions", DEFAULT_SESSIONS_DIR)
    .option("--resume [session]", "continue an interrupted interview (without id: list them)")
    .action(async (o: RunOptions) => {
      if (!ctx.stdinIsTTY) {
        throw new UserError(
          {
            de: "`reifegrad run` ist ein Interview im Terminal und braucht eines; Antwortdateien wertet `reifegrad score answers.csv` aus",
            en: "`reifegrad run` is an interactive interview and needs a terminal; to score answer files, use `reifegrad score answers.csv`",
          },
          2,
        );
      }
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.on("SIGINT", onSigint);
      try {
        const { inquirerPrompter } = await import("../../responses/interview/inquirer-prompter.js");
        exit.code = await interview(ctx, o, inquirerPrompter(controller.signal, o.lang));
      } catch (e) {
        if (!isPromptExit(e)) throw e;
        ctx.stderr(`${say(o.lang, "abgebrochen", "cancelled")}\n`);
        exit.code = EXIT.interrupted;
      } finally {
        process.off("SIGINT", onSigint);
      }
    });
}

/** The command without the terminal: tests call it with a scripted Prompter. */
export async function interview(
  ctx: CliContext,
  o: RunOptions,
  prompter: Prompter,
): Promise<number> {
  const pc = await loadProjectContext(ctx);
  const questionnaires = await loadValidQuestionnaires(
    o.questionnaires
      ? [resolve(ctx.cwd, o.questionnaires)]
      : pc
        ? projectQuestionnairePaths(pc, ctx).map((p) => resolve(ctx.cwd, p))
        : [resolve(ctx.cwd, defaultQuestionnairePath(ctx.cwd))],
    ctx.cwd,
  );
  // In an assessment folder, sessions and answers live where the project keeps them, whichever
  // subfolder the interview is started from: .reifegrad/sessions and interviews/answers.csv.
  const sessionsDir =
    pc && o.sessions === DEFAULT_SESSIONS_DIR
      ? join(pc.dir, o.sessions)
      : resolve(ctx.cwd, o.sessions);
  const env: Env = {
    ctx,
    o,
    prompter,
    store: new SessionStore(sessionsDir),
    questionnaires,
    pc,
    answersFile: o.answers ?? defaultAnswersFile(ctx, pc),
  };
  if (pc && o.resume === undefined) warnIfNotAnInput(ctx, pc, o.lang, env.answersFile);
  // A broken answers file would only show when the finished interview is added to it.
  if (o.resume === undefined) await checkAppendable(resolve(ctx.cwd, env.answersFile));
  const session = o.resume !== undefined ? await resumeSession(env) : await newSession(env);
  if (!session) return EXIT.ok;
  return continueSession(env, session.session, session.q);
}

/** `interviews/answers.csv` of the assessment folder (where its inputs read it), else answers.csv. */
function defaultAnswersFile(ctx: CliContext, pc: ProjectContext | undefined): string {
  return pc ? relative(ctx.cwd, join(pc.dir, INTERVIEW_ANSWERS)) : "answers.csv";
}

/** Answers written where no input of reifegrad.yaml reads them would never be scored. */
function warnIfNotAnInput(ctx: CliContext, pc: ProjectContext, lang: Lang, answers: string): void {
  const file = relative(pc.dir, resolve(ctx.cwd, answers));
  if (inputFor(pc.project.inputs, file)) return;
  ctx.stderr(
    say(
      lang,
      `Warnung: ${answers} ist kein Input von ${pc.project.file}; \`reifegrad score\` liest es erst mit dem Eintrag \`inputs: [{ path: ${file} }]\`\n`,
      `warning: ${answers} is not an input of ${pc.project.file}; \`reifegrad score\` reads it once \`inputs\` lists \`{ path: ${file} }\`\n`,
    ),
  );
}

// ---- starting --------------------------------------------------------------------------------

const UNIT_ID = /^[a-z][a-z0-9_-]*$/;

interface Candidate {
  readonly q: Questionnaire;
  readonly label: string;
  readonly keys: readonly string[];
}

function candidates(qs: readonly Questionnaire[], lang: Lang): Candidate[] {
  const root = findRoot(qs);
  const out: Candidate[] = qs
    .filter((q) => q.department)
    .map((q) => ({ q, label: pick(q.department!.name, lang, q), keys: [q.department!.id, q.id] }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  out.push({
    q: root,
    label: say(lang, "Gesamtverwaltung (Kernfragebogen)", "whole administration (core)"),
    keys: ["core", root.id],
  });
  for (const q of qs) {
    if (q !== root && !q.department && isExternal(q)) {
      out.push({
        q,
        label: `${say(lang, "Außensicht", "outside view")}: ${pick(q.title, lang, q)}`,
        keys: [q.id],
      });
    }
  }
  return out;
}

async function newSession(env: Env): Promise<{ session: Session; q: Questionnaire } | undefined> {
  const { o, prompter } = env;
  // Refused before anything is asked: an id given on the command line must be a pseudonym.
  const given = o.respondent !== undefined ? pseudonymProblem(o.respondent) : undefined;
  if (given)
    throw new UserError(
      {
        de: `--respondent: ${pseudonymMessage(o.respondent!, given, "de")}`,
        en: `--respondent: ${pseudonymMessage(o.respondent!, given, "en")}`,
      },
      2,
    );
  const list = candidates(env.questionnaires, o.lang);
  let chosen: Candidate | undefined;
  // A unit without its own questionnaire (e.g. rpa) is interviewed with the core, under its id,
  // so that `score` can place the row in a department.
  let unit: string | undefined;
  const root = findRoot(env.questionnaires);
  if (o.department !== undefined) {
    chosen = list.find((c) => c.keys.includes(o.department!));
    // A unit the project lists is meant; an id a letter or two from a department is a typo, and
    // an interview with the core under it would be an hour of the department's time lost.
    const listed = env.pc?.project.departments.some((d) => d.id === o.department) === true;
    const near = listed
      ? undefined
      : closest(
          o.department,
          list.flatMap((c) => c.keys),
        );
    if (!chosen && near !== undefined)
      throw new UserError(
        {
          de: `unbekanntes Amt „${o.department}“ (meinten Sie „${near}“?); eine Einheit ohne eigenen Fragebogen: --department core, dann ihre Kennung eingeben, oder sie in reifegrad.yaml unter departments aufführen`,
          en: `unknown department "${o.department}" (did you mean "${near}"?); a unit without its own questionnaire: --department core, then enter its id, or list it under departments in reifegrad.yaml`,
        },
        2,
      );
    if (!chosen && UNIT_ID.test(o.department)) {
      chosen = list.find((c) => c.q === root);
      unit = o.department;
      env.ctx.stderr(
        say(
          o.lang,
          `„${o.department}“ hat keinen eigenen Fragebogen: Interview mit dem Kernfragebogen\n`,
          `"${o.department}" has no questionnaire of its own: interviewing with the core questionnaire\n`,
        ),
      );
    }
    if (!chosen) {
      const known = list.map((c) => c.keys[0]).join(", ");
      throw new UserError(
        {
          de: `unbekanntes Amt „${o.department}“ (bekannt: ${known}; oder eine Kennung wie rpa für eine Einheit ohne eigenen Fragebogen)`,
          en: `unknown department "${o.department}" (known: ${known}; or an id like rpa for a unit without its own questionnaire)`,
        },
        2,
      );
    }
  } else {
    const index = await prompter.select({
      message: say(o.lang, "Welcher Bereich wird befragt?", "Which department is interviewed?"),
      choices: list.map((c, i) => ({ value: String(i), name: c.label })),
    });
    chosen = list[Number(index)]!;
  }
  const q = chosen.q;
  if (q === root && unit === undefined) {
    const typed = await prompter.input({
      message: say(
        o.lang,
        "Kürzel der Organisationseinheit (z. B. rpa für das Rechnungsprüfungsamt)",
        "Id of the unit (e.g. rpa for the audit office)",
      ),
      validate: (v: string) =>
        UNIT_ID.test(v.trim())
          ? undefined
          : say(o.lang, "Kleinbuchstaben, Ziffern, _ oder -", "lowercase letters, digits, _ or -"),
    });
    unit = typed.trim();
  }
  const group = await chooseGroup(env, q);
  // A pseudonym: generated unless one is given; names and e-mail addresses are refused.
  const generated = `anon-${newId()}`;
  let respondent = o.respondent?.trim();
  if (!respondent) {
    const typed = await prompter.input({
      message: say(
        o.lang,
        "Kennung der befragten Person (Pseudonym; Enter = erzeugte Kennung)",
        "Respondent id (a pseudonym; Enter = generated id)",
      ),
      default: generated,
      validate: (v: string) => {
        const problem = pseudonymProblem(v);
        return problem ? pseudonymMessage(v, problem, o.lang) : undefined;
      },
    });
    respondent = typed.trim() || generated;
  }
  const state = startState(q, {
    respondent,
    group,
    ...(q.department ? { department: q.department.id } : unit ? { department: unit } : {}),
  });
  const session: Session = {
    format: 1,
    id: newId(),
    lang: o.lang,
    answersFile: env.answersFile,
    state,
  };
  await env.store.save(session);
  env.ctx.stderr(
    `${say(o.lang, "Sitzung", "session")} ${session.id} · ${chosen.label} · ${group} · ${respondent} · ${say(o.lang, "Zwischenstand nach jeder Antwort gespeichert", "saved after every answer")}\n`,
  );
  return { session, q };
}

async function chooseGroup(env: Env, q: Questionnaire): Promise<string> {
  const { o } = env;
  if (o.group !== undefined) {
    if (!q.groups.some((g) => g.id === o.group)) {
      const known = q.groups.map((g) => g.id).join(", ");
      throw new UserError(
        {
          de: `unbekannte Gruppe „${o.group}“ (bekannt: ${known})`,
          en: `unknown group "${o.group}" (known: ${known})`,
        },
        2,
      );
    }
    return o.group;
  }
  const perspective = q.groups.find((g) => g.id === q.group)?.perspective;
  const fitting = q.groups.filter((g) => g.perspective === perspective);
  if (fitting.length <= 1) return q.group;
  return env.prompter.select({
    message: say(
      o.lang,
      "Zu welcher Gruppe gehört die befragte Person?",
      "Which group does the respondent belong to?",
    ),
    choices: fitting.map((g) => ({ value: g.id, name: pick(g.name, o.lang, q) })),
    default: q.group,
  });
}

// ---- resuming --------------------------------------------------------------------------------

function describe(env: Env, s: Session): string {
  const q = env.questionnaires.find((x) => x.id === s.state.questionnaire.id);
  const lang = env.o.lang;
  const where = q?.department
    ? pick(q.department.name, lang, q)
    : q
      ? pick(q.title, lang, q)
      : s.state.questionnaire.id;
  const p = q ? progressOf(q, s.state) : undefined;
  const progress = p
    ? say(lang, `${p.answered} von ${p.total} beantwortet`, `${p.answered} of ${p.total} answered`)
    : "?";
  const at =
    s.state.position === undefined
      ? say(lang, "fertig, Zeile noch nicht gespeichert", "complete, row not yet saved")
      : say(lang, `weiter bei ${s.state.position}`, `continues at ${s.state.position}`);
  return `${s.id}  ${where} · ${s.state.group} · ${s.state.respondent} · ${progress} · ${at}`;
}

async function resumeSession(
  env: Env,
): Promise<{ session: Session; q: Questionnaire } | undefined> {
  const { o, ctx } = env;
  let session: Session;
  if (typeof o.resume === "string") {
    session = await env.store.load(o.resume);
  } else {
    const all = await env.store.list();
    if (all.length === 0) {
      ctx.stderr(
        `${say(o.lang, "Keine unterbrochenen Interviews in", "No interrupted interviews in")} ${o.sessions}\n`,
      );
      return undefined;
    }
    ctx.stderr(
      `${say(o.lang, "Unterbrochene Interviews in", "Interrupted interviews in")} ${o.sessions}:\n`,
    );
    const id = await env.prompter.select({
      message: say(
        o.lang,
        "Welches Interview fortsetzen?",
        "Which interview do you want to continue?",
      ),
      choices: all.map((s) => ({ value: s.id, name: describe(env, s) })),
    });
    session = all.find((s) => s.id === id)!;
  }
  const q = env.questionnaires.find((x) => x.id === session.state.questionnaire.id);
  if (!q) {
    const id = session.state.questionnaire.id;
    throw new UserError({
      de: `das Interview ${session.id} nutzt den Fragebogen „${id}“, der nicht unter den geladenen ist (geben Sie ihn mit --questionnaires an)`,
      en: `session ${session.id} uses questionnaire "${id}", which is not among the loaded questionnaires (pass it with --questionnaires)`,
    });
  }
  if (q.contentHash !== session.state.questionnaire.contentHash) {
    const fitted = await fitChangedQuestionnaire(env, session, q);
    if (!fitted) return undefined;
    session = fitted;
  }
  return { session, q };
}

async function fitChangedQuestionnaire(
  env: Env,
  session: Session,
  q: Questionnaire,
): Promise<Session | undefined> {
  const { o, ctx } = env;
  const { state, dropped } = reconcile(q, session.state);
  ctx.stderr(
    `${say(o.lang, `Der Fragebogen „${q.id}“ hat sich seit Beginn dieses Interviews geändert.`, `The questionnaire "${q.id}" changed since this interview started.`)}\n`,
  );
  if (dropped.length === 0) {
    ctx.stderr(
      `${say(o.lang, "Alle bisherigen Antworten passen weiterhin.", "All answers so far still fit.")}\n`,
    );
  } else {
    ctx.stderr(
      `${say(o.lang, "Diese Antworten passen nicht mehr und werden verworfen:", "These answers no longer fit and will be dropped:")}\n`,
    );
    for (const d of dropped) {
      const why =
        d.reason === "removed"
          ? say(o.lang, "Frage gibt es nicht mehr", "question no longer exists")
          : say(o.lang, "Antwort passt nicht mehr", "answer no longer fits");
      ctx.stderr(`  ${d.key} = "${d.value}": ${why}\n`);
    }
  }
  const ok = await env.prompter.confirm({
    message: say(
      o.lang,
      "Mit den übrigen Antworten fortfahren?",
      "Continue with the remaining answers?",
    ),
    default: true,
  });
  if (!ok) {
    ctx.stderr(`${say(o.lang, "Sitzung unverändert.", "Session left unchanged.")}\n`);
    return undefined;
  }
  const fitted: Session = { ...session, state };
  await env.store.save(fitted);
  return fitted;
}

// ---- interviewing and finishing ----------------------------------------------------------------

function resumeHint(env: Env, id: string): string {
  const { o } = env;
  const parts = ["reifegrad run --resume", id];
  if (o.sessions !== DEFAULT_SESSIONS_DIR) parts.push("--sessions", o.sessions);
  if (o.questionnaires !== undefined) parts.push("--questionnaires", o.questionnaires);
  if (o.lang !== "de") parts.push("--lang", o.lang);
  return parts.join(" ");
}

async function continueSession(env: Env, start: Session, q: Questionnaire): Promise<number> {
  const { ctx, o } = env;
  const lang = o.lang;
  let session = start;
  const outcome = await runInterview(q, session.state, {
    prompter: env.prompter,
    lang,
    print: ctx.stdout,
    save: async (state: InterviewState) => {
      session = { ...session, state };
      await env.store.save(session);
    },
    style: { heading: (s) => ctx.color.bold.cyan(s), dim: (s) => ctx.color.dim(s) },
  });
  if (outcome.kind !== "finished") {
    ctx.stderr(
      `\n${say(lang, "Interview gespeichert. Fortsetzen mit:", "Interview saved. Continue with:")}\n  ${resumeHint(env, session.id)}\n`,
    );
    return outcome.kind === "interrupted" ? EXIT.interrupted : EXIT.ok;
  }
  // The project's coverage rule, as `score` will apply it to this interview.
  const minCoverage = env.pc?.project.settings.minCoverage ?? DEFAULT_SETTINGS.minCoverage;
  const result = interviewResult(q, outcome.state, lang, minCoverage);
  ctx.stdout(
    `\n${renderResult(result, lang, { bold: (s) => ctx.color.bold(s), dim: (s) => ctx.color.dim(s) })}`,
  );
  const state = outcome.state;
  const row = new Map<string, string>([
    ["respondent", state.respondent],
    ["department", state.department ?? ""],
    ["group", state.group],
    ...finalAnswers(q, state),
  ]);
  const answersFile = o.answers ?? session.answersFile;
  const appended = await appendCsvRow(
    resolve(ctx.cwd, answersFile),
    ["respondent", "department", "group", ...answerColumns(q)],
    row,
  );
  await env.store.remove(session.id);
  ctx.stderr(
    `\n${say(lang, `Antworten gespeichert in ${answersFile} (jetzt ${appended.rows} ${appended.rows === 1 ? "Zeile" : "Zeilen"}).`, `Answers saved to ${answersFile} (now ${appended.rows} ${appended.rows === 1 ? "row" : "rows"}).`)}\n`,
  );
  if (appended.addedColumns.length > 0) {
    ctx.stderr(
      `${say(lang, "Neue Spalten ergänzt:", "Columns added:")} ${appended.addedColumns.join(", ")}\n`,
    );
  }
  const file = relative(env.pc?.dir ?? ctx.cwd, resolve(ctx.cwd, answersFile));
  const scoreCommand =
    env.pc && inputFor(env.pc.project.inputs, file)
      ? "reifegrad score"
      : `reifegrad score ${answersFile}`;
  ctx.stderr(`${say(lang, "Auswerten mit:", "Score with:")} ${scoreCommand}\n`);
  return EXIT.ok;
}
