// `sla render --changes-since <rev|file>`: the changes being signed, in the document's
// language and in every format, before the signatures.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, FIXTURES, sla, tempDir } from "../helpers/cli.js";
import { extractPdf, flat } from "../helpers/pdf.js";

const ja = readFileSync(join(FIXTURES, "i18n/ja.sla.yaml"), "utf8");
/** The Japanese agreement as it was: an earlier version with a lower revenue target. */
const jaBefore = ja.replace('  version: "2026.2"', '  version: "2026.1"').replace("    target: 720000000", "    target: 600000000");

describe("sla render --changes-since", () => {
  it("appends the changes since another file, in the document's language, to the Markdown, HTML and PDF", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "sla.yaml"), ja);
    writeFileSync(join(dir, "before.yaml"), jaBefore);
    const outputs: string[] = [];
    for (const ext of ["md", "html", "pdf"]) {
      const result = sla(["render", "sla.yaml", "--changes-since", "before.yaml", "-o", `out.${ext}`], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      const bytes = readFileSync(join(dir, `out.${ext}`));
      outputs.push(ext === "pdf" ? flat((await extractPdf(bytes)).pages.join("\n")) : bytes.toString("utf8"));
    }
    const [md, html, pdf] = outputs as [string, string, string];
    expect(md).toContain("## バージョン2026.1からの変更点\n");
    expect(md).toContain("| 新規売上高 (`売上`) | 600,000,000 JPY | 720,000,000 JPY | +120,000,000 JPY, +20% | 厳格化 |");
    // Before the signatures, which sign the changes too; and listed in the table of contents.
    expect(md.indexOf("## バージョン2026.1からの変更点")).toBeLessThan(md.indexOf("## 署名"));
    expect(md).toContain("- [バージョン2026.1からの変更点](#");
    expect(html).toContain('<h2 id="changes">バージョン2026.1からの変更点</h2>');
    expect(html).toContain("<td>600,000,000 JPY</td>".replace("<td>", '<td class="num">'));
    expect(pdf).toContain("バージョン2026.1からの変更点");
    expect(pdf).toContain("600,000,000 JPY");
  });

  it("takes a Git revision of the file, and refuses one for standard input", () => {
    const dir = tempDir();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
    git("init", "-q");
    git("config", "user.email", "test@example.com");
    git("config", "user.name", "Test");
    const example = readFileSync(EXAMPLE, "utf8");
    writeFileSync(join(dir, "sla.yaml"), example.replace('  version: "2026.2"', '  version: "2026.1"').replace("    target: 85\n", "    target: 95\n"));
    git("add", "sla.yaml");
    git("commit", "-qm", "H1");
    writeFileSync(join(dir, "sla.yaml"), example);
    const result = sla(["render", "sla.yaml", "--changes-since", "HEAD", "-o", "-"], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("## Changes since version 2026.1\n");
    expect(result.stdout).toMatch(/\| Cost per lead \(`cost-per-lead`\) \| 95 EUR \| 85 EUR \| −10 EUR, −10.5% \| tightened \|/);

    const stdin = sla(["render", "-", "--changes-since", "HEAD", "-o", "-"], { cwd: dir, input: example });
    expect(stdin).toMatchObject({ code: 2, stdout: "" });
    expect(stdin.stderr).toBe("sla: --changes-since HEAD needs the agreement as a file, not standard input: Git reads the file as it was at that revision\n");
  });
});
