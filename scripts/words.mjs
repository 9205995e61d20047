// The words the readers accept, one file per language (locales/<language>/words.json): the
// duration units and the percent notations. The schema's duration and percent patterns and the
// parser's unit table (src/domain/words.generated.ts) are generated from them here, so the
// schema an editor checks against and the reader that sla runs accept the same text.
// scripts/build.mjs writes both on every build; test/domain/words.test.ts holds the committed
// files to what this generates.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const UNIT_KINDS = ["minute", "hour", "day", "week", "businessHour", "businessDay"];

/** Every language's words, by language, in a fixed order (the directories of locales/). */
export function readWords(root) {
  const dir = join(root, "locales");
  const words = {};
  for (const language of readdirSync(dir).sort()) {
    let text;
    try {
      text = readFileSync(join(dir, language, "words.json"), "utf8");
    } catch {
      continue;
    }
    words[language] = JSON.parse(text);
  }
  return words;
}

/**
 * A character as the readers compare it: lower case, with Turkish İ and ı read as i (so
 * `İŞ SAATİ`, `Iş saati` and `iş saati` are one unit, and `BUSINESS DAYS` is not lower-cased
 * to `busıness` by a Turkish locale).
 */
export function foldCharacter(ch) {
  // NFKC: the full-width letters a Japanese keyboard types in full-width mode (`４ｈ`) are h.
  const plain = ch.normalize("NFKC");
  if (plain === "İ" || plain === "I" || plain === "ı") return "i";
  const lower = plain.toLowerCase();
  return [...lower].length === 1 ? lower : ch;
}

/** The spellings of one folded character: `i` is i, I, İ, ı, ｉ and Ｉ; `ä` is ä and Ä. */
function spellingsOf(folded) {
  const candidates = [folded, folded.toUpperCase(), folded.toLocaleUpperCase("tr"), folded.toLocaleLowerCase("tr")];
  if (folded === "i") candidates.push("I", "İ", "ı");
  if (/^[a-z]$/.test(folded))
    candidates.push(String.fromCharCode(folded.charCodeAt(0) - 0x61 + 0xff41), String.fromCharCode(folded.charCodeAt(0) - 0x61 + 0xff21));
  return [...new Set(candidates)].filter((c) => [...c].length === 1 && foldCharacter(c) === folded).sort();
}

const fold = (word) => [...word.trim().replace(/\s+/g, " ")].map(foldCharacter).join("");

const escapeRegExp = (ch) => (/[\^$\\.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch);

/** One letter of a unit in any of its spellings; a space as any run of white space. */
function letterPattern(ch) {
  if (ch === " ") return "\\s+";
  const spellings = spellingsOf(ch);
  return spellings.length > 1 ? `[${spellings.join("")}]` : escapeRegExp(ch);
}

/**
 * The unit words as one pattern with shared beginnings factored out (`business days` and
 * `business hours` share their first nine letters), so the pattern stays short and V8 compiles
 * it quickly on the first duration of a run (which every `sla validate` pays twice: in the
 * schema's validator and in the reader).
 */
function unitsPattern(keys) {
  const root = { children: new Map(), end: false };
  for (const key of keys) {
    let node = root;
    for (const ch of key) {
      if (!node.children.has(ch)) node.children.set(ch, { children: new Map(), end: false });
      node = node.children.get(ch);
    }
    node.end = true;
  }
  const emit = (node) => {
    const branches = [...node.children.keys()].sort().map((ch) => letterPattern(ch) + emit(node.children.get(ch)));
    if (branches.length === 0) return "";
    if (node.end) return `(?:${branches.join("|")})?`;
    return branches.length === 1 ? branches[0] : `(?:${branches.join("|")})`;
  };
  return emit(root);
}

/** Every unit word of every language, folded, with its kind; one word has one kind everywhere. */
export function unitTable(words) {
  const table = new Map();
  for (const [language, doc] of Object.entries(words)) {
    for (const [kind, spellings] of Object.entries(doc.duration ?? {})) {
      if (!UNIT_KINDS.includes(kind)) throw new Error(`locales/${language}/words.json: \`${kind}\` is not a duration unit (${UNIT_KINDS.join(", ")})`);
      for (const spelling of spellings) {
        const key = fold(spelling);
        const known = table.get(key);
        if (known && known.kind !== kind)
          throw new Error(`locales/${language}/words.json: \`${spelling}\` is a ${kind} here but a ${known.kind} in locales/${known.language}/words.json`);
        if (!known) table.set(key, { kind, language });
      }
    }
  }
  return new Map([...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// A number as the readers take it: ASCII or full-width digits, a decimal point or comma.
const DIGITS = "[0-9０-９]";
const NUMBER = `${DIGITS}+(?:[.,．，]${DIGITS}+)?`;

/** The schema's duration pattern: the number is group 1, the unit group 2. */
export function durationPattern(words) {
  return `^\\s*(${NUMBER})\\s*(${unitsPattern(unitTable(words).keys())})\\s*$`;
}

/**
 * The schema's percent pattern, from the notations (`{n}%`, `%{n}`, `{n} ％`): the sign
 * before the number gives group 1, after it group 2. Space between sign and number is
 * allowed either way, as people type it both ways in every language.
 */
export function percentPattern(words) {
  const signs = new Set();
  let before = false;
  let after = false;
  for (const [language, doc] of Object.entries(words)) {
    for (const notation of doc.percent ?? []) {
      const match = /^(\S*?)\s*\{n\}\s*(\S*)$/u.exec(notation);
      if (!match || (match[1] === "") === (match[2] === ""))
        throw new Error(`locales/${language}/words.json: percent notation \`${notation}\` is not a sign before or after {n}`);
      const sign = match[1] || match[2];
      if ([...sign].length !== 1) throw new Error(`locales/${language}/words.json: percent sign \`${sign}\` is not one character`);
      signs.add(sign);
      if (match[1]) before = true;
      else after = true;
    }
  }
  const sign = `[${[...signs].sort().map(escapeRegExp).join("")}]`;
  const forms = [before && `${sign}\\s*(-?${NUMBER})`, after && `(-?${NUMBER})\\s*${sign}`].filter(Boolean);
  return `^\\s*(?:${forms.join("|")})\\s*$`;
}

/** The schema with its duration and percent patterns generated from the words. */
export function schemaWithWords(schema, words) {
  const copy = structuredClone(schema);
  copy.$defs.duration.pattern = durationPattern(words);
  copy.$defs.percent.pattern = percentPattern(words);
  // A KPI's target is a number or a percentage: the same pattern.
  copy.$defs.kpi.properties.target.pattern = copy.$defs.percent.pattern;
  return copy;
}

/** src/domain/words.generated.ts: the patterns and, for reading a matched unit, its kind by folded spelling. */
export function generateWordsModule(words) {
  const table = unitTable(words);
  const folds = new Map();
  for (const key of table.keys()) for (const ch of key) for (const spelling of spellingsOf(ch)) if (spelling !== ch) folds.set(spelling, ch);
  const entries = (map) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    "// Generated from locales/*/words.json by scripts/words.mjs (run by `npm run build`). Do not edit: change the words and build.",
    'import type { UnitKind } from "./duration.js";',
    "",
    "/** The schema's duration pattern: the number is group 1, the unit group 2. */",
    `export const DURATION_PATTERN = ${JSON.stringify(durationPattern(words))};`,
    "",
    "/** The schema's percent pattern: the number is group 1 (sign before) or 2 (sign after). */",
    `export const PERCENT_PATTERN = ${JSON.stringify(percentPattern(words))};`,
    "",
    "/** The letters of a unit in another case, as the table below writes them (Turkish İ and ı are i). */",
    "export const UNIT_FOLDS: Readonly<Record<string, string>> = {",
    ...entries(folds).map(([from, to]) => `  ${JSON.stringify(from)}: ${JSON.stringify(to)},`),
    "};",
    "",
    "/** Every unit word, lower case with one space between words, and what it measures. */",
    "export const UNITS: Readonly<Record<string, UnitKind>> = {",
    ...entries(table).map(([key, { kind }]) => `  ${JSON.stringify(key)}: ${JSON.stringify(kind)},`),
    "};",
    "",
  ].join("\n");
}
