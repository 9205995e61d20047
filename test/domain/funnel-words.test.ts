// Why the funnel math cannot be done, worded from the diff catalog's phrases in any language:
// the library's describeUncomputable and the diff's note say the same.
import { describe, expect, it } from "vitest";
import { describeUncomputable, type FunnelUncomputable } from "../../src/index.js";
import { uncomputableMessage } from "../../src/diff/funnel.js";

const closeRateZero: FunnelUncomputable = { computable: false, cause: "closeRate", reason: "zero", value: 0 };
const dealTiny: FunnelUncomputable = { computable: false, cause: "closeRate", reason: "out-of-range", value: 1e-320, figure: "proposals" };
const revenueHuge: FunnelUncomputable = { computable: false, cause: "revenue", reason: "out-of-range", value: 1e308, figure: "revenue" };

describe("describeUncomputable", () => {
  it("says it in English by default, as before", () => {
    expect(describeUncomputable(closeRateZero)).toBe("the close rate is 0%");
    expect(describeUncomputable({ computable: false, cause: "averageDealSize", reason: "zero", value: 0 })).toBe("the average deal size is 0");
    expect(describeUncomputable({ computable: false, cause: "revenue", reason: "negative", value: -1 })).toBe("the revenue target is negative");
    expect(describeUncomputable({ computable: false, cause: "mqlToSqlRate", reason: "above-100", value: 1.2 })).toBe("the MQL→SQL rate is above 100%");
    expect(describeUncomputable(dealTiny)).toBe("the close rate is so small that the proposals needed would be more than a number can hold");
    expect(describeUncomputable(revenueHuge)).toBe("the revenue target adds up to more than a number can hold");
  });

  it("says it in the locale's language", () => {
    expect(describeUncomputable(closeRateZero, "de")).toBe("die Abschlussquote ist 0\u00a0%");
    expect(describeUncomputable(dealTiny, "ja-JP")).not.toMatch(/[a-z]{4,}/);
    expect(describeUncomputable(revenueHuge, "tr")).not.toContain("revenue");
  });

  it("is the message the diff notes carry, with the metric and the figure as nested messages", () => {
    expect(uncomputableMessage(dealTiny)).toEqual({
      id: "diff/funnel.problem.out-of-range",
      args: { subject: { id: "diff/funnel.cause.close-rate" }, figure: { id: "diff/volume.proposals" } },
    });
    expect(uncomputableMessage(closeRateZero).id).toBe("diff/funnel.problem.zero-rate");
  });
});
