import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { BIN, EXAMPLE, FIXTURES, ROOT, sla, tempDir } from "../helpers/cli.js";
import { extractPdf, flat } from "../helpers/pdf.js";

const example = readFileSync(EXAMPLE, "utf8");
const exampleData = parse(example);

function render(args: string[], env?: Record<string, string>) {
  const dir = tempDir();
  const result = sla(["render", ...args], { cwd: dir, env });
  return { ...result, dir };
}

describe("sla render: the example in three formats", () => {
  it("Markdown: the agreement's sections, KPI table and signature blocks", () => {
    const { code, stdout, stderr } = sla(["render", "sla.example.yaml", "-o", "-"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^<!-- sla-fingerprint:sha256:[0-9a-f]{64} -->\n# Anatolia Pumps Marketing & Sales Service Level Agreement\n/);
    expect(stdout).toContain("| KPI | Owner | Target | Direction | Cadence | Indicator |");
    expect(stdout).toContain("| New-business revenue | Sales | €1,800,000 for the period | higher is better | monthly | lagging |");
    expect(stdout).toContain("| MQLs | MQL → SQL 40% | 1,000 | 167 | 176 |");
    expect(stdout).toContain("**For Marketing**\n\nElif Demir\\\nHead of Marketing\n\n| Place, date | Signature |\n| --- | --- |\n| | |\n");
    for (const section of [
      "Purpose and scope",
      "Ideal customer profiles",
      "Buyer personas",
      "Buyer's journey",
      "Lifecycle stages",
      "Lead types",
      "Lead statuses",
      "Deal stages",
      "Lead scoring",
      "Connect-attempt protocol",
      "KPI targets",
      "Funnel math",
      "Reporting and review",
      "Signatures",
    ])
      expect(stdout).toContain(`## ${section}\n`);
  });

  it("HTML: one self-contained file with print CSS for the paper size", () => {
    const a4 = render([EXAMPLE, "-o", "agreement.html"]);
    expect(a4.code).toBe(0);
    expect(a4.stderr).toBe("Wrote agreement.html\n");
    const html = readFileSync(join(a4.dir, "agreement.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain("@page { size: A4;");
    expect(html).toContain(".signature { break-inside: avoid; page-break-inside: avoid;");
    expect(html).not.toMatch(/<link|<script|src="http/);
    expect(html).toContain("<td>New-business revenue</td>");
    expect(html).toContain("Marketing &amp; Sales");
    const letter = sla(["render", "sla.example.yaml", "--format", "html", "--paper", "letter", "-o", "-"]).stdout;
    expect(letter).toContain("@page { size: Letter;");
  });

  it("PDF: page numbers, running footer, KPI table, signature blocks and metadata", async () => {
    const { code, dir } = render([EXAMPLE, "-o", "agreement.pdf"]);
    expect(code).toBe(0);
    const { pages, info } = await extractPdf(readFileSync(join(dir, "agreement.pdf")));
    expect(pages.length).toBeGreaterThanOrEqual(6);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain("Anatolia Pumps Marketing & Sales Service Level Agreement · Version 2026.2");
    });
    const all = flat(pages.join("\n"));
    expect(all).toContain("KPI targets");
    for (const kpi of exampleData.kpis) expect(all).toContain(kpi.name);
    const last = flat(pages.at(-1)!);
    expect(last).toContain("Signatures");
    for (const party of exampleData.agreement.parties)
      for (const person of party.signatories) {
        expect(last).toContain(person.name);
        expect(last).toContain(person.title);
      }
    expect(last).toContain(`For ${exampleData.agreement.parties[0].name}`);
    expect(info).toMatchObject({
      Title: exampleData.agreement.name,
      Author: "Marketing, Sales",
      Subject: "Service Level Agreement between Marketing and Sales",
      Creator: "sla",
    });
    const fingerprint = sla(["fingerprint", "sla.example.yaml"]).stdout.trim();
    expect(last).toContain(fingerprint);
  });
});

describe("sla render: languages", () => {
  /** Every persona, stage, lead-type and KPI name, and the signatories. */
  function names(data: ReturnType<typeof parse>): string[] {
    return [
      data.agreement.name,
      ...data.personas.map((p: { name: string }) => p.name),
      ...data.lifecycleStages.map((s: { name: string }) => s.name),
      ...data.kpis.map((k: { name: string }) => k.name),
      ...data.agreement.parties.flatMap((p: { signatories: { name: string }[] }) => p.signatories.map((s) => s.name)),
    ];
  }

  it.each([
    ["tr", ["Sözleşme", "Sayfa 1 / ", "İmzalar"], /[İıŞşĞğ]/],
    ["de", ["Vertrieb", "Seite 1 von ", "Unterschriften"], /[äöüß]/],
    ["ja", ["サービスレベル契約書", "ページ", "署名"], /[\u3040-\u30ff\u4e00-\u9fff]/],
  ])("%s: every character extracts as the right text", async (lang, labels, script) => {
    const { code, dir } = render([join(FIXTURES, `i18n/${lang}.sla.yaml`), "-o", "out.pdf"]);
    expect(code).toBe(0);
    const data = parse(readFileSync(join(FIXTURES, `i18n/${lang}.sla.yaml`), "utf8"));
    const { pages } = await extractPdf(readFileSync(join(dir, "out.pdf")));
    const text = flat(pages.join("\n"));
    // Text wraps inside table cells, so compare with spaces removed as well.
    const compact = text.replace(/ /g, "");
    expect(text).toMatch(script);
    for (const name of names(data)) expect(text.includes(name) || compact.includes(name.replace(/ /g, ""))).toBe(true);
    for (const label of labels) expect(text).toContain(label);
    // No character is lost: every letter of the source text appears in the PDF.
    const letters = new Set([...names(data).join("")].filter((c) => /\p{L}/u.test(c)));
    for (const letter of letters) expect(text).toContain(letter);
  });

  it.each([
    ["tr", "| Lead durumu | Yaşam döngüsü aşaması |", "| Satış fırsatı aşaması | Kazanma olasılığı |", "| Yer, Tarih | İmza |\n", "## İmzalar"],
    ["ja", "| リードステータス |", "| 取引ステージ |", "| 場所、日付 | 署名 | 印 |\n", "## 署名"],
  ])(
    "%s: heads the status and deal-stage tables with their own words, and signature blocks with place, date (and seal)",
    (lang, statusHeader, dealHeader, blanks, signatures) => {
      const md = sla(["render", join(FIXTURES, `i18n/${lang}.sla.yaml`), "-o", "-"]).stdout;
      expect(md).toContain(statusHeader);
      expect(md).toContain(dealHeader);
      // The person's name is still what a signature block asks for.
      const signaturesAt = md.indexOf(signatures);
      expect(signaturesAt).toBeGreaterThan(0);
      expect(md.slice(signaturesAt)).toContain(blanks);
    },
  );

  it("keeps a block scalar's lines in a Markdown table cell, without a stray break at its end", () => {
    const dir = tempDir();
    const text = readFileSync(EXAMPLE, "utf8").replace(
      "    description: First meeting or site visit is booked to understand the installation.\n",
      "    description: |\n      First meeting or site visit is booked.\n      We learn the installation | the site.\n",
    );
    writeFileSync(join(dir, "sla.yaml"), text);
    const md = sla(["render", "sla.yaml", "-o", "-"], { cwd: dir }).stdout;
    expect(md).toContain("| **Discovery meeting booked**<br>First meeting or site visit is booked.<br>We learn the installation \\| the site. | 10% | open |");
  });

  it("lists the reasons for returning a lead one per line, not joined into one sentence", () => {
    const md = sla(["render", "sla.example.yaml", "-o", "-"]).stdout;
    const row = md.split("\n").find((line) => line.startsWith("| **Returned to marketing"))!;
    expect(row).toMatch(/\| yes<br>• [^<|]+\.<br>• [^<|]+/);
    expect(row).not.toContain(".;");
  });

  it("PDF: a long agreement name is shortened in the footer, which stays on one line above the fingerprint", async () => {
    const dir = tempDir();
    const longName = "Anatolia Pumps Marketing & Sales Service Level Agreement for the Process Industry, Water Utilities and Maintenance Services";
    writeFileSync(join(dir, "long.yaml"), readFileSync(EXAMPLE, "utf8").replace(/^ {2}name: .*$/m, `  name: ${longName}`));
    expect(sla(["render", "long.yaml", "-o", "long.pdf"], { cwd: dir }).code).toBe(0);
    const { pages } = await extractPdf(readFileSync(join(dir, "long.pdf")));
    for (const page of pages) {
      const lines = page.split("\n");
      const footer = lines.findIndex((line) => line.includes("… · Version 2026.2"));
      expect(footer).toBeGreaterThanOrEqual(0);
      expect(longName.startsWith(lines[footer]!.split("…")[0]!)).toBe(true);
      expect(page).toContain("sha256:");
    }
  });

  it("formats numbers, money and dates for --locale", () => {
    // Intl puts a no-break space between amount and currency sign.
    const out = sla(["render", "sla.example.yaml", "--locale", "de-DE", "-o", "-"]).stdout.replace(/[\u00a0\u202f]/g, " ");
    expect(out).toContain("1. Juli 2026");
    expect(out).toContain("1.800.000 € für den Zeitraum");
    expect(out).toMatch(/## Lebenszyklus/);
    const tr = sla(["render", join(FIXTURES, "i18n/tr.sla.yaml"), "-o", "-"]).stdout;
    expect(tr).toMatch(/%\d+/);
    expect(tr).toContain("1 Temmuz 2026");
  });
});

describe("sla render: reproducible and safe", () => {
  it("renders byte-identical Markdown, HTML and PDF twice, and honours SOURCE_DATE_EPOCH", async () => {
    for (const ext of ["md", "html", "pdf"]) {
      const first = render([EXAMPLE, "-o", `a.${ext}`]);
      const second = render([EXAMPLE, "-o", `a.${ext}`]);
      expect(readFileSync(join(first.dir, `a.${ext}`)).equals(readFileSync(join(second.dir, `a.${ext}`)))).toBe(true);
    }
    const dated = render([EXAMPLE, "-o", "a.pdf"], { SOURCE_DATE_EPOCH: "1767225600" });
    expect((await extractPdf(readFileSync(join(dated.dir, "a.pdf")))).info.CreationDate).toBe("D:20260101000000Z");
    const bad = render([EXAMPLE, "-o", "a.pdf"], { SOURCE_DATE_EPOCH: "yesterday" });
    expect(bad).toMatchObject({ code: 2 });
    expect(existsSync(join(bad.dir, "a.pdf"))).toBe(false);
  });

  it("renders only a valid SLA: errors as sla validate shows them, nothing written", () => {
    const { code, stderr, dir } = render([join(FIXTURES, "invalid/three-errors.sla.yaml"), "-o", "out.pdf"]);
    expect(code).toBe(1);
    expect(stderr).toContain("error[refs/unknown-icp]");
    expect(stderr).toMatch(/sla: .*three-errors\.sla\.yaml is not valid; nothing was rendered\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("writes through a symbolic link and to a device, and reports a missing source plainly", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "real.md"), "old\n");
    symlinkSync("real.md", join(dir, "link.md"));
    expect(sla(["render", EXAMPLE, "-o", "link.md"], { cwd: dir }).code).toBe(0);
    expect(lstatSync(join(dir, "link.md")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.md"), "utf8")).toContain("# Anatolia Pumps");
    expect(sla(["render", EXAMPLE, "-f", "md", "-o", "/dev/null"])).toMatchObject({ code: 0, stderr: "Wrote /dev/null\n" });
    writeFileSync(join(dir, "existing.md"), "keep\n");
    expect(sla(["render", "missing.yaml", "-o", "existing.md"], { cwd: dir })).toMatchObject({ code: 2, stderr: "sla: missing.yaml: no such file\n" });
    expect(readFileSync(join(dir, "existing.md"), "utf8")).toBe("keep\n");
  });

  it("states amounts and rates as agreed, and warns about characters the PDF fonts lack", () => {
    const dir = tempDir();
    const text = example
      .replace(/(id: cost-per-lead[\s\S]*?target: )85/, "$112.49")
      .replace("target: 2%", "target: 2.25%")
      .replace("name: Elif Demir", "name: Elif Demir 🙂");
    writeFileSync(join(dir, "sla.yaml"), text);
    const md = sla(["render", "sla.yaml", "-o", "-"], { cwd: dir }).stdout;
    expect(md).toContain("| €12.49 |");
    expect(md).toContain("| 2.25% |");
    const pdf = sla(["render", "sla.yaml", "-o", "out.pdf"], { cwd: dir });
    expect(pdf.code).toBe(0);
    expect(pdf.stderr).toBe("sla: warning: the PDF fonts have no glyph for 1 character, drawn as empty boxes: 🙂\nWrote out.pdf\n");
  });

  // util-linux's script(1); the BSD one takes other options.
  const utilLinuxScript = spawnSync("script", ["--version"], { encoding: "utf8" }).stdout?.includes("util-linux") ?? false;
  it.skipIf(!utilLinuxScript)("refuses to write a PDF to a terminal", () => {
    // script(1) gives the command a terminal as standard output.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} render sla.example.yaml -f pdf`;
    const result = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain("sla: a PDF needs an output file (-o agreement.pdf), or standard output sent to a file or a pipe");
    expect(result.stdout).not.toContain("%PDF-");
  });

  it("shows the agreement's warnings before rendering it, and says when labels fall back to English", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "sla.yaml"), readFileSync(EXAMPLE, "utf8").replace("end: 2026-12-31", "end: 2027-03-31"));
    const result = sla(["render", "sla.yaml", "-o", "out.md"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning\[period\/length\]: the review period is 9 months long/);
    expect(result.stderr).toMatch(/\n⚠ 1 warning in 1 file\nWrote out\.md\n$/);
    expect(existsSync(join(dir, "out.md"))).toBe(true);

    const french = sla(["render", "sla.example.yaml", "--locale", "fr", "-o", "-"]);
    expect(french.code).toBe(0);
    expect(french.stderr).toBe("sla: warning: no built-in labels for `fr`; headings and labels are in English, numbers and dates in fr's formats\n");
    expect(french.stdout).toMatch(/1\s800\s000\s€/);
    expect(sla(["render", "sla.example.yaml", "--locale", "de-AT", "-o", "-"]).stderr).toBe("");
    // A team's own templates may not use the built-in labels: nothing to warn about.
    const own = tempDir();
    writeFileSync(join(own, "document.md.hbs"), "{{meta.name}}\n");
    expect(sla(["render", "sla.example.yaml", "--locale", "fr", "--template", own, "-o", "-"]).stderr).toBe("");
  });

  it("writes through a link whose target does not exist yet", () => {
    const dir = tempDir();
    symlinkSync("real.md", join(dir, "link.md"));
    expect(sla(["render", EXAMPLE, "-o", "link.md"], { cwd: dir }).code).toBe(0);
    expect(lstatSync(join(dir, "link.md")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.md"), "utf8")).toContain("# Anatolia Pumps");
  });

  it("says durations back in the unit and language they were written in", () => {
    const de = sla(["render", join(FIXTURES, "i18n/de.sla.yaml"), "-o", "-"]).stdout;
    expect(de).toContain("10 Werktage");
    expect(de).not.toContain("80 Geschäftsstunden");
    expect(sla(["render", join(FIXTURES, "i18n/ja.sla.yaml"), "-o", "-"]).stdout).toContain("10営業日");
  });

  it("lists the calendar's further days off with the language's list separator", () => {
    expect(sla(["render", join(FIXTURES, "i18n/ja.sla.yaml"), "-o", "-"]).stdout).toContain(
      "- **その他の休業日：** 2026年12月29日、2026年12月30日、2026年12月31日\n",
    );
    expect(sla(["render", join(FIXTURES, "i18n/de.sla.yaml"), "-o", "-"]).stdout).toMatch(/24\. Dezember 2026, 31\. Dezember 2026\n/);
  });

  it("refuses to write over its input or a PDF to standard output", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "sla.md"), example);
    const over = sla(["render", "sla.md", "-f", "md", "-o", "sla.md"], { cwd: dir });
    expect(over).toMatchObject({ code: 2, stderr: "sla: refusing to write the document over its input sla.md; choose another -o\n" });
    expect(readFileSync(join(dir, "sla.md"), "utf8")).toBe(example);
    // Through a pipe the PDF goes to standard output; only a terminal is refused (below).
    const piped = sla(["render", "sla.example.yaml", "-f", "pdf"]);
    expect(piped).toMatchObject({ code: 0, stderr: "" });
    expect(piped.stdout.startsWith("%PDF-")).toBe(true);
    expect(sla(["render", "sla.example.yaml", "-o", "out.docx"]).stderr).toContain("cannot tell the format from `out.docx`");
    expect(sla(["render", "sla.example.yaml", "--locale", "not a tag", "-o", "-"]).code).toBe(2);
  });
});

describe("sla render: custom templates", () => {
  function templateDir(files: Record<string, string>): string {
    const dir = tempDir();
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }

  it.each([
    ["a helper without its value", { "document.md.hbs": "# {{upper}}\n" }, "document.md.hbs: line 1, column 3: `upper` is written {{upper text}}"],
    ["join given an object", { "document.md.hbs": "# x\n{{join meta}}\n" }, "document.md.hbs: line 2, column 1: `join` takes a list, not object"],
    [
      "eq given one value, in a partial",
      { "document.md.hbs": "{{> p}}\n", "partials/p.hbs": "{{#if (eq 1)}}x{{/if}}" },
      "partials/p.hbs: line 1, column 7: `eq` is written {{eq a b}}",
    ],
  ])("a helper called wrongly fails at its place: %s", (_name, files, message) => {
    const dir = templateDir(files);
    const result = sla(["render", "sla.example.yaml", "--template", dir, "-o", join(dir, "out.md")]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toBe(`sla: template error: ${join(dir, message)}\n`);
    expect(existsSync(join(dir, "out.md"))).toBe(false);
  });

  it("upper-cases in the document's language", () => {
    const dir = templateDir({ "document.md.hbs": "{{upper meta.name}}\n" });
    const result = sla(["render", join(FIXTURES, "i18n/tr.sla.yaml"), "--template", dir, "-o", "-"]);
    const name = parse(readFileSync(join(FIXTURES, "i18n/tr.sla.yaml"), "utf8")).agreement.name as string;
    expect(result.stdout).toMatch(new RegExp(`^<!-- sla-fingerprint:sha256:[0-9a-f]{64} -->\n${name.toLocaleUpperCase("tr")}\n$`));
    // The name has a dotted "i", which is "İ" in Turkish capitals, not "I".
    expect(name).toMatch(/i/);
    expect(result.stdout).toContain("İ");
  });

  it("uses the team's template, partials and the built-in helpers", () => {
    const dir = templateDir({
      "document.md.hbs": "# {{meta.name}}\n{{#each kpis}}{{> kpi}}{{/each}}Channels: {{join connectAttempt.channels}}\n",
      "partials/kpi.hbs": "- {{upper name}}: {{target}}\n",
    });
    const result = sla(["render", "sla.example.yaml", "--template", dir, "-o", "-"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("- NEW-BUSINESS REVENUE: €1,800,000 for the period\n");
    // Channels are already text, joined for the locale: join leaves text as it is.
    expect(result.stdout).toContain("Channels: phone, e-mail, and LinkedIn\n");
  });

  it("a template naming a missing field fails clearly and leaves nothing behind", () => {
    const dir = templateDir({ "document.md.hbs": "# {{meta.name}}\n\n{{meta.nosuch}}\n" });
    const out = join(tempDir(), "out.md");
    writeFileSync(out, "previous version\n");
    const result = sla(["render", "sla.example.yaml", "--template", dir, "-o", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `sla: template error: ${join(dir, "document.md.hbs")}: line 3, column 3: \`nosuch\` is not a field of the document here (see the template data in the README)\n`,
    );
    expect(readFileSync(out, "utf8")).toBe("previous version\n");
    expect(readdirSync(join(out, "..")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it.each([
    [
      "a syntax error",
      { "document.md.hbs": "{{#each kpis}}\n" },
      /^sla: template error: .*document\.md\.hbs: Parse error on line 2: the template ends inside an unclosed block\n$/,
    ],
    ["prototype access", { "document.md.hbs": "{{meta.constructor.name}}" }, /^sla: template error: .*is not a field of the document here/],
    [
      "an HTML template, which is no longer read",
      { "document.html.hbs": "<p>{{meta.name}}</p>" },
      /^sla: template error: .*document\.html\.hbs: HTML templates are no longer read; document\.md\.hbs makes the Markdown, HTML and PDF \(move your changes there\)\n$/,
    ],
  ])("%s: exit 2 with a clear error", (_name, files, stderr) => {
    const result = sla(["render", "sla.example.yaml", "--template", templateDir(files), "-f", "html", "-o", "-"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(stderr);
  });

  it("a directory of partials only uses them in the built-in main template", () => {
    const dir = templateDir({ "partials/list.hbs": "{{#each items}}\n1. {{this}}\n{{/each}}" });
    const result = sla(["render", "sla.example.yaml", "--template", dir, "-o", "-"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("\n1. New centrifugal, dosing and booster pumps sold directly in the EU and Türkiye.\n");
  });

  it("a missing template directory is a usage error", () => {
    expect(sla(["render", "sla.example.yaml", "--template", "no-such-dir", "-o", "-"]).stderr).toBe(
      "sla: template error: no-such-dir: template directory not found\n",
    );
  });
});

describe("sla fingerprint and sla verify", () => {
  it("matches a rendered document to the file it came from, whatever its formatting", () => {
    const { dir } = render([EXAMPLE, "-o", "signed.pdf"]);
    const pdf = join(dir, "signed.pdf");
    const ok = sla(["verify", "sla.example.yaml", pdf]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^✔ .*signed\.pdf was rendered from sla\.example\.yaml \(sha256:[0-9a-f]{64}\)\n$/);

    // Comments, blank lines and key order do not change the content.
    const reformatted = join(dir, "reformatted.yaml");
    writeFileSync(
      reformatted,
      `# a comment\n\n${example.replace("apiVersion: sla/v1\nkind: ServiceLevelAgreement", "kind: ServiceLevelAgreement\napiVersion: sla/v1")}`,
    );
    expect(sla(["fingerprint", reformatted]).stdout).toBe(sla(["fingerprint", "sla.example.yaml"]).stdout);
    expect(sla(["verify", reformatted, pdf]).code).toBe(0);

    const changed = sla(["verify", join(FIXTURES, "diff/proposal.sla.yaml"), pdf]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(
      /was not rendered from .*proposal\.sla\.yaml as it is now\n {2}document: sha256:[0-9a-f]{64}\n {2}file: {5}sha256:[0-9a-f]{64}\n$/,
    );
  });

  it("finds the fingerprint in Markdown and HTML too, and says when there is none", () => {
    for (const ext of ["md", "html"]) {
      const { dir } = render([EXAMPLE, "-o", `a.${ext}`]);
      expect(sla(["verify", "sla.example.yaml", join(dir, `a.${ext}`)]).code).toBe(0);
    }
    const none = sla(["verify", "sla.example.yaml", "README.md"]);
    expect(none).toMatchObject({ code: 2, stderr: "sla: README.md: no sla fingerprint found; was it rendered by `sla render`?\n" });
  });
});

describe("sla render: money in a document to sign", () => {
  // `YEN` is a warning while the agreement is being written; a signed document would show every
  // amount in a currency that does not exist, so render stops as it does on an error.
  const withCurrency = (dir: string, currency: string) =>
    writeFileSync(join(dir, "sla.yaml"), example.replace(/^ {2}currency: .*$/m, `  currency: ${currency}`));

  it("refuses an unknown currency, naming the finding and the way out", () => {
    const dir = tempDir();
    withCurrency(dir, "YEN");
    expect(sla(["validate", "sla.yaml"], { cwd: dir }).code).toBe(0);
    const result = sla(["render", "sla.yaml", "-o", "out.md"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^warning\[agreement\/currency\]: `YEN` is not an ISO 4217 currency code/);
    expect(result.stderr).toContain("did you mean `JPY`?");
    expect(result.stderr).toMatch(
      /\nsla: sla\.yaml is not rendered: its amounts would be signed without a known currency \(agreement\/currency\); fix the currency, or switch the rule off in \.slarc\.yaml\n$/,
    );
    expect(existsSync(join(dir, "out.md"))).toBe(false);

    // Amounts with no currency at all would be as unclear to a signer.
    writeFileSync(join(dir, "sla.yaml"), example.replace(/^ {2}currency: .*\n/m, ""));
    const none = sla(["render", "sla.yaml", "-o", "out.md"], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^warning\[agreement\/currency\]: KPI `[^`]+` is an amount of money but the agreement names no currency/);
    expect(existsSync(join(dir, "out.md"))).toBe(false);
  });

  it("says so in the terminal's language", () => {
    const dir = tempDir();
    withCurrency(dir, "YEN");
    const result = sla(["render", "sla.yaml", "-o", "out.md"], { cwd: dir, env: { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: "ja_JP.UTF-8" } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\nsla: sla\.yaml [^\n]*agreement\/currency[^\n]*\.slarc\.yaml[^\n]*\n$/);
    expect(result.stderr).not.toContain("is not rendered");
  });

  it("renders it when the team switched the rule off, and a known currency as ever", () => {
    const dir = tempDir();
    withCurrency(dir, "YEN");
    writeFileSync(join(dir, ".slarc.yaml"), "rules:\n  agreement/currency: off\n");
    const off = sla(["render", "sla.yaml", "-o", "-"], { cwd: dir });
    expect(off.code).toBe(0);
    expect(off.stdout).toMatch(/YEN\s1,800,000/);
    withCurrency(dir, "JPY");
    writeFileSync(join(dir, ".slarc.yaml"), "rules: {}\n");
    expect(sla(["render", "sla.yaml", "-o", "-"], { cwd: dir })).toMatchObject({ code: 0, stderr: "" });
  });
});
