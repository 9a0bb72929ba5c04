// The commander program and the one error boundary: commands throw UserError (or return an exit
// code); only here do errors become messages and exit codes. Stack traces only with --debug.
import { type Argument, Command, CommanderError, Help, type Option } from "commander";
import { PACKAGE_VERSION } from "../io/paths.js";
import { UserError } from "../io/user-error.js";
import { type CliContext, loadColors, processContext } from "./context.js";
import { EXTRAS_DE, HELP_DE, PLACEHOLDERS_DE, TITLES_DE } from "./help-de.js";
import { type MessageLang, messageLang, say } from "./locale.js";
import { helpAfterError, usageError } from "./usage-errors.js";

export const EXIT = { ok: 0, inputs: 1, usage: 2, interrupted: 130 } as const;

/** Holds the exit code a command's action decided on. */
export interface ExitHolder {
  code: number;
}

export type CommandFactory = (ctx: CliContext, exit: ExitHolder) => Command;

export interface CommandEntry {
  /**
   * How `reifegrad --help` lists the command: its arguments and its description, as the command
   * itself declares them (test/e2e/commands.test.ts holds the two equal). The list is built from
   * these alone, so help without a command loads no command module: start-up stays near a bare
   * `node` (issue 16: at most 1.5×), instead of paying for chalk, the prompts, the CSV libraries
   * and the questionnaire code of every command.
   */
  readonly args: string;
  readonly description: string;
  readonly load: () => Promise<CommandFactory>;
}

/** Every command by name, in help order. A module is imported only when its command is named. */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  init: {
    args: "[options] [dir]",
    description:
      "scaffold an assessment folder: reifegrad.yaml, questionnaires to adapt, exports/, CI jobs",
    load: async () => (await import("./commands/init.js")).initCommand,
  },
  validate: {
    args: "[options] [paths...]",
    description: "check questionnaire files and report every problem with file:line:column",
    load: async () => (await import("./commands/validate.js")).validateCommand,
  },
  score: {
    args: "[options] [exports...]",
    description: "score survey exports per department and dimension and write reports",
    load: async () => (await import("./commands/score.js")).scoreCommand,
  },
  map: {
    args: "[options] <export>",
    description:
      "write a draft mapping file for a survey export (what matched, and TODOs for the rest)",
    load: async () => (await import("./commands/map.js")).mapCommand,
  },
  run: {
    args: "[options]",
    description: "interview a department in the terminal (autosave, resume, skip logic)",
    load: async () => (await import("./commands/run.js")).runCommand,
  },
  questionnaires: {
    args: "[options]",
    description: "list the questionnaires (id, department, group, dimensions, items)",
    load: async () => (await import("./commands/questionnaires.js")).questionnairesCommand,
  },
  template: {
    args: "[options] <id>",
    description: "write a blank answer CSV (header only) for a questionnaire, and its code list",
    load: async () => (await import("./commands/template.js")).templateCommand,
  },
  survey: {
    args: "[options] <target>",
    description:
      "write a survey for a survey tool (limesurvey, googleforms, xlsform) or on paper from the questionnaires; its export (or the typed-in paper answers) is scored without a mapping file",
    load: async () => (await import("./commands/survey.js")).surveyCommand,
  },
  report: {
    args: "[options] [assessment]",
    description:
      "render the reports from a saved assessment.json (no raw answers needed); in a project folder without an argument, from its committed reports/assessment.json — with --check, name every stale report file (for CI)",
    load: async () => (await import("./commands/report.js")).reportCommand,
  },
  compare: {
    args: "[options] <before> <after>",
    description: "show the change between two assessments (survey waves)",
    load: async () => (await import("./commands/compare.js")).compareCommand,
  },
};

/** Examples under each command's --help (clig.dev: lead with examples), as a user types them. */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  init: [
    "reifegrad init diagnose-2026 --ci-package git+https://host/group/reifegrad.git#v0.1.0",
    "reifegrad init .                      # fill the current folder (overwrites nothing)",
  ],
  validate: [
    "reifegrad validate                    # the project's questionnaires and reifegrad.yaml",
    "reifegrad validate questionnaires/departments/bauen.yaml   # one file, with the core it extends",
    "reifegrad validate --json > problems.json   # for tools: code, place, message per problem",
  ],
  score: [
    "reifegrad score                       # in an assessment folder: every input of reifegrad.yaml",
    "reifegrad score results-survey.csv --out reports --date 2026-11-25",
    "reifegrad score forms.csv --mapping mapping.yaml --department bauen --strict",
    "reifegrad score export.csv --format json --out - | jq .administration.overall",
  ],
  map: [
    "reifegrad map forms.csv --out mapping.yaml   # then: reifegrad score forms.csv --mapping mapping.yaml",
  ],
  run: [
    "reifegrad run                         # asks for department, group and a pseudonym",
    "reifegrad run --department buergeramt --group management",
    "reifegrad run --resume                # continue an interrupted interview",
  ],
  questionnaires: ["reifegrad questionnaires", "reifegrad questionnaires show bauen --format md"],
  template: ["reifegrad template core --out answers-template.csv --codes codes.txt"],
  survey: [
    "reifegrad survey limesurvey --department bauen --out survey/",
    "reifegrad survey limesurvey --all --out survey/   # one survey, the department asked first",
    "reifegrad survey paper --department bauen --pdf --out survey/   # A4 form and data-entry CSV",
    "reifegrad survey googleforms --department bauen --out survey/   # Apps Script that creates the form",
    "reifegrad survey xlsform --department bauen --out survey/   # XLSForm for KoboToolbox / ODK",
  ],
  report: [
    "reifegrad report --check              # CI: exit 1 naming every stale report (committed files only)",
    "reifegrad report reports/assessment.json --out print --format html --lang en",
  ],
  compare: ["reifegrad compare wave-2025/assessment.json wave-2026/assessment.json"],
};

/** The examples of a command's --help, their comments in the user's language. */
function examplesText(name: string, lang: MessageLang): string {
  const lines = EXAMPLES[name];
  if (!lines) return "";
  const said = lines.map((l) => {
    const at = l.indexOf("  # ");
    if (at < 0 || lang === "en") return `  $ ${l}`;
    const comment = l.slice(at).replace(/^\s+# /, "");
    return `  $ ${l.slice(0, at)}  # ${helpText(comment, lang)}`;
  });
  return `\n${helpText("Examples:", lang)}\n${said.join("\n")}\n`;
}

/** A help text in the user's language: the German of src/cli/help-de.ts, else as declared. */
export function helpText(text: string, lang: MessageLang): string {
  return lang === "de" ? (HELP_DE[text] ?? text) : text;
}

/** Commander's "(choices: …, default: …)" after a description, in German. */
function extrasDe(full: string, description: string): string {
  const at = full.startsWith(description) ? description.length : 0;
  return full.slice(0, at) + EXTRAS_DE.reduce((t, [re, de]) => t.replace(re, de), full.slice(at));
}

/** Commander's placeholders in a usage line or an option's term, in German (PLACEHOLDERS_DE). */
function placeholdersDe(text: string): string {
  return text.replace(/([<[])([\w.-]+?)(\.\.\.)?([>\]])/g, (all, open, name, dots, close) =>
    Object.hasOwn(PLACEHOLDERS_DE, name)
      ? `${open}${PLACEHOLDERS_DE[name]}${dots ?? ""}${close}`
      : all,
  );
}

/** How commander words its help: in German under a German locale, as commander does otherwise. */
function helpConfiguration(lang: MessageLang): Partial<Help> {
  const config: Partial<Help> = { subcommandTerm: helpTerm };
  if (lang !== "de") return config;
  return {
    ...config,
    styleTitle: (title: string) => TITLES_DE[title] ?? title,
    styleUsage: placeholdersDe,
    subcommandTerm: (cmd: Command) => placeholdersDe(helpTerm(cmd)),
    styleOptionTerm: placeholdersDe,
    // An argument's term is its bare name (`exports`).
    styleArgumentTerm: (name: string) => PLACEHOLDERS_DE[name] ?? name,
    optionDescription: (o: Option) =>
      extrasDe(defaultHelp.optionDescription(o), o.description ?? ""),
    argumentDescription: (a: Argument) =>
      extrasDe(defaultHelp.argumentDescription(a), a.description ?? ""),
  };
}

/**
 * Words a command's help in the user's language, with its subcommands: description, arguments
 * and options as the command declares them (English), in German from the table in help-de.ts.
 */
function localizeHelp(command: Command, lang: MessageLang): Command {
  command.configureHelp(helpConfiguration(lang));
  if (lang !== "de") return command;
  command.description(helpText(command.description(), lang));
  for (const a of command.registeredArguments) a.description = helpText(a.description, lang);
  for (const o of command.options) o.description = helpText(o.description, lang);
  command.helpOption("-h, --help", helpText("display help for command", lang));
  for (const sub of command.commands) localizeHelp(sub, lang);
  return command;
}

/**
 * The command a line names: its first word that is not an option (the global options take no
 * value), or after `help` the word after that. Undefined for no command or an unknown one.
 */
export function commandNamed(argv: readonly string[]): string | undefined {
  const words = argv.slice(2).filter((a) => !a.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? name : undefined;
}

/**
 * The commands a line needs: the named command, loaded; without one (help, --version, no
 * command, a misspelt one) every command as its help summary, which commander can list and
 * suggest from but never runs.
 */
export async function commandsFor(
  argv: readonly string[],
  ctx: CliContext,
  exit: ExitHolder,
): Promise<Command[]> {
  const name = commandNamed(argv);
  if (name !== undefined) return [(await COMMANDS[name]!.load())(ctx, exit)];
  return Object.entries(COMMANDS).map(([n, entry]) =>
    new Command(n).description(entry.description),
  );
}

export function buildProgram(ctx: CliContext, commands: readonly Command[]): Command {
  const lang = messageLang(ctx.env);
  // Usage errors in the user's language, from the program and from every command.
  const output = {
    writeOut: ctx.stdout,
    writeErr: ctx.stderr,
    outputError: (text: string, write: (s: string) => void) => write(usageError(text, lang)),
  };
  const t = (text: string) => helpText(text, lang);
  const program = new Command("reifegrad")
    .description(t("Measure the digital maturity of a public administration"))
    .version(PACKAGE_VERSION, "-V, --version", t("output the version number"))
    .option("--debug", t("show stack traces for unexpected errors"))
    .showHelpAfterError(helpAfterError(lang))
    .configureOutput(output)
    .configureHelp(helpConfiguration(lang))
    // Colours are loaded only when a command runs (or an error is printed), not for help.
    .hook("preAction", loadColors)
    .exitOverride();
  if (lang === "de") {
    program.helpOption("-h, --help", t("display help for command"));
    program.helpCommand("help [command]", t("display help for command"));
  }
  for (const command of commands) {
    const examples = examplesText(command.name(), lang);
    if (examples !== "") command.addHelpText("after", examples);
    program.addCommand(localizeHelp(command, lang).configureOutput(output).exitOverride());
  }
  return program;
}

const defaultHelp = new Help();
/** A command's line in the list of commands: from its entry, whether it is loaded or a summary. */
function helpTerm(cmd: Command): string {
  if (cmd.parent?.name() !== "reifegrad" || !Object.hasOwn(COMMANDS, cmd.name())) {
    return defaultHelp.subcommandTerm(cmd);
  }
  return `${cmd.name()} ${COMMANDS[cmd.name()]!.args}`.trimEnd();
}

export async function main(
  argv: readonly string[],
  ctx: CliContext = processContext(),
): Promise<number> {
  const exit: ExitHolder = { code: EXIT.ok };
  const program = buildProgram(ctx, await commandsFor(argv, ctx, exit));
  try {
    await program.parseAsync([...argv]);
    return exit.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    await loadColors();
    if (e instanceof UserError) {
      const lang = messageLang(ctx.env);
      if (e.problems.length > 0) {
        const { formatProblems } = await import("./problems.js");
        ctx.stderr(formatProblems(e.problems, ctx.colorErr, lang));
      }
      ctx.stderr(`${ctx.colorErr.red(say(lang, "Fehler", "error"))}: ${e.say(lang)}\n`);
      return e.exitCode;
    }
    const debug = argv.includes("--debug");
    ctx.stderr(
      debug && e instanceof Error
        ? `${e.stack}\n`
        : say(
            messageLang(ctx.env),
            `${ctx.colorErr.red("interner Fehler")}: ${(e as Error)?.message ?? String(e)}\n(für Einzelheiten mit --debug erneut ausführen)\n`,
            `${ctx.colorErr.red("internal error")}: ${(e as Error)?.message ?? String(e)}\n(run again with --debug for details)\n`,
          ),
    );
    return EXIT.inputs;
  }
}
