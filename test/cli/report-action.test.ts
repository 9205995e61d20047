// `sla report` from the agreement to the written report, with the measuring replaced by the
// hand-made fixture: the exports' side is tested where it is built (src/report/ingest, measure).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EXAMPLE, FIXTURES, tempDir } from "../helpers/cli.js";
import type { Report } from "../../src/report/model.js";

const pipeline = vi.hoisted(() => ({ report: undefined as unknown, options: undefined as unknown }));
vi.mock("../../src/report/run.js", () => ({
  runReportPipeline: vi.fn(async (_sla: unknown, options: unknown) => {
    pipeline.options = options;
    return structuredClone(pipeline.report);
  }),
}));

const { runReport } = await import("../../src/cli/actions/report.js");
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, "report", `${name}.report.json`), "utf8")) as Report;

let written: string;
beforeEach(() => {
  pipeline.report = fixture("example");
  written = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: unknown) => {
    written += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const NOW = new Date("2026-11-15T10:00:00Z");

describe("runReport", () => {
  it("measures the agreement with the exports named, through the month given, from the agreement's folder", async () => {
    const code = await runReport(EXAMPLE, { paper: "a4", leads: "exports/contacts.csv", deals: "exports/deals.csv", through: "2026-10" }, NOW);
    expect(code).toBe(0);
    expect(pipeline.options).toEqual({
      file: EXAMPLE,
      baseDir: join(EXAMPLE, ".."),
      leads: "exports/contacts.csv",
      deals: "exports/deals.csv",
      actuals: undefined,
      through: "2026-10",
      now: NOW,
    });
    // Text by default, in the agreement's language (English here), without colour off a terminal.
    expect(written).toContain("Scorecard through October 2026");
    expect(written).not.toMatch(/\x1b/);
  });

  it.each([
    [undefined, 0],
    ["off-track" as const, 1],
    ["at-risk" as const, 1],
  ])("--fail-on %s exits %i", async (failOn, expected) => {
    expect(await runReport(EXAMPLE, { paper: "a4", failOn, format: "json" }, NOW)).toBe(expected);
  });

  it("--fail-on at-risk passes when every KPI is on track", async () => {
    const report = fixture("example");
    for (const k of [...report.months.at(-1)!.kpis, ...report.periodToDate.kpis]) k.status = "on-track";
    pipeline.report = report;
    expect(await runReport(EXAMPLE, { paper: "a4", failOn: "at-risk", format: "json" }, NOW)).toBe(0);
  });

  it("writes the format its -o names, replacing the file whole", async () => {
    const dir = tempDir();
    for (const [name, check] of [
      ["scorecard.json", (t: string) => expect(JSON.parse(t)).toEqual(fixture("example"))],
      ["scorecard.md", (t: string) => expect(t).toContain("# SLA scorecard: Anatolia Pumps")],
      ["scorecard.html", (t: string) => expect(t).toMatch(/^<!DOCTYPE html>/i)],
      ["scorecard.txt", (t: string) => expect(t).toContain("Period to date (4 of 6 months)")],
    ] as const) {
      const out = join(dir, name);
      writeFileSync(out, "previous");
      expect(await runReport(EXAMPLE, { paper: "a4", output: out }, NOW)).toBe(0);
      check(readFileSync(out, "utf8"));
    }
    const pdf = join(dir, "scorecard.pdf");
    expect(await runReport(EXAMPLE, { paper: "letter", output: pdf }, NOW)).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(written).toBe("");
  });

  it("speaks the agreement's language, or the one --locale names", async () => {
    pipeline.report = fixture("tr");
    await runReport(join(FIXTURES, "i18n/tr.sla.yaml"), { paper: "a4", format: "markdown" }, NOW);
    expect(written).toContain("## Ekim 2026 karnesi");
    written = "";
    await runReport(join(FIXTURES, "i18n/tr.sla.yaml"), { paper: "a4", locale: "de" }, NOW);
    expect(written).toContain("Scorecard bis Oktober 2026");
  });
});
