// A lock file next to a shared file, so two analysts (or processes) writing the same answers file
// never lose a row: created with O_EXCL ("wx"), holding the owner's pid; retried with backoff;
// a lock whose process is gone (crash, kill -9) is stale and taken over.
import { randomBytes } from "node:crypto";
import { link, open, readFile, rename, rm, stat } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { UserError } from "./user-error.js";

export interface LockOptions {
  /** Give up after this long (ms). */
  readonly timeoutMs?: number;
  /** A lock file without a pid older than this (ms) is stale (its owner died mid-create). */
  readonly emptyStaleMs?: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function ownerOf(
  lockPath: string,
): Promise<{ pid: number | undefined; ageMs: number } | undefined> {
  try {
    const [text, s] = await Promise.all([readFile(lockPath, "utf8"), stat(lockPath)]);
    const pid = Number.parseInt(text.trim(), 10);
    return {
      pid: Number.isInteger(pid) && pid > 0 ? pid : undefined,
      ageMs: Date.now() - s.mtimeMs,
    };
  } catch {
    return undefined; // released meanwhile
  }
}

async function tryCreate(lockPath: string): Promise<boolean> {
  try {
    const fh = await open(lockPath, "wx");
    try {
      await fh.writeFile(`${process.pid}\n`);
    } finally {
      await fh.close();
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

/**
 * Moves a stale lock aside (rename is atomic: of two processes only one succeeds) and removes it.
 * When what was moved is not the stale lock seen (another process broke it and took a fresh lock
 * in between), the fresh lock is put back with link(), which never overwrites.
 */
async function breakStale(lockPath: string, stalePid: number | undefined): Promise<void> {
  const aside = `${lockPath}.stale-${randomBytes(4).toString("hex")}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return;
  }
  const moved = await ownerOf(aside);
  if (moved && moved.pid !== stalePid) await link(aside, lockPath).catch(() => undefined);
  await rm(aside, { force: true });
}

export async function withFileLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const emptyStaleMs = options.emptyStaleMs ?? 5_000;
  const started = Date.now();
  let delay = 5;
  for (;;) {
    if (await tryCreate(lockPath)) break;
    const owner = await ownerOf(lockPath);
    if (owner) {
      const stale =
        owner.pid === undefined
          ? owner.ageMs > emptyStaleMs
          : owner.pid !== process.pid && !alive(owner.pid);
      if (stale) {
        await breakStale(lockPath, owner.pid);
        continue;
      }
      if (Date.now() - started > timeoutMs) {
        throw new UserError({
          de: `${lockPath} ist von Prozess ${owner.pid ?? "?"} belegt; läuft kein reifegrad, löschen Sie die Sperrdatei und versuchen Sie es erneut`,
          en: `${lockPath} is held by process ${owner.pid ?? "?"}; if no reifegrad is running, delete the lock file and try again`,
        });
      }
    }
    await sleep(delay + Math.floor(Math.random() * delay));
    delay = Math.min(delay * 2, 200);
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}
