// Files far larger than any agreement, generated in the shapes that made validation quadratic:
// each gives every finding, at the right place, within a generous hang guard (the time itself
// is measured by `npm run bench:scaling`, not here).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, EXAMPLE, tempDir } from "../helpers/cli.js";

/** Long enough for any machine; before the fix, the file of 100,000 keys took 106 s. */
const HANG_GUARD_MS = 60_000;
/** The test's own limit: the run, then reading its report. */
const TEST_TIMEOUT_MS = HANG_GUARD_MS + 30_000;

interface JsonFinding {
  ruleId: string;
  message: string;
  messageId?: string;
  args?: Record<string, unknown>;
  hint?: string;
  hintId?: string;
  hintArgs?: Record<string, unknown>;
  path: (string | number)[];
  line?: number;
}

/** `sla validate -f json` of `text`, written to a file: its exit code and findings. */
function validateJson(text: string): { code: number | null; findings: JsonFinding[]; stderr: string } {
  const file = join(tempDir(), "large.sla.yaml");
  writeFileSync(file, text);
  const result = spawnSync(process.execPath, [BIN, "validate", "-f", "json", file], { encoding: "utf8", timeout: HANG_GUARD_MS, maxBuffer: 1 << 30 });
  expect(result.error).toBeUndefined();
  const findings = result.stdout ? (JSON.parse(result.stdout) as { files: { findings: JsonFinding[] }[] }).files[0]!.findings : [];
  return { code: result.status, findings, stderr: result.stderr };
}

const example = readFileSync(EXAMPLE, "utf8");

/** The example with `lines` right after the line `after`, and the 1-based number of the first. */
function insertAfter(after: string, lines: string[]): { text: string; firstLine: number } {
  const at = example.indexOf(`\n${after}\n`) + after.length + 2;
  return { text: example.slice(0, at) + lines.join("\n") + "\n" + example.slice(at), firstLine: example.slice(0, at).split("\n").length };
}

describe("sla validate on a very large file", () => {
  it(
    "reports each of 100,000 unknown keys in one mapping, at its line",
    () => {
      const count = 100_000;
      const { text, firstLine } = insertAfter(
        "agreement:",
        Array.from({ length: count }, (_, i) => `  x${i}: 1`),
      );
      const { code, findings, stderr } = validateJson(text);
      expect(stderr).toBe("");
      expect(code).toBe(1);
      expect(findings).toHaveLength(count);
      findings.forEach((finding, i) => {
        expect(finding.ruleId).toBe("schema/unknown-property");
        expect(finding.path).toEqual(["agreement", `x${i}`]);
        expect(finding.line).toBe(firstLine + i);
      });
      expect(findings[0]).toMatchObject({
        messageId: "schema/unknown-property",
        args: { property: "x0", place: "agreement" },
        hintId: "schema/unknown-property.allowed",
        hintArgs: { allowed: "name, version, language, currency, effectiveDate, reviewPeriod, purpose, scope, goals, parties" },
      });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "reports each of 20,000 repeated keys, at the repeat",
    () => {
      const count = 20_000;
      const { text, firstLine } = insertAfter(
        "agreement:",
        Array.from({ length: count * 2 }, (_, i) => `  x${i >> 1}: 1`),
      );
      const { code, findings } = validateJson(text);
      expect(code).toBe(1);
      expect(findings.map((f) => [f.ruleId, f.messageId, f.args, f.line])).toEqual(
        Array.from({ length: count }, (_, i) => ["yaml/duplicate-key", "yaml/duplicate-key", { key: `x${i}` }, firstLine + 2 * i + 1]),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "reports 20,000 keys each indented under the one before as one YAML error, not an internal error",
    () => {
      const { text } = insertAfter(
        "agreement:",
        Array.from({ length: 20_000 }, (_, i) => `  k${i}: 1\n    j${i}: 2`),
      );
      const { code, findings, stderr } = validateJson(text);
      expect(stderr).toBe("");
      expect(code).toBe(1);
      expect(findings).toMatchObject([
        {
          ruleId: "yaml/syntax",
          line: 1,
          messageId: "yaml/too-deep",
          hintId: "yaml/too-deep.hint",
          message: expect.stringContaining("nests too deeply for the YAML reader"),
        },
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "reports each of 2,000 personas referring to ICPs not among 2,000 defined: a suggestion for the first 100 names, a short list after",
    () => {
      const count = 2_000;
      const icps = Array.from({ length: count }, (_, i) => [`  - id: icp-${i}`, `    name: ICP number ${i}`]).flat();
      // Every other name is one letter off a defined ICP; the rest are close to none.
      const wrong = (i: number) => (i % 2 === 0 ? `icp-${i}x` : `unknown-segment-${i}`);
      const personas = Array.from({ length: count }, (_, i) => [`  - id: p-${i}`, `    name: Persona ${i}`, `    icp: ${wrong(i)}`, `    role: Buyer`]).flat();
      const text = insertAfter("personas:", personas).text.replace("\nicps:\n", `\nicps:\n${icps.join("\n")}\n`);
      const { code, findings } = validateJson(text);
      expect(code).toBe(1);
      const unknown = findings.filter((f) => f.ruleId === "refs/unknown-icp");
      expect(unknown).toHaveLength(count);
      // The generated ICPs come first in the list, before the example's two.
      const listed = `defined icps: ${Array.from({ length: 19 }, (_, i) => `icp-${i}`).join(", ")}, and icp-19 (and ${(count + 2 - 20).toLocaleString("en")} more)`;
      unknown.forEach((finding, i) => {
        expect(finding.message).toBe(`persona \`p-${i}\` refers to ICP \`${wrong(i)}\`, which is not defined`);
        expect(finding.hint).toBe(i < 100 && i % 2 === 0 ? `did you mean \`icp-${i}\`?` : listed);
      });
    },
    TEST_TIMEOUT_MS,
  );
});
