import { existsSync } from "node:fs";
import { cp, mkdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { Command } from "commander";
import { readQuestionnaireSources, writeFileAtomic } from "../../io/files.js";
import { BUNDLED_QUESTIONNAIRES, BUNDLED_SCHEMAS } from "../../io/paths.js";
import { UserError } from "../../io/user-error.js";
import { PROJECT_FILE } from "../../project/model.js";
import { GITHUB_WORKFLOW, GITLAB_CI, projectYaml, TEAM_README } from "../../project/scaffold.js";
import { loadQuestionnaires } from "../../questionnaire/load.js";
import type { CliContext } from "../context.js";
import type { ExitHolder } from "../main.js";

export function initCommand(ctx: CliContext, exit: ExitHolder): Command {
  return new Command("init")
    .description(
      "scaffold an assessment folder: reifegrad.yaml, questionnaires to adapt, exports/, CI jobs",
    )
    .argument("[dir]", "folder to create or fill", ".")
    .action(async (dir: string) => {
      const root = resolve(ctx.cwd, dir);
      const files: Record<string, string> = {
        [PROJECT_FILE]: "",
        "README.md": TEAM_README,
        ".github/workflows/reifegrad.yml": GITHUB_WORKFLOW,
        ".gitlab-ci.yml": GITLAB_CI,
        "exports/.gitkeep": "",
      };
      const copies = ["questionnaires", "schema"];
      const existing = [...Object.keys(files), ...copies].filter((f) => existsSync(join(root, f)));
      if (existing.length > 0) {
        throw new UserError(
          `${relative(ctx.cwd, root) || "."} already has ${existing.join(", ")}; init overwrites nothing — choose an empty folder`,
        );
      }
      const sources = await readQuestionnaireSources(
        [BUNDLED_QUESTIONNAIRES],
        BUNDLED_QUESTIONNAIRES,
      );
      const { questionnaires } = loadQuestionnaires(sources);
      files[PROJECT_FILE] = projectYaml(questionnaires);
      await mkdir(root, { recursive: true });
      await cp(BUNDLED_QUESTIONNAIRES, join(root, "questionnaires"), {
        recursive: true,
        errorOnExist: true,
        force: false,
      });
      await cp(BUNDLED_SCHEMAS, join(root, "schema"), {
        recursive: true,
        errorOnExist: true,
        force: false,
      });
      for (const [name, text] of Object.entries(files))
        await writeFileAtomic(join(root, name), text);
      const shown = relative(ctx.cwd, root) || ".";
      ctx.stderr(
        `created an assessment project in ${shown}:\n` +
          `  ${PROJECT_FILE}, questionnaires/ (${questionnaires.length} questionnaires), schema/, exports/, README.md, CI jobs\n` +
          `next: put survey exports into ${join(shown, "exports")}/ and run \`reifegrad score\` there\n`,
      );
      exit.code = 0;
    });
}
