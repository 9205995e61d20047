import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { SourceError } from "../../src/errors.js";
import { word } from "../../src/i18n/catalog.js";
import type { ReportSources, Sla } from "../../src/model/index.js";
import { loadExports, type LoadExportsOptions } from "../../src/report/ingest/index.js";
import { loadEngine } from "../../src/report/ingest/engine.js";
import { MissingPackageError, SlaError } from "../../src/errors.js";
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { ROOT } from "../helpers/cli.js";
import type { SourceQuality } from "../../src/report/tables.js";
import { EXAMPLE, FIXTURES } from "../helpers/cli.js";
import { readFileSync } from "node:fs";

const DIR = join(FIXTURES, "report");
const EXAMPLE_SLA = parse(readFileSync(EXAMPLE, "utf8")) as Sla;
const scratch = mkdtempSync(join(tmpdir(), "sla-ingest-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Row = Record<string, unknown>;

/** Loads with `sources` in the example agreement and returns every table's rows, in line order. */
async function load(sources: ReportSources, options: Partial<LoadExportsOptions> = {}): Promise<{ quality: SourceQuality[]; tables: Record<string, Row[]> }> {
  const sla = structuredClone(EXAMPLE_SLA);
  sla.reporting!.sources = sources;
  const loaded = await loadExports(sla, { baseDir: DIR, cwd: DIR, timeZone: "Europe/Istanbul", ...options });
  try {
    const tables: Record<string, Row[]> = {};
    const orders: Record<string, string> = { leads: "line", lead_stages: "lead_id, entered", deals: "line", actuals: "month, kpi" };
    for (const [table, order] of Object.entries(orders)) {
      const reader = await loaded.connection.runAndReadAll(`SELECT * FROM ${table} ORDER BY ${order}`);
      tables[table] = reader.getRowObjectsJson() as Row[];
    }
    return { quality: loaded.quality, tables };
  } finally {
    loaded.close();
  }
}

/** The error loading throws, worded in English with its file. */
async function failure(
  sources: ReportSources,
  options: Partial<LoadExportsOptions> = {},
): Promise<{ file: string; id: string; text: string; args: Record<string, unknown> }> {
  try {
    await load(sources, options);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return { file: error.file, id: error.messageId, text: word(error.said, "en"), args: error.args as Record<string, unknown> };
  }
  throw new Error("loading did not fail");
}

describe("loadExports: HubSpot contacts, UTF-8 with a byte order mark", () => {
  it("fills leads and lead_stages with the agreement's ids, times in the calendar's zone", async () => {
    const { quality, tables } = await load({ leads: { file: "hubspot-contacts-bom.csv", preset: "hubspot" } });
    expect(tables.leads).toEqual([
      {
        id: "101",
        line: "2",
        created: "2026-09-01 09:15:00",
        stage: "sql",
        status: "connected",
        owner: "İsmail Doğan",
        lead_type: null,
        first_attempt: "2026-09-03 16:00:00",
        return_reason: null,
      },
      // 08:00 UTC is 11:00 in Istanbul.
      {
        id: "102",
        line: "3",
        created: "2026-09-05 11:00:00",
        stage: "mql",
        status: "new",
        owner: "Lena Fischer",
        lead_type: null,
        first_attempt: null,
        return_reason: null,
      },
      // "Bad Timing" is HubSpot's; the example's nearest status is returned-to-marketing.
      {
        id: "103",
        line: "4",
        created: "2026-09-06 00:00:00",
        stage: "lead",
        status: "returned-to-marketing",
        owner: "Kenji Mori",
        lead_type: null,
        first_attempt: null,
        return_reason: null,
      },
      {
        id: "104",
        line: "7",
        created: null,
        stage: "customer",
        status: null,
        owner: "İsmail Doğan",
        lead_type: null,
        first_attempt: null,
        return_reason: null,
      },
    ]);
    expect(tables.lead_stages).toEqual([
      { lead_id: "101", stage: "mql", entered: "2026-09-02 10:00:00" },
      // +03:00 is Istanbul's own offset: the same wall time.
      { lead_id: "101", stage: "sql", entered: "2026-09-03 14:30:00" },
      { lead_id: "102", stage: "mql", entered: "2026-09-05 11:00:00" },
      { lead_id: "104", stage: "mql", entered: "2026-09-10 10:00:00" },
    ]);
    expect(quality).toEqual([
      {
        kind: "leads",
        file: "hubspot-contacts-bom.csv",
        encoding: "utf-8",
        delimiter: ",",
        rows: 6,
        used: 4,
        problems: [
          { reason: "missing-id", count: 1, examples: [{ line: 6, column: "Record ID", value: "" }] },
          { reason: "duplicate-id", count: 1, examples: [{ line: 5, column: "Record ID", value: "101" }] },
          { reason: "unmapped-status", count: 1, examples: [{ line: 7, column: "Lead Status", value: "Nurturing" }] },
          {
            reason: "unparseable-date",
            count: 2,
            examples: [
              { line: 7, column: "Create Date", value: "2026-13-45 10:00" },
              { line: 7, column: "Became a Sales Qualified Lead Date", value: "not a date" },
            ],
          },
        ],
      },
    ]);
  });

  it("finds the preset by the header when the source names none, and reads the path given instead of the SLA file's", async () => {
    const { quality, tables } = await load({ leads: { file: "missing.csv" } }, { leads: "hubspot-contacts-bom.csv" });
    expect(tables.leads!.map((row) => row.stage)).toEqual(["sql", "mql", "lead", "customer"]);
    expect(quality[0]!.file).toBe("hubspot-contacts-bom.csv");
  });
});

describe("loadExports: encodings, separators, numbers and dates", () => {
  it("reads UTF-16 LE with tabs (Excel's Unicode text) and German day-first dates through a mapping", async () => {
    const { quality, tables } = await load({
      leads: {
        file: "contacts-utf16le.txt",
        columns: { id: "Kontakt-ID", createdAt: "Erstellt am", stage: "Phase", firstAttempt: "Erster Versuch", stageDates: { mql: "MQL-Datum", sql: "Phase" } },
        stages: { MQL: "mql", SQL: "sql" },
      },
    });
    expect(quality[0]).toMatchObject({ encoding: "utf-16le", delimiter: "\t", rows: 2, used: 2 });
    expect(tables.leads!.map((row) => [row.id, row.created, row.stage, row.first_attempt])).toEqual([
      ["K-1", "2026-09-14 09:30:00", "mql", "2026-09-16 10:05:00"],
      ["K-2", "2026-04-03 00:00:00", "sql", null],
    ]);
    expect(tables.lead_stages!.filter((row) => row.stage === "mql")).toEqual([
      { lead_id: "K-1", stage: "mql", entered: "2026-09-15 00:00:00" },
      { lead_id: "K-2", stage: "mql", entered: "2026-04-05 08:00:00" },
    ]);
  });

  it("reads Windows-1254 (Turkish Excel) with `;`, decimal commas and thousands points", async () => {
    const { quality, tables } = await load({
      deals: {
        file: "deals-1254.csv",
        columns: { id: "Fırsat No", stage: "Aşama", amount: "Tutar", createdAt: "Oluşturma", closedAt: "Kapanış", owner: "Sorumlu" },
        stages: { Kazanıldı: "closed-won", Kaybedildi: "closed-lost", "Teklif Sunuldu": "proposal-presented" },
      },
    });
    expect(tables.deals).toEqual([
      {
        id: "F-1",
        line: "2",
        stage: "closed-won",
        outcome: "won",
        amount: 1234.56,
        created: "2026-09-01 00:00:00",
        closed: "2026-09-15 17:45:00",
        owner: "Şule Işık",
        lead_type: null,
      },
      {
        id: "F-2",
        line: "3",
        stage: "closed-lost",
        outcome: "lost",
        amount: 987.5,
        created: "2026-09-02 00:00:00",
        closed: "2026-09-20 00:00:00",
        owner: "İbrahim Güneş",
        lead_type: null,
      },
      {
        id: "F-3",
        line: "4",
        stage: "proposal-presented",
        outcome: "open",
        amount: 12000,
        created: "2026-09-03 00:00:00",
        closed: null,
        owner: "Ağca Çelik",
        lead_type: null,
      },
      {
        id: "F-4",
        line: "5",
        stage: "closed-won",
        outcome: "won",
        amount: null,
        created: "2026-09-04 00:00:00",
        closed: "2026-09-21 00:00:00",
        owner: "Şule Işık",
        lead_type: null,
      },
      {
        id: "F-5",
        line: "6",
        stage: "closed-won",
        outcome: "won",
        amount: null,
        created: "2026-09-05 00:00:00",
        closed: "2026-09-22 00:00:00",
        owner: "Şule Işık",
        lead_type: null,
      },
    ]);
    expect(quality[0]).toMatchObject({ encoding: "windows-1254", delimiter: ";", rows: 5, used: 5 });
    expect(quality[0]!.problems).toEqual([
      { reason: "unparseable-amount", count: 1, examples: [{ line: 6, column: "Tutar", value: "abc" }] },
      { reason: "missing-amount", count: 1, examples: [{ line: 5, column: "Tutar", value: "" }] },
    ]);
  });

  it("reads Shift_JIS (Japanese Excel) with tabs, YYYY/MM/DD dates and thousands commas", async () => {
    const { quality, tables } = await load({
      deals: {
        file: "deals-sjis.tsv",
        columns: { id: "商談ID", stage: "フェーズ", amount: "金額", createdAt: "作成日", closedAt: "完了日", owner: "所有者" },
        stages: { 受注: "closed-won", 失注: "closed-lost", 提案: "proposal-presented" },
      },
    });
    expect(quality[0]).toMatchObject({ encoding: "shift_jis", delimiter: "\t", rows: 3, used: 3, problems: [] });
    expect(tables.deals!.map((row) => [row.id, row.outcome, row.amount, row.created, row.closed, row.owner])).toEqual([
      ["J-1", "won", 1500000, "2026-09-01 00:00:00", "2026-09-30 00:00:00", "佐藤 健"],
      ["J-2", "lost", 250000, "2026-09-02 10:00:00", "2026-10-01 00:00:00", "鈴木 由紀"],
      ["J-3", "open", 3000000, "2026-09-03 00:00:00", null, "田中 博"],
    ]);
  });

  it("reads a Salesforce report: quoted separators, US dates with AM/PM, `1,234.56`", async () => {
    const { tables } = await load({ deals: { file: "salesforce-opportunities.csv", preset: "salesforce", stages: { "Negotiation/Review": "negotiation" } } });
    expect(tables.deals!.map((row) => [row.id, row.stage, row.amount, row.created, row.closed, row.owner])).toEqual([
      ["006A", "closed-won", 1234.56, "2026-09-14 00:00:00", "2026-09-30 15:05:00", "Anna Snelling"],
      ["006B", "closed-lost", 500, "2026-09-02 00:00:00", "2026-10-01 11:30:00", "Cecily Lampkin"],
      ["006C", "negotiation", 2000, "2026-09-03 00:00:00", null, "Anna Snelling"],
    ]);
  });

  it("reads NN/NN/YYYY day first when a first part is above 12", async () => {
    const { tables } = await load({ deals: { file: "deals-day-first.csv", columns: { createdAt: "created" } } });
    expect(tables.deals!.map((row) => row.created)).toEqual(["2026-02-13 00:00:00", "2026-04-03 00:00:00"]);
  });

  it("looks at the whole column when its first rows do not tell the day order", async () => {
    const file = join(scratch, "late-evidence.csv");
    const rows = Array.from({ length: 2500 }, (_, i) => `D-${i},closed-won,${i === 2400 ? "25/12/2026" : "03/04/2026 10:00"}`);
    writeFileSync(file, `id,stage,created\n${rows.join("\n")}\n`);
    const { tables } = await load({ deals: { columns: { createdAt: "created" } } }, { deals: file });
    expect(tables.deals![0]!.created).toBe("2026-04-03 10:00:00");
    expect(tables.deals![2400]!.created).toBe("2026-12-25 00:00:00");
  });

  it("reads an undecided NN/NN/YYYY month first unless dateFormat says otherwise; offsets across daylight saving", async () => {
    const berlin = { timeZone: "Europe/Berlin" };
    const monthFirst = await load({ deals: { file: "deals-ambiguous.csv", columns: { createdAt: "created" } } }, berlin);
    expect(monthFirst.tables.deals!.map((row) => row.created)).toEqual([
      "2026-03-04 00:00:00",
      // 01:30 UTC on the night clocks go forward is 03:30 summer time.
      "2026-03-29 03:30:00",
      // 01:30 UTC on the night they go back is the second 02:30.
      "2026-10-25 02:30:00",
    ]);
    const dayFirst = await load({ deals: { file: "deals-ambiguous.csv", columns: { createdAt: "created" }, dateFormat: "DD/MM/YYYY" } }, berlin);
    expect(dayFirst.tables.deals![0]!.created).toBe("2026-04-03 00:00:00");
  });

  it("honours a stated encoding and separator", async () => {
    const { quality } = await load({
      deals: {
        file: "deals-1254.csv",
        encoding: "windows-1254",
        delimiter: ";",
        stages: { Kazanıldı: "closed-won", Kaybedildi: "closed-lost", "Teklif Sunuldu": "proposal-presented" },
        columns: { id: "Fırsat No", stage: "Aşama" },
      },
    });
    expect(quality[0]).toMatchObject({ encoding: "windows-1254", delimiter: ";", used: 5 });
  });
});

describe("loadExports: monthly actuals", () => {
  it("reads a CSV, counting unknown KPIs, bad months and values", async () => {
    const { quality, tables } = await load({ actuals: { file: "actuals.csv" } });
    expect(tables.actuals).toEqual([
      { month: "2026-09", kpi: "website-visits", value: 12400 },
      { month: "2026-10", kpi: "website-visits", value: 13100.5 },
    ]);
    expect(quality[0]!.problems).toEqual([
      { reason: "unparseable-date", count: 1, examples: [{ line: 5, column: "month", value: "2026-13" }] },
      { reason: "unknown-kpi", count: 1, examples: [{ line: 4, column: "kpi", value: "ziyaretçi-sayısı" }] },
      { reason: "unparseable-value", count: 1, examples: [{ line: 6, column: "value", value: "abc" }] },
    ]);
  });

  it("reads YAML as a list or as months of KPI values", async () => {
    const list = join(scratch, "actuals-list.yaml");
    writeFileSync(
      list,
      "- { month: 2026-09, kpi: website-visits, value: 12400 }\n- month: 2026-10\n  kpi: cost-per-lead\n  value: 41.5\n- { month: 2026-10, kpi: ziyaretler, value: 1 }\n",
    );
    const months = join(scratch, "actuals-months.yaml");
    writeFileSync(months, "2026-09:\n  website-visits: 12400\n  cost-per-lead: 38\n");
    const fromList = await load({}, { actuals: list });
    expect(fromList.tables.actuals).toEqual([
      { month: "2026-09", kpi: "website-visits", value: 12400 },
      { month: "2026-10", kpi: "cost-per-lead", value: 41.5 },
    ]);
    expect(fromList.quality[0]!.problems).toEqual([{ reason: "unknown-kpi", count: 1, examples: [{ line: 5, column: "kpi", value: "ziyaretler" }] }]);
    const fromMonths = await load({}, { actuals: months });
    expect(fromMonths.tables.actuals).toEqual([
      { month: "2026-09", kpi: "cost-per-lead", value: 38 },
      { month: "2026-09", kpi: "website-visits", value: 12400 },
    ]);
  });

  it("refuses YAML that is broken or of another shape, with the line", async () => {
    const broken = join(scratch, "broken.yaml");
    writeFileSync(broken, "2026-09:\n  website-visits: [12400\n");
    expect(await failure({}, { actuals: broken })).toMatchObject({ file: `${broken}:3`, id: "source/actuals-yaml" });
    const scalar = join(scratch, "scalar.yaml");
    writeFileSync(scalar, "just text\n");
    expect(await failure({}, { actuals: scalar })).toMatchObject({ file: `${scalar}:1`, id: "source/actuals-shape" });
  });
});

describe("loadExports: errors", () => {
  it("names stage values nobody mapped, with the line, the count and a did-you-mean", async () => {
    const error = await failure({ deals: { file: "salesforce-opportunities.csv", preset: "salesforce", stages: { "Negotiaton/Review": "negotiation" } } });
    expect(error).toMatchObject({ file: "salesforce-opportunities.csv:4", id: "source/unmapped-stage" });
    expect(error.text).toBe(
      "the Stage value “Negotiation/Review” is not mapped to a stage of the agreement (did you mean “Negotiaton/Review”?); 1 row has unmapped values (Negotiation/Review). " +
        `Map each under \`reporting.sources.deals.stages\` (to \`~\` for one the agreement has no stage for); mapped now: ${(error.args.mapped as string[]).join(", ").replace(/, ([^,]*)$/, ", and $1")}`,
    );
    // The CRM's values first: the agreement's own ids need no mapping.
    expect((error.args.mapped as string[]).slice(0, 4)).toEqual(["Closed Won", "Closed Lost", "Negotiaton/Review", "discovery"]);
  });

  it("counts the rows of a value mapped to ~ (no stage of the agreement) instead of stopping", async () => {
    const { quality, tables } = await load({ deals: { file: "salesforce-opportunities.csv", preset: "salesforce", stages: { "Negotiation/Review": null } } });
    expect(tables.deals!.map((row) => row.id)).toEqual(["006A", "006B"]);
    expect(quality[0]!.problems).toEqual([{ reason: "unmapped-stage", count: 1, examples: [{ line: 4, column: "Stage", value: "Negotiation/Review" }] }]);
  });

  it("lists the columns a file has when a mapped one is not there, with a did-you-mean", async () => {
    const error = await failure({ deals: { file: "salesforce-opportunities.csv", preset: "salesforce", columns: { amount: "Amout" } } });
    expect(error.text).toBe(
      "has no column “Amout” (mapped as amount); did you mean “Amount”?. The file's columns are Opportunity ID, Opportunity Name, Stage, Amount, Created Date, Close Date, and Opportunity Owner",
    );
  });

  it("says which column it needs when no preset or mapping names it", async () => {
    const error = await failure({ leads: { file: "no-id.csv" } });
    expect(error).toMatchObject({ file: "no-id.csv", id: "source/column-required", args: { field: "id", kind: "leads", columns: ["Name", "Stage"] } });
  });

  it("refuses an empty file, a missing one, a folder and a pipe", async () => {
    expect(await failure({ deals: { file: "empty.csv" } })).toMatchObject({ file: "empty.csv", id: "source/empty" });
    expect(await failure({ deals: { file: "nowhere.csv" } })).toMatchObject({ file: "nowhere.csv", id: "cli/io.no-such-file" });
    mkdirSync(join(scratch, "folder.csv"));
    expect(await failure({}, { deals: join(scratch, "folder.csv") })).toMatchObject({ id: "cli/io.directory" });
    const fifo = join(scratch, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    expect(await failure({}, { deals: fifo })).toMatchObject({ file: fifo, id: "source/not-regular" });
  });

  it("refuses a path in the SLA file that links out of the repository, but reads the same link named on the command line", async () => {
    const repo = join(scratch, "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    const outside = join(scratch, "outside.csv");
    writeFileSync(outside, "id,stage\nD-1,closed-won\n");
    symlinkSync(outside, join(repo, "deals.csv"));
    const error = await failure({ deals: { file: "deals.csv" } }, { baseDir: repo, cwd: repo });
    expect(error).toMatchObject({ file: "deals.csv", id: "source/link-outside" });
    const { tables } = await load({}, { baseDir: repo, cwd: repo, deals: "deals.csv" });
    expect(tables.deals!.map((row) => row.id)).toEqual(["D-1"]);
  });
});

/** The public Maven Analytics CRM sample (shared/data/maven-crm), looked for upward from the repository. */
function mavenPipeline(): string | undefined {
  for (let dir = ROOT; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, "shared/data/maven-crm/sales_pipeline.csv");
    if (existsSync(file)) return file;
  }
  return undefined;
}

describe("loadExports: the Maven CRM sample", () => {
  const file = mavenPipeline();
  it.skipIf(file === undefined)("reads its 8,800 deals through a mapping: open deals without a close date, revenue of the won ones", async () => {
    const sla = structuredClone(EXAMPLE_SLA);
    sla.reporting!.sources = {
      deals: {
        columns: { id: "opportunity_id", stage: "deal_stage", amount: "close_value", createdAt: "engage_date", closedAt: "close_date", owner: "sales_agent" },
        stages: { Won: "closed-won", Lost: "closed-lost", Engaging: "proposal-presented", Prospecting: "discovery" },
      },
    };
    const loaded = await loadExports(sla, { baseDir: DIR, deals: file!, timeZone: "America/New_York" });
    try {
      const reader = await loaded.connection.runAndReadAll(
        "SELECT outcome, count(*)::INTEGER AS deals, sum(amount) AS amount, count(closed)::INTEGER AS closed, min(closed) AS first, max(closed) AS last FROM deals GROUP BY outcome ORDER BY outcome",
      );
      expect(reader.getRowObjectsJson()).toEqual([
        { outcome: "lost", deals: 2473, amount: 0, closed: 2473, first: "2017-03-01 00:00:00", last: "2017-12-31 00:00:00" },
        { outcome: "open", deals: 2089, amount: null, closed: 0, first: null, last: null },
        { outcome: "won", deals: 4238, amount: 10005534, closed: 4238, first: "2017-03-01 00:00:00", last: "2017-12-31 00:00:00" },
      ]);
      expect(loaded.quality).toEqual([{ kind: "deals", file: file!, encoding: "utf-8", delimiter: ",", rows: 8800, used: 8800, problems: [] }]);
    } finally {
      loaded.close();
    }
  });
});

describe("loadExports: what it needs", () => {
  it("names the engine package in one line when it is not installed", async () => {
    const missing = () => Promise.reject(Object.assign(new Error("Cannot find package '@duckdb/node-api'"), { code: "ERR_MODULE_NOT_FOUND" }));
    const error = await loadEngine(missing).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MissingPackageError);
    expect((error as MissingPackageError).packages).toEqual(["@duckdb/node-api"]);
    expect((error as MissingPackageError).message).toMatch(
      /^reading CRM exports needs the package @duckdb\/node-api, which is not installed; install it with: npm install "@duckdb\/node-api@\^1\.5/,
    );
  });

  it("refuses a time zone that does not exist, before reading anything", async () => {
    const error = await load({ deals: { file: "deals-1254.csv" } }, { timeZone: "Europe/Istanbull" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SlaError);
    expect((error as SlaError).said).toEqual({ id: "source/time-zone", args: { zone: "Europe/Istanbull" } });
  });

  it("says which columns monthly actuals need", async () => {
    expect(await failure({}, { actuals: "deals-day-first.csv" })).toMatchObject({
      id: "source/actuals-columns",
      args: { columns: ["id", "stage", "created"] },
    });
  });
});
