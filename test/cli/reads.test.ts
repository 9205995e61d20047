// What a hostile pull request can make `sla` read: files linked from outside the folder being
// checked, directory links that loop or lead out, devices and pipes named like SLA files, a
// configuration above the repository, a planted cache. Each is refused or bounded, never
// followed into a leak or a hang.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chownSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, EXAMPLE, FIXTURES, sla, tempDir } from "../helpers/cli.js";

const example = readFileSync(EXAMPLE, "utf8");
const broken = readFileSync(join(FIXTURES, "invalid/three-errors.sla.yaml"), "utf8");
const nineMonths = example.replace("end: 2026-12-31", "end: 2027-03-31");
/** A run that hangs or reads without end is killed after this long and fails the test. */
const HANG_GUARD = { timeout: 15_000 };

/** A Git repository in its own folder, beside which `outside` files can be planted. */
function repository(): { repo: string; outside: string } {
  const outside = tempDir();
  const repo = join(outside, "repo");
  mkdirSync(repo);
  execFileSync("git", ["init", "-q"], { cwd: repo });
  return { repo, outside };
}

function mkfifo(path: string): void {
  execFileSync("mkfifo", [path]);
}

describe("symbolic links to files outside the folder being checked", () => {
  it("are refused by name, without a word of what they point at", () => {
    const { repo, outside } = repository();
    writeFileSync(join(outside, ".env"), "SECRET_KEY=abc123\nDB_PASSWORD=hunter2\n");
    mkdirSync(join(repo, "teams"));
    writeFileSync(join(repo, "sla.yaml"), example);
    symlinkSync("../../.env", join(repo, "teams/prod.sla.yaml"));
    symlinkSync("/etc/passwd", join(repo, "teams/passwd.sla.yaml"));
    for (const format of ["github", "stylish", "json"]) {
      const result = sla(["validate", "--format", format], { cwd: repo });
      expect(result.code).toBe(2);
      expect(result.stdout).toContain("teams/prod.sla.yaml");
      expect(result.stdout).toContain("teams/passwd.sla.yaml");
      expect(result.stdout).toMatch(/links to a file outside/);
      expect(result.stdout + result.stderr).not.toMatch(/SECRET|hunter2|root:/);
    }
    // The same in a folder named on the command line: the folder is the bound.
    const named = sla(["validate", "--format", "github", "teams"], { cwd: repo });
    expect(named.code).toBe(2);
    expect(named.stdout).not.toMatch(/SECRET|hunter2|root:/);
  });

  it("are read when inside the folder, once, and when the user names the link itself", () => {
    const { repo, outside } = repository();
    writeFileSync(join(repo, "sla.yaml"), example);
    symlinkSync("sla.yaml", join(repo, "current.sla.yaml"));
    const result = sla(["validate", "--format", "json"], { cwd: repo });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(["sla.yaml"]);

    writeFileSync(join(outside, "shared.yaml"), example);
    symlinkSync("../shared.yaml", join(repo, "shared.sla.yaml"));
    expect(sla(["validate", "shared.sla.yaml"], { cwd: repo })).toMatchObject({ code: 0, stdout: "✔ 1 file valid\n" });
  });

  it("a file that is not YAML is quoted by its first line at most", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "notes.yaml"), "first line of the notes\nsecond line with a SECRET\nthird\n");
    for (const format of ["github", "stylish", "json"]) {
      const result = sla(["validate", "--format", format, "notes.yaml"], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("first line of the notes");
      expect(result.stdout).not.toContain("SECRET");
    }
  });
});

/** Folders d0 … d(depth-1), each with two links to the next: a walk that follows both is exponential. */
function linkLadder(root: string, depth: number): void {
  for (let i = 0; i < depth; i++) mkdirSync(join(root, `d${i}`));
  for (let i = 0; i < depth - 1; i++) {
    symlinkSync(`../d${i + 1}`, join(root, `d${i}/a`));
    symlinkSync(`../d${i + 1}`, join(root, `d${i}/b`));
  }
}

describe("directory links", () => {
  it("a ladder of folders each linking twice to the next is walked once per folder", () => {
    const { repo } = repository();
    const depth = 18;
    linkLadder(repo, depth);
    writeFileSync(join(repo, `d${depth - 1}/sla.yaml`), example);
    const result = sla(["validate", "--format", "json"], { cwd: repo, ...HANG_GUARD });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual([`d${depth - 1}/sla.yaml`]);
  });

  it("a link to /, or to a folder outside the repository, is not followed", () => {
    const { repo, outside } = repository();
    writeFileSync(join(repo, "sla.yaml"), example);
    mkdirSync(join(outside, "elsewhere"));
    writeFileSync(join(outside, "elsewhere/sla.yaml"), broken);
    symlinkSync("/", join(repo, "root"));
    symlinkSync("/proc", join(repo, "proc"));
    symlinkSync("../elsewhere", join(repo, "elsewhere"));
    const result = sla(["validate", "--format", "json"], { cwd: repo, ...HANG_GUARD });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(["sla.yaml"]);
  });

  it("outside a repository with no path, a tree too large to be a project is refused, not walked", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "sla.yaml"), example);
    for (let i = 0; i < 1_001; i++) mkdirSync(join(dir, `f${i}`));
    const result = sla(["validate"], { cwd: dir, ...HANG_GUARD });
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/^sla: not inside a Git repository, and .* holds more than 1,000 folders; name the files or folders to check/);
    // A small folder outside a repository is still searched.
    const small = tempDir();
    mkdirSync(join(small, "teams"));
    writeFileSync(join(small, "teams/sla.yaml"), example);
    expect(sla(["validate"], { cwd: small })).toMatchObject({ code: 0, stdout: "✔ 1 file valid\n" });
  });
});

describe("glob patterns", () => {
  /** The attacker's repository: a valid team file, and a second one linked to a broken file shared in the repository. */
  function linkedTeams(): { repo: string; outside: string } {
    const { repo, outside } = repository();
    mkdirSync(join(repo, "teams/a"), { recursive: true });
    mkdirSync(join(repo, "teams/b"));
    mkdirSync(join(repo, "shared"));
    writeFileSync(join(repo, "teams/a/sla.yaml"), example);
    writeFileSync(join(repo, "shared/base.yaml"), "apiVersion: sla/v1\n");
    symlinkSync("../../shared/base.yaml", join(repo, "teams/b/sla.yaml"));
    return { repo, outside };
  }
  const filesOf = (stdout: string) => (JSON.parse(stdout) as { files: { file: string; findings: { ruleId: string; message: string }[] }[] }).files;

  it("match a link to a file inside the repository, and check it", () => {
    const { repo } = linkedTeams();
    const result = sla(["validate", "--format", "json", "--", "teams/**/sla.yaml"], { cwd: repo, ...HANG_GUARD });
    expect(result.code).toBe(1);
    const files = filesOf(result.stdout);
    expect(files.map((f) => f.file)).toEqual(["teams/a/sla.yaml", "teams/b/sla.yaml"]);
    expect(files[1]!.findings.map((f) => f.ruleId)).toContain("schema/required");
    // The same findings as the repository search gives.
    const github = sla(["validate", "--format", "github", "teams/**/sla.yaml"], { cwd: repo, ...HANG_GUARD });
    expect(github.code).toBe(1);
    expect(github.stdout).toBe(sla(["validate", "--format", "github"], { cwd: repo }).stdout);
  });

  it("a pattern that matches only a link matches it", () => {
    const { repo } = linkedTeams();
    symlinkSync("../shared/base.yaml", join(repo, "teams/x.sla.yaml"));
    const result = sla(["validate", "--format", "json", "teams/*.sla.yaml"], { cwd: repo, ...HANG_GUARD });
    expect(result.code).toBe(1);
    expect(filesOf(result.stdout).map((f) => f.file)).toEqual(["teams/x.sla.yaml"]);
  });

  it("a link to a file outside the repository is refused by name, without a word of what it points at", () => {
    const { repo, outside } = linkedTeams();
    writeFileSync(join(outside, ".env"), "SECRET_KEY=abc123\n");
    mkdirSync(join(repo, "teams/c"));
    symlinkSync("../../../.env", join(repo, "teams/c/sla.yaml"));
    symlinkSync("/etc/passwd", join(repo, "teams/passwd.sla.yaml"));
    const result = sla(["validate", "--format", "json", "teams/**/*.yaml"], { cwd: repo, ...HANG_GUARD });
    expect(result.code).toBe(2);
    const files = filesOf(result.stdout);
    expect(files.map((f) => f.file)).toEqual(["teams/a/sla.yaml", "teams/b/sla.yaml", "teams/c/sla.yaml", "teams/passwd.sla.yaml"]);
    for (const file of [files[2]!, files[3]!])
      expect(file.findings).toMatchObject([{ ruleId: "file/unreadable", message: expect.stringMatching(/links to a file outside/) as unknown }]);
    expect(result.stdout + result.stderr).not.toMatch(/SECRET|root:/);
    // Outside a repository the pattern's base folder is the bound.
    const loose = tempDir();
    mkdirSync(join(loose, "teams"));
    writeFileSync(join(loose, "shared.yaml"), example);
    symlinkSync("../shared.yaml", join(loose, "teams/sla.yaml"));
    const bounded = sla(["validate", "--format", "json", "teams/*.yaml"], { cwd: loose, ...HANG_GUARD });
    expect(bounded.code).toBe(2);
    expect(filesOf(bounded.stdout)[0]!.findings[0]!.message).toMatch(/links to a file outside/);
  });

  it("follow directory links inside the repository, each real folder once: a ladder stays fast, a link to / is not walked", () => {
    const { repo, outside } = repository();
    const depth = 18;
    linkLadder(repo, depth);
    writeFileSync(join(repo, `d${depth - 1}/sla.yaml`), example);
    symlinkSync("/", join(repo, "d0/root"));
    mkdirSync(join(outside, "elsewhere"));
    writeFileSync(join(outside, "elsewhere/sla.yaml"), broken);
    symlinkSync("../../elsewhere", join(repo, "d0/elsewhere"));
    for (const pattern of ["d0/**/sla.yaml", "**/sla.yaml", "**/*.yaml"]) {
      const result = sla(["validate", "--format", "json", pattern], { cwd: repo, ...HANG_GUARD });
      expect(result.code).toBe(0);
      expect(filesOf(result.stdout)).toHaveLength(1);
    }
  });
});

describe("reads are bounded, and only regular files are read", () => {
  it("an SLA file that is a device or a pipe is refused at once", () => {
    const dir = tempDir();
    mkfifo(join(dir, "pipe.sla.yaml"));
    for (const file of ["/dev/zero", "pipe.sla.yaml"]) {
      const result = sla(["validate", file], { cwd: dir, ...HANG_GUARD });
      expect(result.code).toBe(2);
      expect(result.stdout).toContain(`${file}: is not a regular file`);
    }
    // Found by the repository search too: a pipe named like an SLA file.
    execFileSync("git", ["init", "-q"], { cwd: dir });
    writeFileSync(join(dir, "sla.yaml"), example);
    const found = sla(["validate"], { cwd: dir, ...HANG_GUARD });
    expect(found.code).toBe(2);
    expect(found.stdout).toContain("pipe.sla.yaml: is not a regular file");
  });

  it("standard input is read up to its limit, then refused", () => {
    const zero = openSync("/dev/zero", "r");
    try {
      const result = spawnSync(process.execPath, [BIN, "validate", "-"], { stdio: [zero, "pipe", "pipe"], encoding: "utf8", ...HANG_GUARD });
      expect(result.status).toBe(2);
      expect(result.stdout).toContain("<stdin>: more than 5 MB; an SLA file may be at most 5 MB");
    } finally {
      closeSync(zero);
    }
  });

  it("a configuration that is a device or a pipe is refused at once", () => {
    const { repo } = repository();
    writeFileSync(join(repo, "sla.yaml"), example);
    symlinkSync("/dev/zero", join(repo, ".slarc.yaml"));
    const device = sla(["validate", "sla.yaml"], { cwd: repo, ...HANG_GUARD });
    expect(device).toMatchObject({ code: 2, stdout: "" });
    expect(device.stderr).toMatch(/^sla: \S*\.slarc\.yaml: is not a regular file \(a device, pipe or socket\); a configuration must be a file\n$/);
    mkfifo(join(repo, "team.yaml"));
    const pipe = sla(["validate", "-c", "team.yaml", "sla.yaml"], { cwd: repo, ...HANG_GUARD });
    expect(pipe).toMatchObject({ code: 2, stdout: "" });
    expect(pipe.stderr).toContain("team.yaml: is not a regular file");
  });

  it("verify refuses a document that is a device or a pipe", () => {
    const dir = tempDir();
    mkfifo(join(dir, "pipe.pdf"));
    for (const document of ["/dev/zero", "pipe.pdf"]) {
      const result = sla(["verify", EXAMPLE, document], { cwd: dir, ...HANG_GUARD });
      expect(result).toMatchObject({ code: 2, stdout: "" });
      expect(result.stderr).toBe(`sla: ${document}: is not a regular file (a device, pipe or socket); a document to verify must be a file\n`);
    }
  });

  it("render --template: a template or partial that is too large, a device or a pipe is refused at once, by name", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "tpl/partials"), { recursive: true });
    const render = () => sla(["render", EXAMPLE, "--template", "tpl", "-f", "md", "-o", "out.md"], { cwd: dir, ...HANG_GUARD });
    const refused = (file: string, why: string) => ({ code: 2, stdout: "", stderr: `sla: template error: tpl/${file}: ${why}\n` });
    const notAFile = "is not a regular file (a device, pipe or socket); a template must be a file";

    writeFileSync(join(dir, "tpl/document.md.hbs"), `# {{meta.name}}\n${"x".repeat(1024 * 1024)}\n`);
    expect(render()).toEqual(refused("document.md.hbs", "is 1.0 MB; a template may be at most 1 MB"));
    rmSync(join(dir, "tpl/document.md.hbs"));
    symlinkSync("/dev/zero", join(dir, "tpl/document.md.hbs"));
    expect(render()).toEqual(refused("document.md.hbs", notAFile));
    rmSync(join(dir, "tpl/document.md.hbs"));

    writeFileSync(join(dir, "tpl/document.md.hbs"), "# {{meta.name}}\n{{> footer}}\n");
    symlinkSync("/dev/zero", join(dir, "tpl/partials/footer.hbs"));
    expect(render()).toEqual(refused("partials/footer.hbs", notAFile));
    rmSync(join(dir, "tpl/partials/footer.hbs"));
    mkfifo(join(dir, "tpl/partials/footer.hbs"));
    expect(render()).toEqual(refused("partials/footer.hbs", notAFile));
    expect(existsSync(join(dir, "out.md"))).toBe(false);
  });
});

describe("the configuration search", () => {
  it("outside a repository, reads the current folder's configuration only, not one above it", () => {
    const parent = tempDir();
    const work = join(parent, "work");
    mkdirSync(work);
    writeFileSync(join(work, "sla.yaml"), nineMonths);
    writeFileSync(join(parent, ".slarc.yaml"), "rules:\n  period/length: off\n");
    const result = sla(["validate", "sla.yaml"], { cwd: work });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("warning[period/length]");
    writeFileSync(join(work, ".slarc.yaml"), "rules:\n  period/length: off\n");
    expect(sla(["validate", "sla.yaml"], { cwd: work })).toMatchObject({ code: 0, stdout: "✔ 1 file valid\n" });
  });

  it("inside a repository, climbs to its root and no further", () => {
    const { repo, outside } = repository();
    mkdirSync(join(repo, "teams/emea"), { recursive: true });
    writeFileSync(join(repo, "teams/emea/sla.yaml"), nineMonths);
    writeFileSync(join(outside, ".slarc.yaml"), "rules:\n  period/length: off\n");
    expect(sla(["validate", "sla.yaml"], { cwd: join(repo, "teams/emea") }).stdout).toContain("warning[period/length]");
    writeFileSync(join(repo, ".slarc.yaml"), "rules:\n  period/length: error\n");
    const fromBelow = sla(["validate", "sla.yaml"], { cwd: join(repo, "teams/emea") });
    expect(fromBelow.code).toBe(1);
    expect(fromBelow.stdout).toContain("error[period/length]");
  });
});

describe("the --cache file", () => {
  const hashOf = (text: string) => createHash("sha1").update(text).digest("base64url");

  /** A cache that says `bad.sla.yaml` is clean, made with this build's own settings. */
  function plantCache(dir: string): void {
    writeFileSync(join(dir, "bad.sla.yaml"), example);
    execFileSync(process.execPath, [BIN, "validate", "--cache", "bad.sla.yaml"], { cwd: dir });
    const cache = JSON.parse(readFileSync(join(dir, ".slacache"), "utf8")) as { clean: Record<string, string> };
    cache.clean["bad.sla.yaml"] = hashOf(broken);
    writeFileSync(join(dir, ".slacache"), JSON.stringify(cache));
    writeFileSync(join(dir, "bad.sla.yaml"), broken);
  }

  it("is trusted when the user's own and untracked (the planted cache would work)", () => {
    const { repo } = repository();
    plantCache(repo);
    expect(sla(["validate", "--cache", "bad.sla.yaml"], { cwd: repo }).code).toBe(0);
  });

  it("is not trusted, nor rewritten, when Git tracks it", () => {
    const { repo } = repository();
    plantCache(repo);
    execFileSync("git", ["add", ".slacache"], { cwd: repo });
    const planted = readFileSync(join(repo, ".slacache"), "utf8");
    const result = sla(["validate", "--cache", "bad.sla.yaml"], { cwd: repo });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("✖ 3 errors");
    expect(result.stderr).toBe(
      "sla: warning: .slacache is tracked by Git, so it is neither trusted nor updated; remove it from the repository (git rm --cached .slacache) and list it in .gitignore\n",
    );
    expect(readFileSync(join(repo, ".slacache"), "utf8")).toBe(planted);
  });

  /** A repository whose commit holds the planted cache: what a pull request can bring. */
  function committedCache(): string {
    const { repo } = repository();
    plantCache(repo);
    execFileSync("git", ["add", "-A"], { cwd: repo });
    execFileSync("git", ["-c", "user.email=a@b", "-c", "user.name=a", "-c", "commit.gpgsign=false", "commit", "-qm", "planted"], { cwd: repo });
    return repo;
  }

  it("is not trusted, nor rewritten, when Git cannot say whether it tracks it", () => {
    const repo = committedCache();
    const planted = readFileSync(join(repo, ".slacache"), "utf8");
    const noGit = tempDir(); // a PATH on which there is no git
    const cases: [string, Record<string, string>][] = [
      ["git is not on PATH", { PATH: noGit }],
      ["GIT_DIR names no repository", { GIT_DIR: "/nonexistent" }],
    ];
    for (const [why, env] of cases) {
      const result = sla(["validate", "--cache", "bad.sla.yaml"], { cwd: repo, env });
      expect({ why, code: result.code, stdout: result.stdout }).toEqual({ why, code: 1, stdout: expect.stringContaining("✖ 3 errors") as string });
      expect(result.stderr).toMatch(
        /^sla: warning: \.slacache may be tracked by Git, which could not tell \(.+\), so it is neither trusted nor updated; run sla where `git ls-files` works, or give a --cache-location outside the repository\n$/,
      );
      expect(readFileSync(join(repo, ".slacache"), "utf8")).toBe(planted);
    }
  });

  it.skipIf(process.getuid?.() !== 0)("is not trusted when Git refuses the repository as another user's (dubious ownership)", () => {
    const repo = committedCache();
    chownSync(repo, 1234, 1234);
    const result = sla(["validate", "--cache", "bad.sla.yaml"], { cwd: repo });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^sla: warning: \.slacache may be tracked by Git, which could not tell \(fatal: detected dubious ownership in repository at .*\), so it is neither trusted nor updated; /,
    );
  });

  it("outside any repository, where Git tracks nothing, is trusted even without git", () => {
    const dir = tempDir();
    plantCache(dir);
    expect(sla(["validate", "--cache", "bad.sla.yaml"], { cwd: dir, env: { PATH: tempDir() } })).toMatchObject({ code: 0, stderr: "" });
  });

  it.skipIf(process.getuid?.() !== 0)("is not trusted when another user owns it", () => {
    const dir = tempDir();
    plantCache(dir);
    chownSync(join(dir, ".slacache"), 65534, 65534);
    const result = sla(["validate", "--cache", "bad.sla.yaml"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "sla: warning: .slacache is owned by another user, so it is neither trusted nor updated; delete it, or give another --cache-location\n",
    );
  });

  it("a link at the cache's place is left alone, and its target is not created", () => {
    const dir = tempDir();
    const victim = join(tempDir(), "victim");
    writeFileSync(join(dir, "good.sla.yaml"), example);
    symlinkSync(victim, join(dir, ".slacache"));
    const result = sla(["validate", "--cache", "good.sla.yaml"], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: "✔ 1 file valid\n" });
    expect(result.stderr).toBe(
      "sla: warning: .slacache is a symbolic link, so it is left as it is and nothing is cached; delete it, or give another --cache-location\n",
    );
    expect(existsSync(victim)).toBe(false);
    expect(lstatSync(join(dir, ".slacache")).isSymbolicLink()).toBe(true);
  });
});
