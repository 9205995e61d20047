// The one entry from text to a checked agreement, which every command and the library use.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkAgreement } from "../src/index.js";
import { EXAMPLE } from "./helpers/cli.js";

const TEXT = readFileSync(EXAMPLE, "utf8");
/** The example with two personas of one name: a warning of a rule, structurally fine. */
const SAME_NAME = TEXT.replace("name: Procurement Petra", "name: Operations Oya");
/** The example with a property the schema does not know: a structural error. */
const UNKNOWN_PROPERTY = TEXT.replace("kind: ServiceLevelAgreement", "kind: ServiceLevelAgreement\nkindd: x");

describe("checkAgreement", () => {
  it("gives the agreement of a valid file, with no findings, at either level", () => {
    for (const level of ["structure", "rules"] as const) {
      const checked = checkAgreement("sla.yaml", TEXT, { level });
      expect(checked.findings).toEqual([]);
      expect(checked.sla?.kind).toBe("ServiceLevelAgreement");
      expect(checked.parsed.text).toBe(TEXT);
    }
  });

  it("runs the rules only at level `rules` (the default), where a warning still gives the agreement", () => {
    expect(checkAgreement("sla.yaml", SAME_NAME, { level: "structure" }).findings).toEqual([]);
    const checked = checkAgreement("sla.yaml", SAME_NAME);
    expect(checked.findings).toEqual([
      expect.objectContaining({ ruleId: "names/duplicate", severity: "warning", file: "sla.yaml", start: expect.objectContaining({ line: 147 }) }),
    ]);
    expect(checked.sla).toBeDefined();
  });

  it("honours the configuration's settings", () => {
    expect(checkAgreement("sla.yaml", SAME_NAME, { config: { rules: { "names/duplicate": "off" } } }).findings).toEqual([]);
    const raised = checkAgreement("sla.yaml", SAME_NAME, { config: { rules: { "names/duplicate": "error" } } });
    expect(raised.findings.map((f) => f.severity)).toEqual(["error"]);
    expect(raised.sla).toBeUndefined();
  });

  it("gives no agreement for a structural error, placed at its line and column", () => {
    for (const level of ["structure", "rules"] as const) {
      const checked = checkAgreement("sla.yaml", UNKNOWN_PROPERTY, { level });
      expect(checked.sla).toBeUndefined();
      expect(checked.findings[0]).toMatchObject({ ruleId: "schema/unknown-property", severity: "error", start: { line: 15, column: 1 } });
    }
  });

  it("gives no agreement for broken YAML", () => {
    const checked = checkAgreement("sla.yaml", "a: [", { level: "structure" });
    expect(checked.sla).toBeUndefined();
    expect(checked.findings[0]?.ruleId).toMatch(/^yaml\//);
  });

  it("words the findings in the locale asked for, with the same ids", () => {
    const english = checkAgreement("sla.yaml", SAME_NAME).findings[0]!;
    const german = checkAgreement("sla.yaml", SAME_NAME, { locale: "de" }).findings[0]!;
    expect(german.messageId).toBe(english.messageId);
    expect(german.message).toMatch(/Operations Oya/);
    expect(english.message).not.toBe(german.message);
  });
});
