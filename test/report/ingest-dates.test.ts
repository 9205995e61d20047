import { describe, expect, it } from "vitest";
import { columnShapes } from "../../src/report/ingest/dates.js";

const monthFirst = { slash: false, other: true };
const dayFirst = { slash: true, other: true };

describe("columnShapes", () => {
  it.each([
    [["14.09.2026 09:30", "3.4.2026 9:05", "15.09.2026"], monthFirst, ["%d.%m.%Y %H:%M", "%d.%m.%Y"]],
    [["9/30/2026 3:05 PM", "10/1/2026 11:30 AM"], monthFirst, ["%m/%d/%Y %I:%M %p"]],
    [["9/30/2026 3:05 PM"], dayFirst, ["%d/%m/%Y %I:%M %p"]],
    [["2026/09/01", "2026/09/02 10:00:15.5"], monthFirst, ["%Y/%m/%d", "%Y/%m/%d %H:%M:%S.%f"]],
    [["2026-09-01T10:00", "2026-09-01T10:00:00+03:00", "", null, "kein Datum"], monthFirst, ["%Y-%m-%dT%H:%M"]],
    [["1/15/2026, 3:04PM"], monthFirst, ["%m/%d/%Y, %I:%M%p"]],
  ] as const)("%j read with %j: %j", (values, order, formats) => {
    expect(columnShapes([values]).map((shape) => shape.formats(order))).toEqual([formats]);
  });

  it("tells day first from a first part above 12, and marks columns whose order is open", () => {
    const [decided, open, dotted] = columnShapes([["03/04/2026", "13/04/2026"], ["03/04/2026"], ["03.04.2026"]]);
    expect([decided!.slashDayFirst, decided!.hasSlash]).toEqual([true, true]);
    expect([open!.slashDayFirst, open!.hasSlash]).toEqual([false, true]);
    expect([dotted!.slashDayFirst, dotted!.hasSlash]).toEqual([false, false]);
  });
});
