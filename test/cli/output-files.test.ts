// What every command that writes a file (render, validate -o, diff -o, the --cache file)
// promises: the whole file or the old one, with its mode and owner; never a half-written one.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, EXAMPLE, FIXTURES, sla, tempDir } from "../helpers/cli.js";

const PROPOSAL = join(FIXTURES, "diff/proposal.sla.yaml");
const isRoot = process.getuid?.() === 0;

/** A small file system of its own (a tmpfs), where root may mount one; undefined elsewhere. */
function mountSmallDisk(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), "sla-disk-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir]).status === 0;
  if (!mounted) rmSync(dir, { recursive: true });
  return mounted ? dir : undefined;
}

function unmount(dir: string): void {
  execFileSync("umount", [dir]);
  rmSync(dir, { recursive: true });
}

// Whether this machine lets the tests mount a disk: root in a container that allows it, CI.
const probe = mountSmallDisk();
if (probe !== undefined) unmount(probe);

/** Fills the disk until only `free` bytes are left. */
function fill(disk: string, free: number): void {
  const stats = statfsSync(disk);
  const available = stats.bavail * stats.bsize;
  writeFileSync(join(disk, `filler${readdirSync(disk).length}`), Buffer.alloc(Math.max(0, available - free)));
  expect(statfsSync(disk).bavail * stats.bsize).toBeLessThanOrEqual(free);
}

describe("a full disk", () => {
  let disk: string | undefined;
  afterEach(() => {
    if (disk !== undefined) unmount(disk);
    disk = undefined;
  });

  it.skipIf(probe === undefined)("render, validate -o, diff -o and the cache: exit 2 (a warning for the cache), the old file intact, no temporary file", () => {
    disk = mountSmallDisk()!;
    const work = tempDir();
    copyFileSync(EXAMPLE, join(work, "sla.yaml"));
    copyFileSync(EXAMPLE, join(work, "copy.yaml"));
    // The good files a run replaces, written while there is room.
    expect(sla(["render", "sla.yaml", "-o", join(disk, "agreement.pdf")], { cwd: work }).code).toBe(0);
    expect(sla(["validate", "sla.yaml", "-f", "json", "-o", join(disk, "report.json")], { cwd: work }).code).toBe(0);
    expect(sla(["diff", "sla.yaml", PROPOSAL, "-o", join(disk, "diff.txt")], { cwd: work }).code).toBe(0);
    expect(sla(["validate", "sla.yaml", "--cache-location", join(disk, ".slacache")], { cwd: work }).code).toBe(0);
    const before = new Map(readdirSync(disk).map((name) => [name, readFileSync(join(disk!, name))]));
    const unchanged = () => {
      for (const [name, bytes] of before) expect(readFileSync(join(disk!, name)), name).toEqual(bytes);
      expect(
        readdirSync(disk!)
          .filter((name) => !name.startsWith("filler"))
          .sort(),
      ).toEqual([...before.keys()].sort());
    };

    // Room for part of the PDF: the disk takes the first bytes, then no more.
    fill(disk, 16 * 1024);
    const pdf = sla(["render", "sla.yaml", "-o", join(disk, "agreement.pdf")], { cwd: work });
    expect(pdf).toMatchObject({
      code: 2,
      stdout: "",
      stderr: `sla: cannot write ${join(disk, "agreement.pdf")}: no space left on device; ${join(disk, "agreement.pdf")} is unchanged\n`,
    });
    unchanged();

    fill(disk, 0);
    const report = sla(["validate", "sla.yaml", "copy.yaml", "-f", "json", "-o", join(disk, "report.json")], { cwd: work });
    expect(report).toMatchObject({
      code: 2,
      stderr: `sla: cannot write ${join(disk, "report.json")}: no space left on device; ${join(disk, "report.json")} is unchanged\n`,
    });
    const diff = sla(["diff", PROPOSAL, "sla.yaml", "-o", join(disk, "diff.txt")], { cwd: work });
    expect(diff).toMatchObject({
      code: 2,
      stderr: `sla: cannot write ${join(disk, "diff.txt")}: no space left on device; ${join(disk, "diff.txt")} is unchanged\n`,
    });
    // The report is right without the cache: a warning, and the exit code of the findings.
    const cached = sla(["validate", "sla.yaml", "copy.yaml", "--cache-location", join(disk, ".slacache")], { cwd: work });
    expect(cached).toMatchObject({
      code: 0,
      stderr: `sla: warning: cannot write ${join(disk, ".slacache")}: no space left on device; ${join(disk, ".slacache")} is unchanged; the cache is not updated\n`,
    });
    unchanged();
  });
});

describe("the replaced file's mode and owner", () => {
  it("a private document stays private, and (as root) keeps its owner", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "agreement.md"), "old\n");
    chmodSync(join(dir, "agreement.md"), 0o600);
    if (isRoot) chownSync(join(dir, "agreement.md"), 1234, 1234);
    expect(sla(["render", EXAMPLE, "-o", "agreement.md"], { cwd: dir })).toMatchObject({ code: 0, stderr: "Wrote agreement.md\n" });
    const stats = statSync(join(dir, "agreement.md"));
    expect(stats.mode & 0o777).toBe(0o600);
    if (isRoot) expect(stats).toMatchObject({ uid: 1234, gid: 1234 });
    expect(readFileSync(join(dir, "agreement.md"), "utf8")).toContain("# Anatolia Pumps");
    expect(readdirSync(dir)).toEqual(["agreement.md"]);
  });
});

describe("-o never names a file the command reads", () => {
  it("validate and render: not the rule configuration", () => {
    const dir = tempDir();
    copyFileSync(EXAMPLE, join(dir, "sla.yaml"));
    const config = "rules:\n  period/length: off\n";
    writeFileSync(join(dir, ".slarc.yaml"), config);
    mkdirSync(join(dir, "sub"));
    // A repository, so the configuration is found from the subfolder too.
    execFileSync("git", ["init", "-q"], { cwd: dir });
    expect(sla(["validate", "sla.yaml", "-o", ".slarc.yaml"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "sla: refusing to write the report over its input .slarc.yaml; choose another -o\n",
    });
    expect(sla(["validate", "../sla.yaml", "-o", "../.slarc.yaml"], { cwd: join(dir, "sub") }).code).toBe(2);
    expect(sla(["render", "sla.yaml", "-f", "md", "-o", "./.slarc.yaml"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "sla: refusing to write the document over its input .slarc.yaml; choose another -o\n",
    });
    expect(readFileSync(join(dir, ".slarc.yaml"), "utf8")).toBe(config);
  });

  it("validate --cache: not the cache", () => {
    const dir = tempDir();
    copyFileSync(EXAMPLE, join(dir, "sla.yaml"));
    expect(sla(["validate", "sla.yaml", "--cache", "-o", ".slacache"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "sla: refusing to write the report over its input .slacache; choose another -o\n",
    });
  });
});

describe("-o never names a template the document is rendered from", () => {
  it("neither the main template nor a partial of --template", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "tpl/partials"), { recursive: true });
    writeFileSync(join(dir, "tpl/document.md.hbs"), "# {{meta.name}}\n{{> footer}}\n");
    writeFileSync(join(dir, "tpl/partials/footer.hbs"), "Version {{meta.version}}\n");
    for (const [output, input] of [
      ["tpl/document.md.hbs", "tpl/document.md.hbs"],
      ["./tpl/partials/footer.hbs", "tpl/partials/footer.hbs"],
    ] as const) {
      expect(sla(["render", EXAMPLE, "--template", "tpl", "-f", "md", "-o", output], { cwd: dir })).toMatchObject({
        code: 2,
        stderr: `sla: refusing to write the document over its input ${input}; choose another -o\n`,
      });
    }
    expect(readFileSync(join(dir, "tpl/document.md.hbs"), "utf8")).toBe("# {{meta.name}}\n{{> footer}}\n");
    expect(readFileSync(join(dir, "tpl/partials/footer.hbs"), "utf8")).toBe("Version {{meta.version}}\n");
    expect(sla(["render", EXAMPLE, "--template", "tpl", "-o", "out.md"], { cwd: dir })).toMatchObject({ code: 0, stderr: "Wrote out.md\n" });
  });
});

describe("-o naming a standard stream: written to it, never replaced", () => {
  /** Runs sla with its standard output appended to `log`, as `sla ... >> log` does. */
  function appendingTo(log: string, args: string[], cwd: string) {
    const fd = openSync(log, "a");
    try {
      return spawnSync(process.execPath, [BIN, ...args], { cwd, stdio: ["ignore", fd, "pipe"], encoding: "utf8", timeout: 15_000 });
    } finally {
      closeSync(fd);
    }
  }

  it("standard output appended to a file: what was there stays, the report follows it", () => {
    const dir = tempDir();
    copyFileSync(EXAMPLE, join(dir, "sla.yaml"));
    const log = join(dir, "log");
    for (const output of ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "log"]) {
      writeFileSync(log, "prev\n");
      const result = appendingTo(log, ["validate", "sla.yaml", "-o", output], dir);
      expect({ output, code: result.status, stderr: result.stderr }).toEqual({ output, code: 0, stderr: "" });
      expect(readFileSync(log, "utf8")).toBe("prev\n✔ 1 file valid\n");
      expect(readdirSync(dir).sort()).toEqual(["log", "sla.yaml"]);
    }
  });

  it("standard output or error that is a pipe: the document goes down it", () => {
    const document = sla(["render", EXAMPLE, "-f", "md"]).stdout;
    expect(document).toContain("# Anatolia Pumps");
    for (const output of ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]) {
      const result = sla(["render", EXAMPLE, "-f", "md", "-o", output]);
      expect({ output, code: result.code, stderr: result.stderr }).toEqual({ output, code: 0, stderr: `Wrote ${output}\n` });
      expect(result.stdout).toBe(document);
    }
    const toStderr = sla(["validate", EXAMPLE, "-o", "/dev/stderr"]);
    expect(toStderr).toMatchObject({ code: 0, stdout: "", stderr: "✔ 1 file valid\n" });
  });

  it("a pipe named by its own path (a FIFO) is written, not replaced", () => {
    const dir = tempDir();
    execFileSync("mkfifo", [join(dir, "fifo")]);
    // The reader is a shell of its own, so that the write has somewhere to go.
    const result = spawnSync(
      "sh",
      ["-c", `cat fifo > got & ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} validate ${JSON.stringify(EXAMPLE)} -o fifo; echo "rc=$?"; wait`],
      {
        cwd: dir,
        encoding: "utf8",
        timeout: 15_000,
      },
    );
    expect(result.stdout).toBe("rc=0\n");
    expect(readFileSync(join(dir, "got"), "utf8")).toBe("✔ 1 file valid\n");
    expect(statSync(join(dir, "fifo")).isFIFO()).toBe(true);
  });
});

describe("Ctrl-C and SIGTERM end sla while it waits to write to a pipe", () => {
  /** Ends with the signal, or is killed by the guard (a hang); resolves to how it ended. */
  async function interruptOnceCached(dir: string, signal: NodeJS.Signals): Promise<NodeJS.Signals | number | null> {
    const child = spawn(process.execPath, [BIN, "validate", "--cache", "sla.yaml", "-o", "fifo"], { cwd: dir, stdio: "ignore" });
    const ended = new Promise<NodeJS.Signals | number | null>((done) => child.on("exit", (code, by) => done(by ?? code)));
    // The cache is written first; the report then waits for a reader of the FIFO that never comes.
    while (!existsSync(join(dir, ".slacache")) && child.exitCode === null) await new Promise((wait) => setTimeout(wait, 20));
    child.kill(signal);
    const guard = setTimeout(() => child.kill("SIGKILL"), 10_000);
    try {
      return await ended;
    } finally {
      clearTimeout(guard);
    }
  }

  it("validate --cache -o FIFO", async () => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      const dir = tempDir();
      copyFileSync(EXAMPLE, join(dir, "sla.yaml"));
      execFileSync("mkfifo", [join(dir, "fifo")]);
      expect(await interruptOnceCached(dir, signal)).toBe(signal);
      expect(readdirSync(dir).sort()).toEqual([".slacache", "fifo", "sla.yaml"]);
    }
  }, 30_000);
});
