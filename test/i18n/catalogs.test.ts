import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "../../src/i18n/catalog.js";
import { argumentNames, formatTemplate } from "../../src/i18n/format.js";
import { LANGUAGES } from "../../src/i18n/languages.js";
import { ROOT } from "../helpers/cli.js";

/** Argument names a template uses: `{name}`, `{name, percent}`, `{name, plural, ...}`, in branches too. */
const argumentsOf = (template: string): string[] => [...argumentNames(template)].sort();

/** Every `message("id"` written in the sources. */
function idsInSources(): Set<string> {
  const ids = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) for (const m of readFileSync(path, "utf8").matchAll(/\bmessage\(\s*"([^"]+)"/g)) ids.add(m[1]!);
    }
  };
  walk(join(ROOT, "src"));
  return ids;
}

describe("the message catalogs", () => {
  const english = catalog("en");

  it("are one folder per language, each with labels and messages", () => {
    expect(readdirSync(join(ROOT, "locales")).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.filter((l) => l !== "en"))("%s has exactly the English message ids, with the same arguments", (language) => {
    const own = catalog(language);
    expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [id, template] of english) expect({ id, args: argumentsOf(own.get(id)!) }).toEqual({ id, args: argumentsOf(template) });
  });

  it.each(LANGUAGES)("%s: no id is defined in two files", (language) => {
    const dir = join(ROOT, "locales", language, "messages");
    const seen = new Map<string, string>();
    for (const file of readdirSync(dir)) {
      for (const id of Object.keys(JSON.parse(readFileSync(join(dir, file), "utf8")) as object)) {
        expect(seen.get(id), `${id} in ${file}`).toBeUndefined();
        seen.set(id, file);
      }
    }
  });

  it.each(LANGUAGES)("%s: every template is well-formed", (language) => {
    for (const [id, template] of catalog(language)) expect(() => formatTemplate(template, {}, language), id).not.toThrow();
  });

  it("has every message id the sources use", () => {
    const missing = [...idsInSources()].filter((id) => !english.has(id));
    expect(missing).toEqual([]);
  });
});
