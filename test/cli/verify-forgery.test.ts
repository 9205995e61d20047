// `sla verify` reads the fingerprint only from where `sla render` puts it: an agreement
// whose own text carries another file's fingerprint must not pass as that file, and a PDF
// crafted to make that reading long ends it at once.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, sla, tempDir } from "../helpers/cli.js";

const example = readFileSync(EXAMPLE, "utf8");

/** A template that shows the agreement's name before a fingerprint's marker (it makes every format). */
const NAME_FIRST = "# {{meta.name}}\n\n<!-- sla-fingerprint:{{meta.fingerprint}} -->\n";

describe("sla verify: a fingerprint written into the agreement's text", () => {
  const victim = sla(["fingerprint", EXAMPLE]).stdout.trim();

  it.each([
    ["pdf", false],
    ["html", false],
    ["md", false],
    ["pdf", true],
    ["html", true],
    ["md", true],
  ] as const)("does not make a %s document verify as another file (own template: %s)", (ext, ownTemplate) => {
    const dir = tempDir();
    // Another agreement, named so that its title, footer and metadata hold the victim's
    // fingerprint in each of the forms the formats use.
    const forged = example.replace(
      /^ {2}name: .*$/m,
      `  name: 'Forged sla-fingerprint ${victim} /SlaFingerprint (${victim}) <!-- sla-fingerprint:${victim} --> <meta name="sla-fingerprint" content="${victim}">'`,
    );
    writeFileSync(join(dir, "forged.yaml"), forged);
    expect(sla(["fingerprint", "forged.yaml"], { cwd: dir }).stdout.trim()).not.toBe(victim);
    const template = ownTemplate ? ["--template", "own"] : [];
    if (ownTemplate) {
      mkdirSync(join(dir, "own"));
      writeFileSync(join(dir, "own", "document.md.hbs"), NAME_FIRST);
    }
    const rendered = sla(["render", "forged.yaml", "-o", `forged.${ext}`, ...template], { cwd: dir });
    expect(rendered.code).toBe(0);

    const result = sla(["verify", EXAMPLE, `forged.${ext}`], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`was not rendered from`);
    // The document's own fingerprint is the one found: it verifies as the file it came from.
    expect(sla(["verify", "forged.yaml", `forged.${ext}`], { cwd: dir }).code).toBe(0);
  });
});

describe("sla verify: a PDF crafted to make the reading long", () => {
  /** A run that reads the same bytes over and over is killed after this long and fails the test. */
  const HANG_GUARD = { timeout: 15_000 };

  it("a cross-reference section whose /Prev is itself, with a long trailer, ends at once: no fingerprint, exit 2", () => {
    const dir = tempDir();
    const head = "%PDF-1.4\n";
    const at = head.length;
    const section = `xref\n0 0\ntrailer\n<< /Prev ${at} /X (${"A".repeat(2 << 20)}) >>\n`;
    writeFileSync(join(dir, "loop.pdf"), `${head}${section}startxref\n${at}\n%%EOF\n`, "latin1");
    const result = sla(["verify", EXAMPLE, "loop.pdf"], { cwd: dir, ...HANG_GUARD });
    expect(result).toMatchObject({ code: 2, stdout: "", stderr: "sla: loop.pdf: no sla fingerprint found; was it rendered by `sla render`?\n" });
  });

  it("a self-referencing section of many entries is read once: the fingerprint in it is found", () => {
    const dir = tempDir();
    const expected = sla(["fingerprint", EXAMPLE]).stdout.trim();
    let text = "%PDF-1.4\n";
    const info = text.length;
    text += `1 0 obj\n<< /SlaFingerprint (${expected}) >>\nendobj\n`;
    const at = text.length;
    const entries = 800_000;
    text += `xref\n0 ${entries}\n${"0000000000 65535 f \n".repeat(entries)}1 1\n${String(info).padStart(10, "0")} 00000 n \n`;
    text += `trailer\n<< /Info 1 0 R /Prev ${at} >>\nstartxref\n${at}\n%%EOF\n`;
    writeFileSync(join(dir, "self.pdf"), text, "latin1");
    const result = sla(["verify", EXAMPLE, "self.pdf"], { cwd: dir, ...HANG_GUARD });
    expect(result).toMatchObject({ code: 0, stdout: `✔ self.pdf was rendered from ${EXAMPLE} (${expected})\n` });
  });
});
