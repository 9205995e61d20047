// `sla report` on exports and mappings a pull request can change, written to break it: each
// is answered in one line naming the file, exit 2, never an internal error or a flood.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, EXAMPLE, ROOT, sla, tempDir } from "../helpers/cli.js";

/** The example agreement and its exports in a fresh folder; `edit` changes the agreement's text. */
function example(edit: (text: string) => string = (text) => text): string {
  const dir = tempDir();
  cpSync(join(ROOT, "examples/exports"), join(dir, "examples/exports"), { recursive: true });
  writeFileSync(join(dir, "sla.yaml"), edit(readFileSync(EXAMPLE, "utf8")));
  return dir;
}

const HEADER = readFileSync(join(ROOT, "examples/exports/contacts.csv"), "utf8").split("\n")[0]!;

describe("sla report: a NUL in text that reaches the engine", () => {
  it("a stage mapped from a value with a NUL in it matches that value", () => {
    const dir = example((text) => text.replace("        Lead: lead\n", '        Lead: lead\n        "Lead\\0Gül\'; --": lead\n'));
    writeFileSync(
      join(dir, "leads.csv"),
      `${HEADER}\n151204358,Gülşen,Doğan,g@example.de,Yıldız,2026-07-02 09:45,"Lead\0Gül'; --",,Jonas Müller,New equipment,2026-07-02 09:45,,,,,,\n`,
    );
    const result = sla(["report", "sla.yaml", "--leads", "leads.csv", "--through", "2026-10", "-f", "json"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const quality = JSON.parse(result.stdout).dataQuality.sources.find((s: { kind: string }) => s.kind === "leads");
    expect(quality).toMatchObject({ rows: 1, used: 1, problems: [] });
  });

  it("in a YAML actuals file: the value is counted, the unknown KPI named", () => {
    const dir = example();
    writeFileSync(join(dir, "actuals.yaml"), '2026-07:\n  website-visits: 24095\n  "cost-per-lead\\0; --": 81\n');
    const result = sla(["report", "sla.yaml", "--actuals", "actuals.yaml", "--through", "2026-10", "-f", "json"], { cwd: dir });
    expect(result.stderr).toBe("");
    const quality = JSON.parse(result.stdout).dataQuality.sources.find((s: { kind: string }) => s.kind === "actuals");
    expect(quality).toMatchObject({ rows: 2, used: 1, problems: [{ reason: "unknown-kpi", count: 1, examples: [{ line: 3, value: "cost-per-lead\0; --" }] }] });
  });
});

describe("sla report: exports too large or malformed to read", () => {
  it("a 10 MB line is one line naming the file, not an internal error", () => {
    const dir = example();
    writeFileSync(join(dir, "leads.csv"), `${HEADER}\n${"Ş".repeat(5_000_000)}\n`);
    const result = sla(["report", "sla.yaml", "--leads", "leads.csv", "--through", "2026-10"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^sla: leads\.csv: cannot be read as CSV: .*\n$/);
    expect(result.stderr.length).toBeLessThan(400);
  });
});

describe("sla report: what an export says is quoted short", () => {
  it("a header of 10,000 columns without the id column: the first 30 named, and how many more", () => {
    const dir = example();
    const names = Array.from({ length: 10_000 }, (_, i) => `Spalte ${i} ğüş`);
    writeFileSync(join(dir, "leads.csv"), `${names.join(",")}\n1,2\n`);
    const result = sla(["report", "sla.yaml", "--leads", "leads.csv", "--through", "2026-10"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `sla: leads.csv: has no column “Record ID” (mapped as id). The file's columns are ${names.slice(0, 29).join(", ")}, and Spalte 29 ğüş and 9,970 more\n`,
    );
  });

  it("an unmapped stage value of a megabyte is quoted by its first 120 characters", () => {
    const dir = example();
    const stage = `${"Müşteri adayı ".repeat(80_000)}`;
    writeFileSync(
      join(dir, "leads.csv"),
      `${HEADER}\n151204358,Gülşen,Doğan,g@example.de,Yıldız,2026-07-02 09:45,${stage},,Jonas Müller,New equipment,,,,,,,\n`,
    );
    const result = sla(["report", "sla.yaml", "--leads", "leads.csv", "--through", "2026-10"], { cwd: dir });
    expect(result.code).toBe(2);
    const shown = `${stage.slice(0, 120)}…`;
    expect(result.stderr).toContain(`sla: leads.csv:2: the Lifecycle Stage value “${shown}” is not mapped`);
    expect(result.stderr).toContain(`unmapped values (${shown}).`);
    expect(result.stderr.length).toBeLessThan(1500);
  });

  it("a problem's example in the report", () => {
    const dir = example();
    const date = `2026-13-01 ${"ş".repeat(500_000)}`;
    writeFileSync(join(dir, "leads.csv"), `${HEADER}\n151204358,Gülşen,Doğan,g@example.de,Yıldız,${date},Lead,,Jonas Müller,New equipment,,,,,,,\n`);
    const result = sla(["report", "sla.yaml", "--leads", "leads.csv", "--through", "2026-10", "-f", "json"], { cwd: dir });
    expect(result.stderr).toBe("");
    const leads = JSON.parse(result.stdout).dataQuality.sources.find((s: { kind: string }) => s.kind === "leads");
    expect(leads.problems).toEqual([{ reason: "unparseable-date", count: 1, examples: [{ line: 2, column: "Create Date", value: `${date.slice(0, 120)}…` }] }]);
  });
});

describe("sla report -o never replaces an export the agreement names", () => {
  it.each([["examples/exports/contacts.csv"], ["./examples/../examples/exports/deals.csv"], ["link.json"]])("%s", (output) => {
    const dir = example();
    symlinkSync("examples/exports/actuals.csv", join(dir, "link.json"));
    const before = ["contacts", "deals", "actuals"].map((name) => readFileSync(join(dir, `examples/exports/${name}.csv`), "utf8"));
    const result = sla(["report", "sla.yaml", "--through", "2026-10", "-f", "json", "-o", output], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^sla: refusing to write the report over its input examples\/exports\/(contacts|deals|actuals)\.csv/);
    expect(["contacts", "deals", "actuals"].map((name) => readFileSync(join(dir, `examples/exports/${name}.csv`), "utf8"))).toEqual(before);
  });
});

describe("sla report's temporary files", () => {
  /** A UTF-16 export of `rows` leads, which the report decodes into a temporary UTF-8 copy. */
  function utf16Export(dir: string, rows: number): string {
    const [header, ...records] = readFileSync(join(ROOT, "examples/exports/contacts.csv"), "utf8").trimEnd().split("\n");
    const lines = [header!];
    for (let n = 0; lines.length <= rows;) for (const record of records) lines.push(`${1e9 + ++n}${record.slice(record.indexOf(","))}`);
    const file = join(dir, "leads-utf16.csv");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${lines.join("\n")}\n`, "utf16le")]));
    return file;
  }

  it("are private and gone after a run", () => {
    const dir = example();
    const temp = join(dir, "tmp");
    mkdirSync(temp);
    utf16Export(dir, 500);
    const result = sla(["report", "sla.yaml", "--leads", "leads-utf16.csv", "--through", "2026-10", "-f", "json"], { cwd: dir, env: { TMPDIR: temp } });
    expect(result.stderr).toBe("");
    expect(readdirSync(temp)).toEqual([]);
  });

  it("are removed on Ctrl-C, and the run ends as interrupted", async () => {
    const dir = example();
    const temp = join(dir, "tmp");
    mkdirSync(temp);
    utf16Export(dir, 150_000);
    const child = spawn(process.execPath, [BIN, "report", "sla.yaml", "--leads", "leads-utf16.csv", "--through", "2026-10"], {
      cwd: dir,
      env: { ...process.env, TMPDIR: temp },
      stdio: "ignore",
    });
    const ended = new Promise<NodeJS.Signals | null>((done) => child.on("exit", (_code, signal) => done(signal)));
    // Interrupted while the decoded copy exists: it holds the CRM's records.
    while (!readdirSync(temp).some((name) => name.startsWith("sla-export-"))) await new Promise((tick) => setTimeout(tick, 5));
    for (const name of readdirSync(temp)) expect(statSync(join(temp, name)).mode & 0o777).toBe(0o700);
    child.kill("SIGINT");
    expect(await ended).toBe("SIGINT");
    expect(readdirSync(temp)).toEqual([]);
  }, 60_000);
});

describe("sla report never reads the repository's .git folder for the agreement", () => {
  it.each([
    [".git/config", ".git/config"],
    ["examples/../.git/config", ".git/config"],
    ["leads.csv", "leads.csv"],
  ])("leads file: %s", (file, shown) => {
    const dir = example((text) =>
      text.replace(
        / {4}leads:\n {6}file: [^\n]+\n[\s\S]*?(?= {4}deals:\n)/,
        `    leads:\n      file: ${file}\n      delimiter: ";"\n      columns:\n        id: "[core]"\n        createdAt: "[core]"\n`,
      ),
    );
    spawnSync("git", ["init", "-q", dir]);
    spawnSync("git", ["-C", dir, "config", "http.https://github.com/.extraheader", "AUTHORIZATION: basic c2VjcmV0LXRva2Vu"]);
    symlinkSync(".git/config", join(dir, "leads.csv"));
    const result = sla(["report", "sla.yaml", "--through", "2026-10"], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `sla: ${shown}: is inside the repository's .git folder, which holds Git's own files and can hold its credentials, so it is not read; name an export file\n`,
    });
  });
});

describe("sla report: a YAML actuals file of ten megabytes", () => {
  it("of 100,000 KPI keys is read in seconds, not minutes", () => {
    const dir = example();
    const lines = ["2026-07:", "  website-visits: 24095"];
    for (let n = 0; n < 100_000; n++) lines.push(`  kennzahl-${n}-ğüş: ${n}`);
    writeFileSync(join(dir, "actuals.yaml"), `${lines.join("\n")}\n`);
    const result = sla(["report", "sla.yaml", "--actuals", "actuals.yaml", "--through", "2026-10", "-f", "json"], { cwd: dir, timeout: 30_000 });
    expect(result.stderr).toBe("");
    const actuals = JSON.parse(result.stdout).dataQuality.sources.find((s: { kind: string }) => s.kind === "actuals");
    expect(actuals).toMatchObject({ rows: 100_001, used: 1, problems: [{ reason: "unknown-kpi", count: 100_000 }] });
  }, 90_000);

  it("with a KPI twice in a month says where", () => {
    const dir = example();
    writeFileSync(join(dir, "actuals.yaml"), "2026-07:\n  website-visits: 24095\n  cost-per-lead: 81\n  website-visits: 1\n");
    const result = sla(["report", "sla.yaml", "--actuals", "actuals.yaml", "--through", "2026-10"], { cwd: dir });
    expect(result).toEqual({ code: 2, stdout: "", stderr: "sla: actuals.yaml:4: is not valid YAML: Map keys must be unique\n" });
  });
});
