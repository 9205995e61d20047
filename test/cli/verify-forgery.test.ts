// `sla verify` reads the fingerprint only from where `sla render` puts it: an agreement
// whose own text carries another file's fingerprint must not pass as that file.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, sla, tempDir } from "../helpers/cli.js";

const example = readFileSync(EXAMPLE, "utf8");

/** Templates that show the agreement's name before the fingerprint's marker. */
const NAME_FIRST = {
  md: "# {{meta.name}}\n\n<!-- sla-fingerprint:{{meta.fingerprint}} -->\n",
  html: '<!DOCTYPE html>\n<html>\n<head>\n<title>{{meta.name}}</title>\n<meta name="sla-fingerprint" content="{{meta.fingerprint}}">\n</head>\n<body><h1>{{meta.name}}</h1></body>\n</html>\n',
};

describe("sla verify: a fingerprint written into the agreement's text", () => {
  const victim = sla(["fingerprint", EXAMPLE]).stdout.trim();

  it.each([
    ["pdf", false],
    ["html", false],
    ["md", false],
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
      writeFileSync(join(dir, "own", `document.${ext}.hbs`), NAME_FIRST[ext]);
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
