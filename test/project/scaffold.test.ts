// The CI jobs init writes pin the reifegrad that wrote them; where npm installs it from.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { githubWorkflow, gitlabCi, sourceFromRepository } from "../../src/project/scaffold.js";

describe("sourceFromRepository", () => {
  it.each([
    ["stadt/reifegrad", "git+https://github.com/stadt/reifegrad.git#v0.1.0"],
    ["github:stadt/reifegrad", "git+https://github.com/stadt/reifegrad.git#v0.1.0"],
    [
      "https://gitlab.opencode.de/stadt/reifegrad.git",
      "git+https://gitlab.opencode.de/stadt/reifegrad.git#v0.1.0",
    ],
    [
      { type: "git", url: "git+https://gitlab.opencode.de/stadt/reifegrad.git#main" },
      "git+https://gitlab.opencode.de/stadt/reifegrad.git#v0.1.0",
    ],
  ])("%j → %s", (repository, spec) => {
    expect(sourceFromRepository(repository, "0.1.0")).toBe(spec);
  });

  it("is unknown without a repository (the package is not on the npm registry)", () => {
    expect(sourceFromRepository(undefined, "0.1.0")).toBeUndefined();
    expect(sourceFromRepository({ type: "git" }, "0.1.0")).toBeUndefined();
    expect(sourceFromRepository("file:../reifegrad", "0.1.0")).toBeUndefined();
  });
});

describe("CI jobs", () => {
  const pin = {
    name: "reifegrad",
    version: "1.2.3",
    source: "git+https://h/g/reifegrad.git#v1.2.3",
  };

  it("are valid YAML pinning the version and the source, and end with report --check", () => {
    const gl = parse(gitlabCi(pin))["reifegrad-reports"];
    expect(gl.variables).toEqual({ REIFEGRAD_VERSION: "1.2.3", REIFEGRAD_PACKAGE: pin.source });
    expect(gl.script.at(-1)).toBe("reifegrad report --check");
    const gh = parse(githubWorkflow(pin)).jobs.reports;
    expect(gh.env).toEqual({ REIFEGRAD_VERSION: "1.2.3", REIFEGRAD_PACKAGE: pin.source });
    expect(gh.steps.at(-1).run).toBe("reifegrad report --check");
    expect(gitlabCi(pin)).not.toMatch(/npx/);
  });

  it("without a source leave the variable empty, and the install line says what to set", () => {
    const gl = parse(gitlabCi({ name: "reifegrad", version: "1.2.3" }))["reifegrad-reports"];
    expect(gl.variables.REIFEGRAD_PACKAGE).toBe("");
    expect(gl.script[0]).toMatch(
      /^test -n "\$REIFEGRAD_PACKAGE" \|\| \{ echo "Set REIFEGRAD_PACKAGE/,
    );
  });
});
