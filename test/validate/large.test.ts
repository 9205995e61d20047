// Validation of documents far larger than any agreement: every finding is reported.
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { parseSla, type ParsedSla } from "../../src/load/parse.js";
import { structuralFindings, validateParsed } from "../../src/validate/index.js";
import { EXAMPLE } from "../helpers/cli.js";

/** The example's data with `count` unknown keys in `agreement`, and no positions to look up. */
function withUnknownKeys(count: number): ParsedSla {
  const data = parseSla(EXAMPLE, readFileSync(EXAMPLE, "utf8")).data as { agreement: Record<string, unknown> };
  for (let i = 0; i < count; i++) data.agreement[`x${i}`] = 1;
  return { file: "big.sla.yaml", text: "", document: parseDocument(""), lineCounter: new LineCounter(), data, findings: [] };
}

describe("a document with more findings than a call takes arguments", () => {
  // 200,000 findings: spread into push(), they overflowed the stack ("internal error").
  const parsed = withUnknownKeys(200_000);

  it("gives each of them from validateParsed", { timeout: 60_000 }, () => {
    const findings = validateParsed(parsed);
    expect(findings).toHaveLength(200_000);
    expect(findings.every((f) => f.ruleId === "schema/unknown-property")).toBe(true);
    expect(findings[199_999]).toMatchObject({ message: "unknown property `x199999` in agreement", path: ["agreement", "x199999"] });
  });

  it("gives each of them from structuralFindings", { timeout: 60_000 }, () => {
    expect(structuralFindings(parsed)).toHaveLength(200_000);
  });
});
