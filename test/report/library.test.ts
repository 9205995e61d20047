// The report's library path as another program would call it: loadExports, then measureReport
// without onTablesRead (the connection stays open until the caller closes it), then close.
import { describe, expect, it } from "vitest";
import { measureReport } from "../../src/report/index.js";
import { loadExports } from "../../src/report/ingest/index.js";
import { runReportPipeline } from "../../src/report/run.js";
import { ROOT } from "../helpers/cli.js";
import { EXAMPLE, officeHours } from "./fixture.js";

const NOW = new Date("2026-12-02T08:00:00Z");

describe("measureReport over loadExports, without onTablesRead", () => {
  it("measures the example's exports as sla report does, and the tables can still be read after it", async () => {
    const loaded = await loadExports(EXAMPLE, { baseDir: ROOT, cwd: ROOT, timeZone: "Europe/Berlin" });
    try {
      const report = await measureReport(EXAMPLE, {
        connection: loaded.connection,
        quality: loaded.quality,
        file: "sla.example.yaml",
        through: "2026-11",
        now: NOW,
        timeZone: "Europe/Berlin",
        businessHours: officeHours,
      });
      expect(report.connect!.handedOver).toBe(110);
      expect(report.connect!.breaches.length).toBe(report.connect!.breached);
      // The caller's connection is its own: still open, the views over the parsed export too.
      const counts = await loaded.connection.runAndReadAll("SELECT count(*)::INTEGER, count(DISTINCT owner)::INTEGER FROM leads");
      expect(counts.getRows()).toEqual([[433, 5]]);
    } finally {
      loaded.close();
    }
    // Closing again does nothing.
    expect(() => loaded.close()).not.toThrow();
  });

  it("gives the same figures as the pipeline, which closes the engine before the lead-by-lead computing", async () => {
    const loaded = await loadExports(EXAMPLE, { baseDir: ROOT, cwd: ROOT, timeZone: "Europe/Berlin" });
    let open;
    try {
      open = await measureReport(EXAMPLE, { connection: loaded.connection, quality: loaded.quality, file: "sla.example.yaml", through: "2026-11", now: NOW });
    } finally {
      loaded.close();
      loaded.close();
    }
    const piped = await runReportPipeline(EXAMPLE, { file: "sla.example.yaml", baseDir: ROOT, through: "2026-11", now: NOW });
    // Without a business calendar the business-hour compliance goes unmeasured; what does not depend on it agrees.
    expect(open.connect).toBeNull();
    expect(open.funnel).toEqual(piped.funnel);
    expect(open.returned).toEqual(piped.returned);
    expect(open.dataQuality).toEqual(piped.dataQuality);
  });
});
