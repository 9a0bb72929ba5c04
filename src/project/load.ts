// Parses and validates reifegrad.yaml. Pure: the text comes in; checks that need the file system
// (missing export files) or the scores (headcount below respondents) take their facts as values
// and report at the position of the offending entry.
import { coded, type Problem } from "../problem.js";
import type { Questionnaire, Text } from "../questionnaire/model.js";
import { reporterInto } from "../questionnaire/reporter.js";
import { checkShape, isRecord } from "../questionnaire/shape.js";
import { closest } from "../questionnaire/suggest.js";
import { type ParsedYaml, parseYaml, type SourceFile } from "../questionnaire/yaml-source.js";
import { PROJECT } from "./format.js";
import type { Project, ProjectDepartment, ProjectInput, ReportFormat } from "./model.js";

export interface ProjectResult {
  readonly project?: Project;
  readonly problems: readonly Problem[];
  /** Positions in the file, for checks made later. */
  readonly parsed?: ParsedYaml;
}

const LANGUAGES = ["de", "en"];

export function parseProject(source: SourceFile): ProjectResult {
  const { parsed, problems: parseProblems } = parseYaml(source);
  const problems: Problem[] = [...parseProblems];
  if (!parsed) return { problems };
  const report = reporterInto(problems);
  checkShape({ parsed, languages: LANGUAGES, isRoot: true, report }, parsed.data, PROJECT);
  if (problems.some((p) => p.severity === "error")) return { problems, parsed };
  const d = parsed.data as Record<string, unknown>;
  const departments: ProjectDepartment[] = ((d.departments as unknown[]) ?? [])
    .filter(isRecord)
    .map((x) => ({
      id: String(x.id),
      ...(x.name !== undefined ? { name: asText(x.name) } : {}),
      aliases: Array.isArray(x.aliases) ? x.aliases.map(String) : [],
      ...(typeof x.headcount === "number" ? { headcount: x.headcount } : {}),
      ...(x.method === "interview" || x.method === "survey" ? { method: x.method } : {}),
    }));
  const seen = new Map<string, number>();
  departments.forEach((dep, i) => {
    if (seen.has(dep.id)) {
      report(
        "duplicate-id.department",
        { id: dep.id, first: seen.get(dep.id)! },
        parsed.at(["departments", i, "id"]),
      );
    } else seen.set(dep.id, i);
  });
  const targets = (isRecord(d.targets) ? d.targets : {}) as Record<string, Record<string, string>>;
  for (const dept of Object.keys(targets)) {
    if (departments.length > 0 && !seen.has(dept)) {
      report(
        "unknown-department.target",
        { id: dept, closest: closest(dept, seen.keys()) },
        parsed.keyAt(["targets", dept]),
      );
    }
  }
  const inputs: ProjectInput[] = ((d.inputs as unknown[]) ?? []).filter(isRecord).map((x) => ({
    path: String(x.path),
    ...(typeof x.preset === "string" ? { preset: x.preset } : {}),
    ...(typeof x.mapping === "string" ? { mapping: x.mapping } : {}),
    ...(typeof x.department === "string" ? { department: x.department } : {}),
    ...(typeof x.group === "string" ? { group: x.group } : {}),
    ...(x.optional === true ? { optional: true } : {}),
  }));
  inputs.forEach((input, i) => {
    if (input.department && departments.length > 0 && !seen.has(input.department)) {
      report(
        "unknown-department.input",
        { id: input.department, closest: closest(input.department, seen.keys()) },
        parsed.at(["inputs", i, "department"]),
      );
    }
  });
  const settings = isRecord(d.settings) ? d.settings : {};
  const outputs = isRecord(d.outputs) ? d.outputs : {};
  const project: Project = {
    file: source.path,
    ...(d.title !== undefined ? { title: asText(d.title) } : {}),
    questionnaires: Array.isArray(d.questionnaires)
      ? d.questionnaires.map(String)
      : ["questionnaires"],
    departments,
    targets,
    inputs,
    settings: settings as Project["settings"],
    outputs: {
      dir: typeof outputs.dir === "string" ? outputs.dir : "reports",
      ...(Array.isArray(outputs.formats) ? { formats: outputs.formats as ReportFormat[] } : {}),
    },
    ...(typeof d.previous === "string" ? { previous: d.previous } : {}),
  };
  return { project, problems, parsed };
}

function asText(v: unknown): Text {
  return typeof v === "string" ? { de: v, en: v } : (v as Text);
}

/** Targets must name dimensions and levels the department's questionnaire has. */
export function checkTargets(
  project: Project,
  parsed: ParsedYaml,
  questionnaireFor: (department: string) => Questionnaire,
): Problem[] {
  const problems: Problem[] = [];
  const report = reporterInto(problems);
  for (const [dept, dims] of Object.entries(project.targets)) {
    const q = questionnaireFor(dept);
    const levels = q.levels.map((l) => l.id);
    for (const [dim, level] of Object.entries(dims)) {
      if (!q.dimensions.some((x) => x.id === dim)) {
        const dimensions = q.dimensions.map((x) => x.id);
        report(
          "unknown-dimension.target",
          {
            questionnaire: q.id,
            department: dept,
            id: dim,
            closest: closest(dim, dimensions),
            dimensions,
          },
          parsed.keyAt(["targets", dept, dim]),
        );
      } else if (!levels.includes(String(level))) {
        report(
          "unknown-level.target",
          { id: String(level), closest: closest(String(level), levels), levels },
          parsed.at(["targets", dept, dim]),
        );
      }
    }
  }
  return problems;
}

/** An input whose path matched no file: an error, or a warning for an optional input. */
export function missingInput(parsed: ParsedYaml, index: number, input: ProjectInput): Problem {
  return coded(
    "missing-input",
    { path: input.path, optional: input.optional === true },
    { ...parsed.at(["inputs", index, "path"]), ...(input.optional ? { severity: "warning" } : {}) },
  );
}

/** More respondents than staff: the headcount (or the department of some rows) is wrong. */
export function checkHeadcounts(
  project: Project,
  parsed: ParsedYaml,
  respondents: ReadonlyMap<string, number>,
): Problem[] {
  const problems: Problem[] = [];
  project.departments.forEach((d, i) => {
    const n = respondents.get(d.id) ?? 0;
    if (d.headcount !== undefined && n > d.headcount) {
      problems.push(
        coded(
          "headcount-below-respondents",
          { id: d.id, headcount: d.headcount, respondents: n },
          parsed.at(["departments", i, "headcount"]),
        ),
      );
    }
  });
  return problems;
}
