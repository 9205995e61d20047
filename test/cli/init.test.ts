// `sla init` in each language: the starter is a faithful translation of the shipped example
// (same ids and shape, every free text and comment in the language), valid as written, and the
// written file's comments name the file the user got.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT, sla, STARTERS, tempDir } from "../helpers/cli.js";

const LANGUAGES = ["en", "de", "tr", "ja"] as const;

/** Values that are ids, enums or data rather than prose: the same in every language. */
const NOT_PROSE = new Set([
  "id",
  "owner",
  "icp",
  "journeyStage",
  "stage",
  "category",
  "funnel",
  "metric",
  "measure",
  "unit",
  "direction",
  "cadence",
  "per",
  "indicator",
  "outcome",
  "channel",
  "connectAttempt.channels",
  "status",
  "apiVersion",
  "kind",
  "version",
  "email",
  "effectiveDate",
  "start",
  "end",
  "returnsToMarketing",
  "points",
  "mqlThreshold",
  "sqlThreshold",
  "attempts",
  "employees",
]);
const notProse = (path: string[]): boolean => NOT_PROSE.has(path.at(-1) ?? "") || NOT_PROSE.has(path.slice(-2).join("."));

/** The agreement with its prose, money and wording of numbers left out: what a translation keeps. */
function skeleton(value: unknown, path: string[] = []): unknown {
  // The business calendar is the language's own (Istanbul's zone and Türkiye's holidays in
  // Turkish): only that there is one is kept.
  if (path.length === 1 && path[0] === "calendar") return typeof value;
  if (Array.isArray(value)) return value.map((item) => skeleton(item, path));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, skeleton(v, [...path, k])]));
  return notProse(path) ? value : typeof value;
}

function prose(value: unknown, path: string[] = [], into = new Set<string>()): Set<string> {
  if (path[0] === "calendar") return into;
  if (Array.isArray(value)) for (const item of value) prose(item, path, into);
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) prose(v, [...path, k], into);
  else if (typeof value === "string" && !notProse(path)) into.add(value);
  return into;
}

const starter = (language: keyof typeof STARTERS): string => readFileSync(join(ROOT, STARTERS[language]), "utf8");
// The English starter is the shipped example, whose `reporting.sources` maps the sample exports
// beside it (examples/exports/); the other starters leave the mapping to the team.
const withoutSources = (text: string): string => text.replace(/\n {2}# Where `sla report` finds[\s\S]*?(?=\ncalendar:)/, "");
const example = parse(withoutSources(starter("en"))) as Record<string, unknown>;

/** Runs `sla init` with the arguments in a new directory; the directory and the written text. */
function init(args: string[], env: Record<string, string | undefined> = {}): { dir: string; text: string; code: number | null; stdout: string } {
  const dir = tempDir();
  const result = sla(["init", ...args], { cwd: dir, env });
  const file = args.find((arg) => !arg.startsWith("-") && !LANGUAGES.includes(arg as never)) ?? "sla.yaml";
  let text = "";
  try {
    text = readFileSync(join(dir, file), "utf8");
  } catch {
    // Nothing written: the test looks at the exit code.
  }
  return { dir, text, code: result.code, stdout: result.stdout };
}

describe("sla init --language", () => {
  it.each(LANGUAGES)("%s: the starter is written, valid with no warning, and names the written file", (language) => {
    const { dir, text, code, stdout } = init(["--language", language]);
    expect(code).toBe(0);
    expect(stdout).toBe("Created sla.yaml and sla.schema.json. Edit it, then run: sla validate sla.yaml\n");
    expect((parse(text) as { agreement: { language: string } }).agreement.language).toBe(language);
    // The text is the shipped starter but for the editor's schema line and the command in the header.
    const differing = text.split("\n").filter((line, i) => line !== starter(language).split("\n")[i]);
    expect(differing).toEqual(["# yaml-language-server: $schema=./sla.schema.json", expect.stringContaining("`sla validate sla.yaml`")]);
    expect(text).not.toMatch(/starter\.sla\.yaml|sla\.example\.yaml/);

    const json = sla(["validate", "-f", "json", "sla.yaml"], { cwd: dir });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).files[0].findings).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l !== "en"))("%s: same ids and shape as the example, every text and comment translated", (language) => {
    const own = parse(starter(language)) as Record<string, unknown>;
    expect(skeleton(own)).toEqual(skeleton(example));
    // Proper names, and words the language shares with English, may stay as they are.
    const shared = [...prose(own)].filter((text) => prose(example).has(text) && !/^\d+%$/.test(text));
    expect(shared.filter((text) => !["Elif Demir", "Burak Yılmaz", "Katrin Weber", "LinkedIn", "Marketing", "Lead", "Türkiye", "EUR"].includes(text))).toEqual(
      [],
    );
    const comments = (text: string): string[] => text.split("\n").filter((line) => /^\s*#\s*\S/.test(line) && !line.includes("yaml-language-server"));
    const englishComments = new Set(comments(withoutSources(starter("en"))).map((line) => line.trim()));
    expect(comments(starter(language)).filter((line) => englishComments.has(line.trim()))).toEqual([]);
    expect(comments(starter(language)).length).toBe(comments(withoutSources(starter("en"))).length);
  });

  it.each([
    [
      "de",
      "EUR",
      ["2 Werktage", "4 Geschäftsstunden", "1 Werktag"],
      ["Lebenszyklusphasen", "Funnel-Berechnung", "Ausgehend von einem Umsatzziel von 1.800.000\u00a0€"],
    ],
    ["tr", "TRY", ["2 iş günü", "4 iş saati"], ["Yaşam döngüsü aşamaları", "Huni hesaplaması", "₺90.000.000 gelir hedefi"]],
    ["ja", "JPY", ["2営業日", "4営業時間"], ["ライフサイクルステージ", "ファネル計算", "売上目標￥300,000,000"]],
  ] as const)("%s: the language's own currency and duration words, rendered in the language", (language, currency, durations, rendered) => {
    const text = starter(language);
    expect((parse(text) as { agreement: { currency: string } }).agreement.currency).toBe(currency);
    for (const duration of durations) expect(text).toContain(duration);
    expect(text).not.toMatch(/business (hours?|days?)/);
    const markdown = sla(["render", STARTERS[language], "-f", "md", "-o", "-"]);
    expect(markdown.code).toBe(0);
    for (const words of rendered) expect(markdown.stdout).toContain(words);
    expect(markdown.stdout).not.toMatch(/Lifecycle stages|Funnel math|Subscribed to the newsletter/);
  });

  it.each([
    ["teams/emea.sla.yaml", "`sla validate teams/emea.sla.yaml`"],
    ["our sla.yaml", "`sla validate 'our sla.yaml'`"],
  ])("the header names %s as the user can type it", (file, command) => {
    const dir = tempDir();
    mkdirSync(join(dir, "teams"));
    expect(sla(["init", "--language", "tr", file], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, file), "utf8")).toContain(command);
  });

  it.each([
    ["fr", "sla: --language: sla has no starter in `fr`; choose one of en, de, tr, ja\n"],
    ["de_DE!", "sla: --language: `de_DE!` is not a language tag (e.g. en, de, tr, ja)\n"],
  ])("--language %s is a usage error and writes nothing", (language, stderr) => {
    const dir = tempDir();
    const result = sla(["init", "--language", language], { cwd: dir });
    expect(result).toMatchObject({ code: 2, stdout: "", stderr });
    expect(() => readFileSync(join(dir, "sla.yaml"))).toThrow();
  });
});

describe("sla init without --language", () => {
  it.each([
    [{ LANG: "ja_JP.UTF-8" }, "ja"],
    [{ LC_ALL: "tr_TR.UTF-8", LANG: "ja_JP.UTF-8" }, "tr"],
    [{ LANG: "de_AT.UTF-8" }, "de"],
    [{ LANG: "fr_FR.UTF-8" }, "en"],
    [{}, "en"],
  ])("%o: the %s starter", (env, language) => {
    const { text, code } = init([], { ...env });
    expect(code).toBe(0);
    expect((parse(text) as { agreement: { language: string } }).agreement.language).toBe(language);
  });

  it("--language wins over the environment", () => {
    const { text } = init(["--language", "de"], { LANG: "ja_JP.UTF-8" });
    expect((parse(text) as { agreement: { language: string } }).agreement.language).toBe("de");
  });
});
