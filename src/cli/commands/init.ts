import { existsSync } from "node:fs";
import { cp, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { Command } from "commander";
import { makeFolder, readQuestionnaireSources, writeFileAtomic } from "../../io/files.js";
import { BUNDLED_QUESTIONNAIRES, BUNDLED_SCHEMAS } from "../../io/paths.js";
import { UserError } from "../../io/user-error.js";
import { INTERVIEW_ANSWERS, PROJECT_FILE } from "../../project/model.js";
import {
  GITIGNORE,
  githubWorkflow,
  gitlabCi,
  projectYaml,
  type ReifegradPin,
  sourceFromRepository,
  TEAM_README,
} from "../../project/scaffold.js";
import { loadQuestionnaires } from "../../questionnaire/load.js";
import type { CliContext } from "../context.js";
import { messageLang, say } from "../locale.js";
import type { ExitHolder } from "../main.js";

/**
 * The running reifegrad, from its own package.json: the CI jobs pin this name and version, and
 * install it from --ci-package, else from package.json's \`repository\` at tag v<version>.
 */
async function runningPin(ciPackage: string | undefined): Promise<ReifegradPin> {
  const pkg = JSON.parse(
    await readFile(new URL("../../../package.json", import.meta.url), "utf8"),
  ) as { name: string; version: string; repository?: unknown };
  const source = ciPackage ?? sourceFromRepository(pkg.repository, pkg.version);
  return { name: pkg.name, version: pkg.version, ...(source ? { source } : {}) };
}

export function initCommand(ctx: CliContext, exit: ExitHolder): Command {
  return new Command("init")
    .description(
      "scaffold an assessment folder: reifegrad.yaml, questionnaires to adapt, exports/, CI jobs",
    )
    .argument("[dir]", "folder to create or fill", ".")
    .option(
      "--ci-package <spec>",
      "where the CI jobs install this reifegrad version from (an npm install spec, e.g. git+https://host/group/reifegrad.git#v0.1.0)",
    )
    .action(async (dir: string, o: { ciPackage?: string }) => {
      // An empty spec would be written into the CI files and silence the warning below.
      if (o.ciPackage !== undefined && o.ciPackage.trim() === "")
        throw new UserError(
          {
            de: "--ci-package braucht eine Installationsangabe, z. B. git+https://host/gruppe/reifegrad.git#v0.1.0",
            en: "--ci-package needs an install spec, e.g. git+https://host/group/reifegrad.git#v0.1.0",
          },
          2,
        );
      const root = resolve(ctx.cwd, dir);
      const pin = await runningPin(o.ciPackage);
      const files: Record<string, string> = {
        [PROJECT_FILE]: "",
        "README.md": TEAM_README,
        ".gitignore": GITIGNORE,
        ".github/workflows/reifegrad.yml": githubWorkflow(pin),
        ".gitlab-ci.yml": gitlabCi(pin),
        "exports/.gitkeep": "",
        [join(dirname(INTERVIEW_ANSWERS), ".gitkeep")]: "",
      };
      const lang = messageLang(ctx.env);
      const copies = ["questionnaires", "schema"];
      const existing = [...Object.keys(files), ...copies].filter((f) => existsSync(join(root, f)));
      if (existing.length > 0) {
        const where = relative(ctx.cwd, root) || ".";
        throw new UserError(
          say(
            lang,
            `${where} enthält schon ${existing.join(", ")}; init überschreibt nichts — wählen Sie einen leeren Ordner`,
            `${where} already has ${existing.join(", ")}; init overwrites nothing — choose an empty folder`,
          ),
        );
      }
      const sources = await readQuestionnaireSources(
        [BUNDLED_QUESTIONNAIRES],
        BUNDLED_QUESTIONNAIRES,
      );
      const { questionnaires } = loadQuestionnaires(sources);
      files[PROJECT_FILE] = projectYaml(questionnaires);
      makeFolder(root);
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
      const count = questionnaires.length;
      const exportsDir = join(shown, "exports");
      const interviews = join(shown, INTERVIEW_ANSWERS);
      ctx.stderr(
        say(
          lang,
          `Bewertungsprojekt angelegt in ${shown}:\n` +
            `  ${PROJECT_FILE}, questionnaires/ (${count} Fragebögen), schema/, exports/, interviews/, README.md, .gitignore, CI-Jobs\n` +
            `Rohdaten (exports/, interviews/) bleiben per .gitignore außerhalb von git.\n` +
            `Weiter: Umfrage-Exporte nach ${exportsDir}/ legen oder mit \`reifegrad run\` interviewen (→ ${interviews}), dann \`reifegrad score\` im Projektordner\n`,
          `created an assessment project in ${shown}:\n` +
            `  ${PROJECT_FILE}, questionnaires/ (${count} questionnaires), schema/, exports/, interviews/, README.md, .gitignore, CI jobs\n` +
            `raw answers (exports/, interviews/) stay out of git through .gitignore\n` +
            `next: put survey exports into ${exportsDir}/ or interview with \`reifegrad run\` (→ ${interviews}), then run \`reifegrad score\` in the project folder\n`,
        ),
      );
      if (!pin.source) {
        ctx.stderr(
          say(
            lang,
            `Achtung: unbekannt, woher CI ${pin.name} ${pin.version} installiert (nicht in npm veröffentlicht, kein \`repository\` in package.json): in .gitlab-ci.yml und .github/workflows/reifegrad.yml REIFEGRAD_PACKAGE setzen, z. B. git+https://<host>/<gruppe>/reifegrad.git#v${pin.version} — oder init mit --ci-package aufrufen\n`,
            `warning: it is not known where CI installs ${pin.name} ${pin.version} from (not published on npm, no \`repository\` in package.json): set REIFEGRAD_PACKAGE in .gitlab-ci.yml and .github/workflows/reifegrad.yml, e.g. git+https://<host>/<group>/reifegrad.git#v${pin.version} — or run init with --ci-package\n`,
          ),
        );
      }
      exit.code = 0;
    });
}
