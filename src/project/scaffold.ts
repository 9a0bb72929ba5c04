// The files `reifegrad init` writes, as text. Pure: the bundled questionnaires come in as values.
import type { Questionnaire } from "../questionnaire/model.js";
import { compareStrings } from "../util/order.js";

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

# The survey exports to score; patterns may use * and ? in the file name.
inputs:
  - path: exports/*.csv

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

| path | what |
|---|---|
| \`reifegrad.yaml\` | the project: questionnaires, departments (names, aliases, headcounts), targets, inputs, settings |
| \`questionnaires/\` | the questionnaires, copied from reifegrad to adapt: the core and one file per department |
| \`exports/\` | the survey exports (LimeSurvey, Microsoft Forms, Google Forms, CSV) — personal data, see below |
| \`reports/\` | the generated reports: report.md, report.html, assessment.json, scores.csv, items.csv |

## Workflow

1. Adapt the questionnaires with the departments, then check them: \`npx reifegrad validate\`.
2. Build the survey from them (\`npx reifegrad template core\` writes the answer columns) and run it.
3. Put the exports into \`exports/\` and score them: \`npx reifegrad score\` (no arguments: the
   inputs of \`reifegrad.yaml\`). It reports every row it could not use, and why.
4. Commit \`reports/\`. CI runs \`npx reifegrad report --check\` and fails when the reports are
   stale — after a change to the questionnaires, targets, settings or exports, run step 3 again.

Interviews in the terminal: \`npx reifegrad run\` appends to an answers file that can be listed as
an input.

## Privacy

Survey answers are personal data. Keep \`exports/\` in a repository only the project team can
read (or out of git altogether). The reports never show a group smaller than \`minGroupSize\`
and contain no free-text answers.
`;

export const GITHUB_WORKFLOW = `# Fails when the committed reports do not match the questionnaires, exports and settings.
name: reifegrad
on: [push, pull_request]
jobs:
  reports:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - run: npx --yes reifegrad report --check
`;

export const GITLAB_CI = `# Fails when the committed reports do not match the questionnaires, exports and settings.
reifegrad-reports:
  image: node:22
  script:
    - npx --yes reifegrad report --check
`;
