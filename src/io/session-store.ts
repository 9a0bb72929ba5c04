// Interview sessions on disk: one JSON file per session id in a sessions folder, written
// atomically after every answer, so an interview survives Ctrl-C, a crash or a closed laptop.
import { randomBytes } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { InterviewState } from "../responses/interview/flow.js";
import { compareStrings } from "../util/order.js";
import { fileError, writeFileAtomic } from "./files.js";
import { UserError } from "./user-error.js";

export const DEFAULT_SESSIONS_DIR = ".reifegrad/sessions";

export interface Session {
  readonly format: 1;
  readonly id: string;
  readonly lang: "de" | "en";
  /** The answers file the finished row goes to (as given on the command line). */
  readonly answersFile: string;
  readonly state: InterviewState;
}

const ID = /^[a-z0-9][a-z0-9-]{2,40}$/;

/** A fresh id from crypto random bytes, e.g. "k7f3-9q2m" (never from the clock). */
export function newId(prefix = ""): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(8);
  let s = "";
  for (let i = 0; i < 8; i++) s += alphabet[bytes[i]! % alphabet.length];
  return `${prefix}${s.slice(0, 4)}-${s.slice(4)}`;
}

export class SessionStore {
  constructor(readonly dir: string) {}

  pathOf(id: string): string {
    if (!ID.test(id))
      throw new UserError(
        {
          de: `„${id}“ ist keine Interview-Kennung (wie k7f3-9q2m)`,
          en: `"${id}" is not a session id (like k7f3-9q2m)`,
        },
        2,
      );
    return join(this.dir, `${id}.json`);
  }

  async save(session: Session): Promise<void> {
    await writeFileAtomic(this.pathOf(session.id), `${JSON.stringify(session, null, 2)}\n`);
  }

  async load(id: string): Promise<Session> {
    const path = this.pathOf(id);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") {
        throw new UserError({
          de: `kein Interview „${id}“ in ${this.dir} (\`reifegrad run --resume\` listet sie auf)`,
          en: `no session "${id}" in ${this.dir} (run \`reifegrad run --resume\` to list them)`,
        });
      }
      throw fileError(path, e);
    }
    const s = parseSession(text);
    if (!s)
      throw new UserError({
        de: `${path}: keine Interview-Datei von reifegrad`,
        en: `${path}: not a reifegrad session file`,
      });
    return s;
  }

  /** Every readable session in the folder, by id; unreadable files are skipped. */
  async list(): Promise<Session[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw fileError(this.dir, e);
    }
    const out: Session[] = [];
    for (const name of names.filter((n) => n.endsWith(".json")).sort(compareStrings)) {
      try {
        const s = parseSession(await readFile(join(this.dir, name), "utf8"));
        if (s) out.push(s);
      } catch {
        // a file being replaced right now, or not ours: not a session to offer
      }
    }
    return out;
  }

  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }
}

function parseSession(text: string): Session | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const s = data as Partial<Session> | null;
  const st = s?.state as Partial<InterviewState> | undefined;
  if (
    s?.format !== 1 ||
    typeof s.id !== "string" ||
    !ID.test(s.id) ||
    (s.lang !== "de" && s.lang !== "en") ||
    typeof s.answersFile !== "string" ||
    !st ||
    typeof st.respondent !== "string" ||
    typeof st.group !== "string" ||
    typeof st.questionnaire?.id !== "string" ||
    typeof st.questionnaire.contentHash !== "string" ||
    (st.position !== undefined && typeof st.position !== "string") ||
    typeof st.answers !== "object" ||
    st.answers === null ||
    Object.values(st.answers).some((v) => typeof v !== "string")
  ) {
    return undefined;
  }
  return s as Session;
}
