import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, sla, tempDir } from "../helpers/cli.js";

/** The example with some of its text replaced, in a file of its own. */
function exampleWith(replacements: [string, string][]): string {
  let text = readFileSync(EXAMPLE, "utf8");
  for (const [from, to] of replacements) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  const file = join(tempDir(), "sla.yaml");
  writeFileSync(file, text);
  return file;
}

describe("durations and percentages in each language's own words, in any case", () => {
  it.each([
    ["tr_TR.UTF-8", "4 İş Saati", "10 İŞGÜNÜ", "%98"],
    ["de_DE.UTF-8", "4 Geschäftsstunden", "10 WERKTAGE", "98 %"],
    ["ja_JP.UTF-8", "４営業時間", "10稼働日", "９８％"],
    ["en_US.UTF-8", "4 Business Hours", "10 Working Days", "98%"],
  ])("LANG=%s: %s, %s, %s", (lang, hours, days, percent) => {
    const file = exampleWith([
      ["  timeToFirstAttempt: 4 business hours", `  timeToFirstAttempt: ${hours}`],
      ["  window: 10 business days", `  window: ${days}`],
      ['    probability: "75%"', `    probability: "${percent}"`],
    ]);
    const result = sla(["validate", "-f", "json", file], { env: { LANG: lang } });
    expect(JSON.parse(result.stdout).files[0].findings).toEqual([]);
    expect(result.code).toBe(0);
  });

  it("a duration the schema rejects is not read by the rules either (one finding, from the schema)", () => {
    const result = sla(["validate", "-f", "json", exampleWith([["  window: 10 business days", "  window: 10 business weeks"]])]);
    const findings = JSON.parse(result.stdout).files[0].findings as { ruleId: string; path: (string | number)[] }[];
    expect(findings.map((f) => [f.ruleId, f.path])).toEqual([["schema/format", ["connectAttempt", "window"]]]);
  });
});

it("a review period ending a day early counts as six months: 10 customers a month make the 60 needed", () => {
  const file = exampleWith([["    end: 2026-12-31", "    end: 2026-12-30"]]);
  const text = readFileSync(file, "utf8");
  const customers = text.indexOf("    target: 11\n", text.indexOf("  - id: new-customers\n"));
  writeFileSync(file, text.slice(0, customers) + "    target: 10\n" + text.slice(customers + "    target: 11\n".length));
  const result = sla(["validate", "-f", "json", file]);
  expect(JSON.parse(result.stdout).files[0].findings).toEqual([]);
  expect(result.code).toBe(0);
});
