import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newId, type Session, SessionStore } from "../../src/io/session-store.js";
import { startState } from "../../src/responses/interview/flow.js";
import { loadFixture } from "./helpers.js";

const q = loadFixture();

function session(id: string): Session {
  return {
    format: 1,
    id,
    lang: "de",
    answersFile: "answers.csv",
    state: {
      ...startState(q, { respondent: "r1", group: "staff", department: "amt" }),
      answers: { b_strategy: "4" },
    },
  };
}

describe("SessionStore", () => {
  it("saves, loads, lists and removes sessions, one JSON file each", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "sessions-")), ".reifegrad/sessions");
    const store = new SessionStore(dir);
    expect(await store.list()).toEqual([]);
    await store.save(session("bbbb-2222"));
    await store.save(session("aaaa-1111"));
    expect(await readdir(dir)).toEqual(
      expect.arrayContaining(["aaaa-1111.json", "bbbb-2222.json"]),
    );
    expect(await store.load("aaaa-1111")).toEqual(session("aaaa-1111"));
    expect((await store.list()).map((s) => s.id)).toEqual(["aaaa-1111", "bbbb-2222"]);
    await store.remove("aaaa-1111");
    expect((await store.list()).map((s) => s.id)).toEqual(["bbbb-2222"]);
    await expect(store.load("aaaa-1111")).rejects.toThrow(/no session "aaaa-1111"/);
  });

  it("skips files that are not sessions and refuses ids that could leave the folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sessions-"));
    const store = new SessionStore(dir);
    await writeFile(join(dir, "junk.json"), "{ not json");
    await writeFile(join(dir, "other.json"), JSON.stringify({ format: 1, id: "other" }));
    await store.save(session("cccc-3333"));
    expect((await store.list()).map((s) => s.id)).toEqual(["cccc-3333"]);
    expect(() => store.pathOf("../../etc/passwd")).toThrow(/not a session id/);
    const text = await readFile(join(dir, "cccc-3333.json"), "utf8");
    expect(JSON.parse(text).state.answers).toEqual({ b_strategy: "4" });
  });

  it("makes random ids, never the same twice", () => {
    const ids = new Set(Array.from({ length: 200 }, () => newId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}$/);
    expect(newId("anon-")).toMatch(/^anon-/);
  });
});
