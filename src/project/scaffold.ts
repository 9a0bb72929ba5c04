// The files `reifegrad init` writes, as text. Pure: the bundled questionnaires come in as values.
import type { Questionnaire } from "../questionnaire/model.js";
import { compareStrings } from "../util/order.js";
import { INTERVIEW_ANSWERS } from "./model.js";

export function projectYaml(questionnaires: readonly Questionnaire[]): string {
  const departments = questionnaires
    .filter((q) => q.department)
    .sort((a, b) => compareStrings(a.department!.id, b.department!.id))
    .map((q) => {
      const { id, name } = q.department!;
      const text = Object.entries(name)
        .map(([lang, t]) => `${lang}: ${JSON.stringify(t)}`)
        .join(", ");
      return `  - { id: ${id}, name: { ${text} }, aliases: [] }`;
    });
  const body = [
    "format: 1",
    'title: { de: "Diagnose des digitalen Reifegrads", en: "Digital maturity diagnosis" }',
    "questionnaires: [questionnaires]",
    "departments:",
    ...departments,
  ].join("\n");
  return `# yaml-language-server: $schema=schema/project.schema.json
# The assessment project: which questionnaires, departments, exports and settings to use.
# Every reifegrad command run in this folder (or below it) reads this file; flags override it.
# The format is described in reifegrad's docs/project-format.md.
${body}
# Add the number of staff per department for response rates, e.g.
#   - { id: bauen, name: { de: Bauen und Planen, en: Building and planning }, headcount: 85 }

# Target level per department and dimension (default: the questionnaire's targets), e.g.
# targets:
#   buergeramt: { services: L4 }

# What \`reifegrad score\` reads; patterns may use * and ? in the file name. Raw answers are
# personal data: .gitignore keeps both folders out of git (CI needs only reports/).
inputs:
  - path: exports/*.csv             # survey exports (LimeSurvey, Microsoft Forms, Google Forms, CSV)
    optional: true
  - path: ${INTERVIEW_ANSWERS}   # interviews held with \`reifegrad run\` in this folder
    optional: true

settings:
  minGroupSize: 5        # groups smaller than this are never shown (at least 3)
  minCoverage: 0.5       # share of a dimension's items a respondent must answer
  minResponseRate: 0.3   # lower response rates are flagged
  weighting: respondent  # or department: each department counts once in the total
  lang: de

outputs:
  dir: reports
  formats: [terminal, md, html, json, csv]
`;
}

export const TEAM_README = `# Digital maturity diagnosis

This folder is a reifegrad assessment project. It holds everything the diagnosis needs, so that
the reports can be regenerated and checked at any time:

| path | what | in git |
|---|---|---|
| \`reifegrad.yaml\` | the project: questionnaires, departments (names, aliases, headcounts), targets, inputs, settings | yes |
| \`questionnaires/\` | the questionnaires, copied from reifegrad to adapt: the core and one file per department | yes |
| \`exports/\` | the survey exports (LimeSurvey, Microsoft Forms, Google Forms, CSV) — personal data | no |
| \`interviews/\` | \`answers.csv\`: the interviews held with \`reifegrad run\` — personal data | no |
| \`.reifegrad/\` | interrupted interviews, to resume | no |
| \`reports/\` | the generated reports: assessment.json, report.md, report.html, scores.csv, items.csv | yes |

## Workflow

1. Adapt the questionnaires with the departments, then check them: \`reifegrad validate\`.
2. Build the survey from them (\`reifegrad template core\` writes the answer columns) and run it;
   put the exports into \`exports/\`. Interviews: \`reifegrad run\` in this folder adds each
   finished interview to \`interviews/answers.csv\`.
3. Score: \`reifegrad score\` (no arguments: the inputs of \`reifegrad.yaml\`). It reports every
   row it could not use, and why, and writes \`reports/\`.
4. Commit \`reports/\` with the questionnaires and \`reifegrad.yaml\`. CI runs
   \`reifegrad report --check\` on the committed files alone and fails when the reports are stale
   — after a change to the questionnaires, targets or settings, run step 3 again.

## Privacy

Survey and interview answers are personal data. \`.gitignore\` keeps \`exports/\`,
\`interviews/\`, \`.reifegrad/\` and \`reports/rejects*.csv\` (rows that could not be scored) out
of git; keep them on the team's drive. The reports never show a group smaller than
\`minGroupSize\` and contain no free-text answers.
`;

/**
 * Keeps the raw answers out of git: survey exports, interview answers, interrupted interviews and
 * the rows \`score\` could not use. What CI needs (reifegrad.yaml, questionnaires/, reports/) stays.
 */
export const GITIGNORE = `# Raw answers are personal data: they stay out of git. \`reifegrad report --check\`
# (the CI job) needs only reifegrad.yaml, questionnaires/ and reports/.
/exports/*
!/exports/.gitkeep
/interviews/*
!/interviews/.gitkeep
# Interrupted interviews (answers so far), to resume with \`reifegrad run --resume\`
/.reifegrad/
# Rows of raw answers that \`reifegrad score\` could not use
/reports/rejects*.csv
`;

/** The reifegrad that writes the CI jobs: the jobs install and run exactly this version. */
export interface ReifegradPin {
  /** package.json's name and version. */
  readonly name: string;
  readonly version: string;
  /**
   * What `npm install` installs it from: a git URL with the version's tag
   * (`git+https://host/reifegrad.git#v0.1.0`), a tarball URL or path, or `name@version` once the
   * package is on a registry. Undefined when unknown: the job then fails, saying what to set.
   */
  readonly source?: string;
}

/** The install spec init derives from package.json's `repository`: its git URL at tag v<version>. */
export function sourceFromRepository(repository: unknown, version: string): string | undefined {
  const url =
    typeof repository === "string"
      ? repository
      : repository !== null && typeof repository === "object" && "url" in repository
        ? String((repository as { url: unknown }).url)
        : undefined;
  if (!url) return undefined;
  const shorthand = /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(url);
  const git = shorthand
    ? `git+https://github.com/${shorthand[1]}/${shorthand[2]}.git`
    : url.startsWith("git+") || url.startsWith("git://")
      ? url
      : /^https?:\/\//.test(url)
        ? `git+${url}`
        : undefined;
  return git ? `${git.replace(/#.*$/, "")}#v${version}` : undefined;
}

/** A YAML double-quoted scalar. */
const quoted = (s: string) => JSON.stringify(s);

/**
 * The shell lines both CI jobs run: install the pinned reifegrad, make sure it is that version,
 * then check the committed reports. Nothing here reads exports/ or interviews/.
 */
function ciLines(pin: ReifegradPin): { install: string; verify: string; check: string } {
  const what = `${pin.name} ${pin.version}`;
  return {
    install:
      `test -n "$REIFEGRAD_PACKAGE" || { echo "Set REIFEGRAD_PACKAGE to where ${what} is installed from, e.g. git+https://<host>/<group>/reifegrad.git#v${pin.version} (see reifegrad's docs/project-format.md)"; exit 1; }; ` +
      `npm install --global --no-audit --no-fund "$REIFEGRAD_PACKAGE"`,
    verify: `test "$(reifegrad --version)" = "$REIFEGRAD_VERSION" || { echo "installed reifegrad $(reifegrad --version), but the reports are pinned to $REIFEGRAD_VERSION"; exit 1; }`,
    check: "reifegrad report --check",
  };
}

function ciHeader(pin: ReifegradPin, comment: string): string {
  return `${comment} Fails when the committed reports are stale: checks reports/ against reifegrad.yaml
${comment} and questionnaires/ alone — the raw answers (exports/, interviews/) are not committed
${comment} and not needed. Pinned to ${pin.name} ${pin.version}, the version that wrote this file: to
${comment} upgrade, change both variables below and run \`reifegrad score\` with the new version.
`;
}

export function githubWorkflow(pin: ReifegradPin): string {
  const lines = ciLines(pin);
  return `${ciHeader(pin, "#")}name: reifegrad
on: [push, pull_request]
jobs:
  reports:
    runs-on: ubuntu-latest
    env:
      REIFEGRAD_VERSION: ${quoted(pin.version)}
      REIFEGRAD_PACKAGE: ${quoted(pin.source ?? "")}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - name: install reifegrad ${pin.version}
        run: ${yamlString(lines.install)}
      - name: verify the version
        run: ${yamlString(lines.verify)}
      - name: check the committed reports
        run: ${lines.check}
`;
}

export function gitlabCi(pin: ReifegradPin): string {
  const lines = ciLines(pin);
  return `${ciHeader(pin, "#")}reifegrad-reports:
  image: node:22
  variables:
    REIFEGRAD_VERSION: ${quoted(pin.version)}
    REIFEGRAD_PACKAGE: ${quoted(pin.source ?? "")}
  script:
    - ${yamlString(lines.install)}
    - ${yamlString(lines.verify)}
    - ${lines.check}
`;
}

/** A YAML single-quoted scalar (shell text with $, {, ", : inside stays as it is). */
function yamlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
