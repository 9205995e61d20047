// In Markdown output (the rendered agreement, `sla diff --format markdown`), the agreement's
// text is text: no raw HTML, no comment hiding what follows, no heading, list, quote or
// link made from a name, and no line that GitHub would run as a workflow command.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, sla, tempDir } from "../helpers/cli.js";

const example = readFileSync(EXAMPLE, "utf8");

/** The example with hostile text in a paragraph, a one-line name, list items and a table cell. */
const hostile = example
  .replace(
    /^ {2}purpose: >-\n(?: {4}.*\n)+/m,
    '  purpose: "Fair terms for both teams.\\n\\n<!-- the rest is hidden\\n<script>alert(1)</script>\\n# Injected heading\\n    indented code\\n> quoted\\n1. listed\\n::error::pwned\\n===\\nR&D &amp; more"\n',
  )
  .replace("    name: Operations Oya\n", '    name: "Operations Oya\\n# Heading from a name\\n- and a list"\n')
  .replace(
    "      - Keep line availability above 98%.\n",
    "      - '# not a heading'\n      - '1. not a list'\n      - '[a link](https://evil.example) and `code` and **bold**'\n      - '<img src=x onerror=alert(1)>'\n",
  )
  .replace("    role: Plant Operations Manager\n", "    role: 'Plant | Operations <b>Manager</b>'\n");

function renderHostile(): { dir: string; md: string } {
  const dir = tempDir();
  writeFileSync(join(dir, "hostile.yaml"), hostile);
  const result = sla(["render", "hostile.yaml", "-o", "hostile.md"], { cwd: dir });
  expect(result.stderr).toBe("Wrote hostile.md\n");
  expect(result.code).toBe(0);
  return { dir, md: readFileSync(join(dir, "hostile.md"), "utf8") };
}

describe("sla render to Markdown: the agreement's text is text", () => {
  it("writes no raw HTML and no comment but the fingerprint's", () => {
    const { md } = renderHostile();
    expect(md).not.toMatch(/<script|<img|<b>/i);
    expect(md.split("<!--").length).toBe(2);
    expect(md).toMatch(/^<!-- sla-fingerprint:sha256:[0-9a-f]{64} -->\n/);
    // The text still reads as written once rendered.
    expect(md).toContain("&lt;!-- the rest is hidden\\\n&lt;script&gt;alert(1)&lt;/script&gt;\\\n");
    expect(md).toContain("- &lt;img src=x onerror=alert(1)&gt;\n");
    expect(md).toContain("R&D &amp;amp; more");
  });

  it("starts no heading, list, quote, code block or link from the agreement's text", () => {
    const { md } = renderHostile();
    // The author's line breaks are kept as line breaks (a backslash at the end of the line).
    expect(md).toContain("\\# Injected heading\\\nindented code\\\n&gt; quoted\\\n1\\. listed\\\n\\::error::pwned\\\n\\===\\\n");
    // A line break inside a one-line field is a space.
    expect(md).toContain("### Operations Oya # Heading from a name - and a list\n");
    expect(md).not.toMatch(/^#+ Heading from a name/m);
    expect(md).not.toMatch(/^- and a list/m);
    expect(md).toContain("- \\# not a heading\n- 1\\. not a list\n- \\[a link\\](https://evil.example) and \\`code\\` and \\*\\*bold\\*\\*\n");
    expect(md).toContain("- **Role:** Plant \\| Operations &lt;b&gt;Manager&lt;/b&gt;\n");
    expect(md).not.toMatch(/^\s*::/m);
  });

  it("still verifies against the file it was rendered from", () => {
    const { dir } = renderHostile();
    expect(sla(["verify", "hostile.yaml", "hostile.md"], { cwd: dir }).code).toBe(0);
  });
});

describe("sla diff --format markdown: names and values are text", () => {
  it("escapes HTML and keeps a renamed entity on its line", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "old.yaml"), example);
    writeFileSync(
      join(dir, "new.yaml"),
      example.replace("    name: Operations Oya\n", '    name: "<script>alert(1)</script>\\n# Heading\\n::error::pwned <!--"\n'),
    );
    const result = sla(["diff", "old.yaml", "new.yaml", "--format", "markdown"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/<script|<!--/);
    expect(result.stdout).not.toMatch(/^#+ Heading/m);
    expect(result.stdout).not.toMatch(/^\s*::/m);
    expect(result.stdout).toContain("**&lt;script&gt;alert(1)&lt;/script&gt; # Heading ::error::pwned &lt;!--**");
  });
});
