import { existsSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutFolder, makeFolder, writeFileAtomic } from "../../src/io/files.js";
import { UserError } from "../../src/io/user-error.js";

const temp = () => mkdtempSync(join(tmpdir(), "reifegrad-folders-"));
const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).texts.en;
  }
  throw new Error("did not throw");
};

describe("output folders", () => {
  it("makes the missing folders one by one", () => {
    const d = temp();
    makeFolder(join(d, "a", "b", "c"));
    expect(statSync(join(d, "a", "b", "c")).isDirectory()).toBe(true);
    makeFolder(join(d, "a")); // already there: nothing to do
  });

  it("a folder the system refuses is an error, not an endless loop (recursive mkdir under /proc)", () => {
    if (!existsSync("/proc/self")) return;
    expect(message(() => makeFolder("/proc/reifegrad-test/x"))).toBe(
      "cannot create the folder /proc/reifegrad-test: no such file or folder",
    );
  });

  it("a file or a link to nowhere in the way is named", () => {
    const d = temp();
    writeFileSync(join(d, "file"), "x");
    symlinkSync(join(d, "nowhere"), join(d, "link"));
    expect(message(() => makeFolder(join(d, "file", "sub")))).toBe(
      `${join(d, "file")} is a file, not a folder; name a folder (it is created if missing)`,
    );
    expect(message(() => checkOutFolder(join(d, "file")))).toMatch(/^--out .*: .* is a file/);
    expect(message(() => makeFolder(join(d, "link", "sub")))).toBe(
      `cannot create the folder ${join(d, "link")}: is in the way (a file or a link to nowhere)`,
    );
  });

  it("writing a file where a folder is says so", async () => {
    const d = temp();
    mkdirSync(join(d, "dir"));
    await expect(writeFileAtomic(join(d, "dir"), "x")).rejects.toThrow(
      /dir: is a folder, not a file$/,
    );
    await writeFileAtomic(join(d, "new", "deep", "f.txt"), "x");
    expect(existsSync(join(d, "new", "deep", "f.txt"))).toBe(true);
  });
});
