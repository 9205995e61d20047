import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { compareVersions, diffSla, type Change } from "../../src/diff/index.js";
import { diffWords } from "../../src/diff/words.js";
import { diffTextList } from "../../src/diff/classify.js";
import type { Sla } from "../../src/model/index.js";
import { EXAMPLE, FIXTURES } from "../helpers/cli.js";

const example = parse(readFileSync(EXAMPLE, "utf8")) as Sla;
const proposal = parse(readFileSync(join(FIXTURES, "diff/proposal.sla.yaml"), "utf8")) as Sla;
const i18n = (lang: string) => parse(readFileSync(join(FIXTURES, `i18n/${lang}.sla.yaml`), "utf8")) as Sla;

function diff(before: Sla, after: Sla) {
  return diffSla({ file: "old.yaml", sla: before }, { file: "new.yaml", sla: after });
}

/** A copy of the example changed by `edit`. */
function edited(edit: (sla: Sla) => void, base: Sla = example): Sla {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

const summary = (changes: Change[]) => changes.map((c) => [c.section, c.kind, c.entity?.id ?? c.field, c.classes.join(",")]);

describe("diffSla", () => {
  it("reports exactly the proposal's changes, classified", () => {
    const result = diff(example, proposal);
    const own = result.changes.filter((c) => c.section !== "funnel");
    expect(summary(own)).toEqual([
      ["personas", "renamed", "procurement-petra", "renamed"],
      ["lifecycleStages", "reordered", undefined, "reordered"],
      ["leadTypes", "removed", "existing-customer-upsell", "removed"],
      ["kpis", "changed", "revenue", "changed,raised,tightened"],
      ["kpis", "changed", "cost-per-lead", "changed,lowered,tightened"],
    ]);
    const revenue = own[3]!;
    expect(revenue).toMatchObject({ field: "target", before: 1_800_000, after: 2_160_000, unit: "currency", delta: { absolute: 360_000 } });
    expect(revenue.delta!.relative).toBeCloseTo(0.2);
    expect(own[1]!.order).toEqual({
      before: ["subscriber", "lead", "mql", "sql", "opportunity", "customer"],
      after: ["subscriber", "lead", "mql", "opportunity", "sql", "customer"],
      moved: ["sql"],
    });
    expect(own[0]).toMatchObject({ before: "Procurement Petra", after: "Purchasing Petra", path: ["personas", 2, "name"] });
  });

  it("shows what the changes do to the funnel math", () => {
    const funnel = diff(example, proposal).changes.filter((c) => c.section === "funnel");
    expect(funnel.map((c) => [c.field, c.before, c.after])).toEqual([
      ["customers", 10, 12],
      ["proposals", 40, 48],
      ["sqls", 67, 80],
      ["mqls", 167, 200],
      ["leads", 477, 572],
      ["visits", 23817, 28575],
    ]);
  });

  it("says when the funnel math can no longer be computed", () => {
    const noDealSize = edited((s) => (s.kpis = s.kpis.filter((k) => k.metric !== "averageDealSize")));
    const funnel = diff(example, noDealSize).changes.filter((c) => c.section === "funnel");
    expect(funnel.map((c) => c.note)).toEqual([{ id: "diff/funnel.no-longer-computable", args: { reason: "missing-input" } }]);
    expect(
      diff(noDealSize, example)
        .changes.filter((c) => c.section === "funnel")
        .map((c) => c.note),
    ).toEqual([{ id: "diff/funnel.computable" }]);
    const zeroRate = edited((s) => (s.kpis.find((k) => k.metric === "closeRate")!.target = 0));
    expect(
      diff(example, zeroRate)
        .changes.filter((c) => c.section === "funnel")
        .map((c) => c.note),
    ).toEqual([{ id: "diff/funnel.no-longer-computable", args: { cause: "closeRate", reason: "zero" } }]);
  });

  it("finds nothing between identical agreements", () => {
    expect(diff(example, structuredClone(example)).changes).toEqual([]);
  });

  it("matches by id: moving an entity in an unordered list is no change, in an ordered one a reorder", () => {
    const movedIcps = edited((s) => s.icps.reverse());
    expect(diff(example, movedIcps).changes).toEqual([]);
    const movedDeals = edited((s) => s.dealStages!.reverse());
    expect(summary(diff(example, movedDeals).changes)).toEqual([["dealStages", "reordered", undefined, "reordered"]]);
  });

  it("calls a lower target for a lower-is-better KPI tightened, and a higher one loosened", () => {
    const higherCost = edited((s) => (s.kpis.find((k) => k.id === "cost-per-lead")!.target = 95));
    expect(diff(example, higherCost).changes[0]!.classes).toEqual(["changed", "raised", "loosened"]);
    const lowerRevenue = edited((s) => (s.kpis.find((k) => k.id === "revenue")!.target = 1_500_000));
    expect(diff(example, lowerRevenue).changes[0]!.classes).toEqual(["changed", "lowered", "loosened"]);
  });

  it("compares percentages however written, in percentage points", () => {
    const rate = edited((s) => (s.kpis.find((k) => k.metric === "closeRate")!.target = 0.3));
    const change = diff(example, rate).changes.find((c) => c.section === "kpis")!;
    expect(change.classes).toEqual(["changed", "raised", "tightened"]);
    expect(change.delta!.absolute).toBeCloseTo(0.05);
    // 25% written as 25 or 0.25 is the same target: no change at all.
    for (const notation of [25, 0.25, "25 %"]) {
      const same = edited((s) => (s.kpis.find((k) => k.metric === "closeRate")!.target = notation));
      expect(diff(example, same).changes).toEqual([]);
    }
  });

  it("calls out owner and unit changes and moved thresholds", () => {
    const changed = edited((s) => {
      const kpi = s.kpis.find((k) => k.id === "cost-per-lead")!;
      kpi.owner = "sales";
      s.leadScoring!.mqlThreshold = 40;
    });
    expect(summary(diff(example, changed).changes)).toEqual([
      ["leadScoring", "changed", "mqlThreshold", "changed,lowered,loosened"],
      ["kpis", "changed", "cost-per-lead", "changed"],
    ]);
    expect(diff(example, changed).changes[1]).toMatchObject({ field: "owner", before: "marketing", after: "sales" });
  });

  it("classifies connect-attempt commitments: sooner and more attempts tighten", () => {
    const changed = edited((s) => {
      s.connectAttempt!.timeToFirstAttempt = "2 business hours";
      s.connectAttempt!.attempts = 5;
    });
    const byField = Object.fromEntries(diff(example, changed).changes.map((c) => [c.field, c.classes]));
    expect(byField.timeToFirstAttempt).toEqual(["changed", "lowered", "tightened"]);
    expect(byField.attempts).toEqual(["changed", "lowered", "loosened"]);
  });

  it("compares the business calendar: more working time tightens the business-hour commitments, less loosens them", () => {
    const changed = edited((s) => {
      Object.assign(s.calendar!, { region: "BW", workingHours: "08:00-18:00", workingDays: ["mon", "tue", "wed", "thu"], holidays: ["2026-12-24"] });
    });
    const changes = diff(example, changed).changes.filter((c) => c.section === "calendar");
    expect(changes.map((c) => [c.field, c.before, c.after, c.classes.join(",")])).toEqual([
      ["region", "NW", "BW", "changed"],
      ["workingDays", ["mon", "tue", "wed", "thu", "fri"], ["mon", "tue", "wed", "thu"], "changed,loosened"],
      ["workingHours", "09:00-17:00", "08:00-18:00", "changed,tightened"],
      ["holidays", ["2026-12-24", "2026-12-31"], ["2026-12-24"], "changed,tightened"],
    ]);
    expect(changes.find((c) => c.field === "holidays")!.items).toEqual([
      { op: "equal", text: "2026-12-24" },
      { op: "delete", text: "2026-12-31" },
    ]);
  });

  it("counts the default working hours and days when one side leaves them out", () => {
    const defaults = edited((s) => {
      delete s.calendar!.workingDays;
      s.calendar!.workingHours = "09:00-17:00";
    });
    const changed = edited((s) => {
      s.calendar!.workingDays = ["mon", "tue", "wed", "thu", "fri"];
      delete s.calendar!.workingHours;
    }, defaults);
    expect(diff(defaults, changed).changes.map((c) => [c.field, c.classes.join(",")])).toEqual([
      ["workingHours", "changed"],
      ["workingDays", "changed"],
    ]);
    const added = diff(
      edited((s) => void delete s.calendar),
      example,
    ).changes;
    expect(added.map((c) => [c.section, c.kind])).toEqual([["calendar", "added"]]);
  });

  it("compares percentages and durations written as text as numbers, not word by word", () => {
    const from = edited((s) => void (s.kpis.find((k) => k.metric === "closeRate")!.target = "30 %"));
    const to = edited((s) => {
      s.kpis.find((k) => k.metric === "closeRate")!.target = "28 %";
      s.dealStages!.find((st) => st.id === "proposal-presented")!.probability = "55 %";
      s.connectAttempt!.timeToFirstAttempt = "2 business hours";
      s.lifecycleStages.find((st) => st.id === "mql")!.maxTimeInStage = "1 business day";
    });
    const byField: Record<string, Change> = Object.fromEntries(
      diff(from, to)
        .changes.filter((c) => c.section !== "funnel")
        .map((c) => [c.field, c]),
    );
    expect(byField.target).toMatchObject({ unit: "percent", delta: { absolute: -0.02 }, classes: ["changed", "lowered", "loosened"] });
    expect(byField.probability).toMatchObject({ unit: "percent", delta: { absolute: 0.05, relative: 0.1 }, classes: ["changed", "raised"] });
    expect(byField.timeToFirstAttempt).toMatchObject({
      unit: "business-hours",
      delta: { absolute: -2, relative: -0.5 },
      classes: ["changed", "lowered", "tightened"],
    });
    expect(byField.maxTimeInStage).toMatchObject({
      unit: "business-days",
      delta: { absolute: -1, relative: -0.5 },
      classes: ["changed", "lowered", "tightened"],
    });
    for (const change of Object.values(byField)) expect(change.words).toBeUndefined();
    // In different units only the order is known: 4 business hours → 1 business day is longer, with no delta.
    const longer = edited((s) => void (s.connectAttempt!.timeToFirstAttempt = "1 business day"));
    expect(diff(example, longer).changes[0]).toMatchObject({ classes: ["changed", "raised", "loosened"] });
    expect(diff(example, longer).changes[0]!.delta).toBeUndefined();
  });

  it("gives a probability change the percent unit and deltas without floating-point noise", () => {
    const changed = edited((s) => void (s.dealStages!.find((st) => st.id === "proposal-presented")!.probability = 0.55));
    expect(diff(example, changed).changes[0]).toMatchObject({
      field: "probability",
      unit: "percent",
      delta: { absolute: 0.05, relative: 0.1 },
      classes: ["changed", "raised"],
    });
  });

  it("says a KPI's old target in its old unit when the unit changed, and does not compare the two", () => {
    const changed = edited((s) =>
      Object.assign(
        s.kpis.find((k) => k.id === "sales-cycle-length")!,
        { unit: "hours", target: 1800 },
      ),
    );
    const target = diff(example, changed).changes.find((c) => c.field === "target")!;
    expect(target).toMatchObject({
      unit: "hours",
      unitBefore: "days",
      classes: ["changed"],
      note: { id: "diff/kpi.unit-changed", args: { before: "days", after: "hours" } },
    });
    expect(target.delta).toBeUndefined();
  });

  it("shows a criterion that moved in its list as moved, not as removed and added again", () => {
    const changed = edited((s) => void s.lifecycleStages.find((st) => st.id === "mql")!.exitCriteria!.reverse());
    const items = diff(example, changed).changes[0]!.items!.filter((item) => item.op !== "equal");
    expect(items).toEqual([{ op: "move", text: "Accepted by sales as an SQL, or lead score reaches 80 points." }]);
    // A text removed and another added are still two changes.
    expect(
      diffTextList(["a b c", "x"], ["x", "d e f"], "en")
        .filter((item) => item.op !== "equal")
        .map((item) => item.op),
    ).toEqual(["delete", "insert"]);
  });

  it("classifies a stage's maximum time: more time to accept or return an MQL loosens", () => {
    const changed = edited((s) => void (s.lifecycleStages.find((st) => st.id === "mql")!.maxTimeInStage = "3 business days"));
    expect(diff(example, changed).changes.find((c) => c.field === "maxTimeInStage")!.classes).toEqual(["changed", "raised", "loosened"]);
  });

  it("shows the changed words of criteria, item by item", () => {
    const changed = edited((s) => {
      const mql = s.lifecycleStages.find((st) => st.id === "mql")!;
      mql.exitCriteria = [mql.exitCriteria![0]!.replace("80 points", "75 points"), "Sales has logged the first call."];
    });
    const change = diff(example, changed).changes[0]!;
    expect(change).toMatchObject({ section: "lifecycleStages", field: "exitCriteria", entity: { id: "mql" } });
    expect(change.items!.map((i) => [i.op, i.text])).toEqual([
      ["change", "Accepted by sales as an SQL, or lead score reaches 75 points."],
      ["delete", "Or returned to marketing with a reason."],
      ["insert", "Sales has logged the first call."],
    ]);
    expect(change.items![0]!.words!.filter((w) => w.op !== "equal")).toEqual([
      { op: "delete", text: "80" },
      { op: "insert", text: "75" },
    ]);
  });

  it("diffs Turkish, German and Japanese agreements cleanly", () => {
    for (const lang of ["tr", "de", "ja"]) expect(diff(i18n(lang), i18n(lang)).changes).toEqual([]);
    const tr = i18n("tr");
    const renamed = edited((s) => (s.personas[0]!.name = `${s.personas[0]!.name} İkinci`), tr);
    expect(diff(tr, renamed).changes[0]).toMatchObject({ kind: "renamed", after: `${tr.personas[0]!.name} İkinci` });
    const ja = i18n("ja");
    const stage = ja.lifecycleStages.find((st) => st.exitCriteria?.length)!;
    const reworded = edited((s) => {
      const target = s.lifecycleStages.find((st) => st.id === stage.id)!;
      target.exitCriteria![0] = `${target.exitCriteria![0]}（毎週確認）`;
    }, ja);
    const words = diff(ja, reworded).changes[0]!.items![0]!.words!;
    expect(words.filter((w) => w.op !== "equal").map((w) => w.op)).toEqual(["insert"]);
    expect(words.find((w) => w.op === "insert")!.text).toContain("毎週確認");
  });

  it("checks a reset: the new period follows the old one and the version goes up", () => {
    const next = edited((s) => {
      s.agreement.version = "2027.1";
      s.agreement.effectiveDate = "2027-01-01";
      s.agreement.reviewPeriod = { start: "2027-01-01", end: "2027-06-30" };
    });
    expect(diff(example, next).changes.filter((c) => c.section === "reset")).toEqual([]);

    const gap = edited((s) => (s.agreement.reviewPeriod = { start: "2027-01-15", end: "2027-06-30" }));
    const notes = diff(example, gap)
      .changes.filter((c) => c.section === "reset")
      .map((c) => c.note);
    expect(notes).toEqual([
      { id: "diff/reset.version-not-increased", args: { before: "2026.2", after: "2026.2" } },
      { id: "diff/reset.gap", args: { start: "2027-01-15", days: 14, oldEnd: "2026-12-31" } },
    ]);
    const overlap = edited((s) => {
      s.agreement.version = "2026.10";
      s.agreement.reviewPeriod = { start: "2026-12-01", end: "2027-05-31" };
    });
    expect(
      diff(example, overlap)
        .changes.filter((c) => c.section === "reset")
        .map((c) => c.note),
    ).toEqual([{ id: "diff/reset.overlap", args: { start: "2026-12-01", oldEnd: "2026-12-31", days: 31 } }]);

    // The overlap is the days both periods cover, not the days from the new start to the old end.
    const inside = edited((s) => {
      s.agreement.version = "2026.3";
      s.agreement.reviewPeriod = { start: "2026-09-01", end: "2026-10-31" };
    });
    expect(
      diff(example, inside)
        .changes.filter((c) => c.section === "reset")
        .map((c) => c.note),
    ).toEqual([{ id: "diff/reset.overlap", args: { start: "2026-09-01", oldEnd: "2026-12-31", days: 61 } }]);

    // The next period given first: said as such, not as an overlap of a year.
    const swapped = diff(next, example)
      .changes.filter((c) => c.section === "reset")
      .map((c) => c.note);
    expect(swapped).toContainEqual({
      id: "diff/reset.starts-before",
      args: { newStart: "2026-07-01", newEnd: "2026-12-31", oldStart: "2027-01-01", oldEnd: "2027-06-30" },
    });

    // An end moved with the start kept is an amendment of the period, not a reset.
    const extended = edited((s) => {
      s.agreement.version = "2026.3";
      s.agreement.reviewPeriod.end = "2027-01-31";
    });
    expect(diff(example, extended).changes.filter((c) => c.section === "reset" && c.field === "reviewPeriod")).toEqual([]);
  });

  it("reports a whole section added or removed, and lists of records item by item", () => {
    const noScoring = edited((s) => delete s.leadScoring);
    expect(summary(diff(example, noScoring).changes)).toEqual([["leadScoring", "removed", undefined, "removed"]]);
    expect(summary(diff(noScoring, example).changes)).toEqual([["leadScoring", "added", undefined, "added"]]);
    const newTitle = edited((s) => (s.agreement.parties[0]!.signatories[0]!.title = "CMO"));
    expect(diff(example, newTitle).changes[0]).toMatchObject({
      section: "agreement",
      entity: { id: "marketing", label: "party" },
      field: "signatories[1].title",
      path: ["agreement", "parties", 0, "signatories", 0, "title"],
      after: "CMO",
    });
  });

  it("compares counts per month when the span of a target changes", () => {
    const quarterly = edited((s) =>
      Object.assign(
        s.kpis.find((k) => k.id === "mqls")!,
        { target: 528, per: "quarter" },
      ),
    );
    const changes = diff(example, quarterly).changes.filter((c) => c.section === "kpis");
    expect(changes.map((c) => [c.field, c.classes, c.note])).toEqual([
      ["target", ["changed"], { id: "diff/kpi.same-per-month" }],
      // The target changed too and carries the comparison: the span is not counted again.
      ["per", ["changed"], undefined],
    ]);
    const more = edited((s) =>
      Object.assign(
        s.kpis.find((k) => k.id === "mqls")!,
        { target: 600, per: "quarter" },
      ),
    );
    expect(diff(example, more).changes.find((c) => c.field === "target")).toMatchObject({
      classes: ["changed", "raised", "tightened"],
      note: { id: "diff/kpi.compared-per-month", args: { before: 176, after: 200 } },
    });
  });

  it("does not compare amounts across a change of currency", () => {
    const dollars = edited((s) => {
      s.agreement.currency = "USD";
      s.kpis.find((k) => k.id === "revenue")!.target = 2_000_000;
    });
    const revenue = diff(example, dollars).changes.find((c) => c.entity?.id === "revenue")!;
    expect(revenue.classes).toEqual(["changed"]);
    expect(revenue.note).toEqual({ id: "diff/kpi.currency-changed", args: { before: "EUR", after: "USD" } });
  });

  it("shows one changed word in a long paragraph as one word", () => {
    const long = Array.from({ length: 300 }, (_, i) => `word${i}`).join(" ");
    const parts = diffWords(long, long.replace("word150", "changed"));
    expect(parts.filter((p) => p.op !== "equal")).toEqual([
      { op: "delete", text: "word150" },
      { op: "insert", text: "changed" },
    ]);
  });

  it("does not run reset checks on an amendment inside the same period", () => {
    const amended = edited((s) => (s.kpis[0]!.target = 2_000_000));
    expect(diff(example, amended).changes.some((c) => c.section === "reset")).toBe(false);
  });
});

describe("compareVersions", () => {
  it.each([
    ["2026.10", "2026.9", 1],
    ["2027.1", "2026.2", 1],
    ["3", "3.0", 0],
    ["1.4.0", "1.10", -1],
  ])("%s vs %s", (a, b, sign) => expect(Math.sign(compareVersions(a, b))).toBe(sign));
});

describe("diffWords and diffTextList", () => {
  it("marks replaced words as one replacement", () => {
    expect(diffWords("the pump stops at night", "the valve fails at night")).toEqual([
      { op: "equal", text: "the " },
      { op: "delete", text: "pump stops" },
      { op: "insert", text: "valve fails" },
      { op: "equal", text: " at night" },
    ]);
  });

  it("splits Japanese without spaces into words", () => {
    const parts = diffWords("営業が電話する", "営業がメールする", "ja");
    expect(parts[0]).toEqual({ op: "equal", text: "営業が" });
    expect(parts.filter((p) => p.op !== "equal").map((p) => p.text)).toEqual(["電話", "メール"]);
  });

  it("pairs a removed and an added item as a rewording only when they are alike", () => {
    const before = ["Call within 4 hours.", "Send the datasheet.", "Log the call."];
    const after = ["Call within 2 hours.", "Book a site visit.", "Log the call."];
    expect(diffTextList(before, after, "en").map((p) => [p.op, p.text])).toEqual([
      ["change", "Call within 2 hours."],
      ["delete", "Send the datasheet."],
      ["insert", "Book a site visit."],
      ["equal", "Log the call."],
    ]);
  });
});
