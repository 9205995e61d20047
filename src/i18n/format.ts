// Wording a message from its catalog template. The syntax is a small part of ICU
// MessageFormat, enough for sla's messages and known to translators:
//   {name}                    an argument: numbers, money and lists in the reader's locale
//   {name, percent}           a fraction as a percentage (0.25 -> 25%, %25 in Turkish)
//   {name, decimal}           a measured figure with one decimal (6.0, 1,0 in German)
//   {name, plural, one {# file} other {# files}}   # is the number; =0 {...} matches exactly
//   {name, select, mql {...} other {...}}
//   {name} given a message      the message, worded in the same language (see message.ts)
// An argument the template names but the caller did not give is left as `{name}`, so a gap
// shows in the text instead of failing.
import type { Message, MessageArg, MessageArgs, Money } from "./message.js";
import { finite } from "../domain/finite.js";

/** Words a message given as an argument (the catalog's `word`, in the same locale). */
export type WordNested = (message: Message) => string;

type Part = string | { name: string; kind: "value" | "percent" | "decimal" } | { name: string; kind: "plural" | "select"; branches: Map<string, Part[]> };

const parsed = new Map<string, Part[]>();

export function formatTemplate(template: string, args: MessageArgs | undefined, locale: string, wordNested: WordNested = (m) => m.id): string {
  return render(partsOf(template), args ?? {}, locale, undefined, wordNested);
}

function partsOf(template: string): Part[] {
  let parts = parsed.get(template);
  if (parts === undefined) {
    parts = parse(template);
    parsed.set(template, parts);
  }
  return parts;
}

/** The names of the arguments a template uses, in plural and select branches too. */
export function argumentNames(template: string): Set<string> {
  const names = new Set<string>();
  const walk = (parts: readonly Part[]): void => {
    for (const part of parts) {
      if (typeof part === "string") continue;
      names.add(part.name);
      if ("branches" in part) for (const branch of part.branches.values()) walk(branch);
    }
  };
  walk(partsOf(template));
  return names;
}

function render(parts: readonly Part[], args: MessageArgs, locale: string, pound: string | undefined, wordNested: WordNested): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") {
      out += pound === undefined ? part : part.replace(/#/g, pound);
      continue;
    }
    const value = args[part.name];
    if (value === undefined) {
      out += `{${part.name}}`;
    } else if (part.kind === "value") {
      out += isMessage(value) ? wordNested(value) : formatArg(value, locale);
    } else if (part.kind === "percent") {
      out += typeof value === "number" ? formatPercent(value, locale) : isMessage(value) ? wordNested(value) : formatArg(value, locale);
    } else if (part.kind === "decimal") {
      out +=
        typeof value === "number"
          ? value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
          : isMessage(value)
            ? wordNested(value)
            : formatArg(value, locale);
    } else if (part.kind === "plural") {
      const n = typeof value === "number" ? value : Number(value);
      const branch = part.branches.get(`=${n}`) ?? part.branches.get(pluralCategory(n, locale)) ?? part.branches.get("other") ?? [];
      out += render(branch, args, locale, formatNumber(n, locale), wordNested);
    } else if (part.kind === "select") {
      out += render(part.branches.get(String(value)) ?? part.branches.get("other") ?? [], args, locale, pound, wordNested);
    }
  }
  return out;
}

export function formatArg(value: MessageArg, locale: string): string {
  if (typeof value === "number") return formatNumber(value, locale);
  if (typeof value === "string") return value;
  if (isMoney(value)) return `${formatNumber(value.amount, locale)} ${value.currency}`;
  if (isMessage(value)) return value.id;
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(value);
}

function isMoney(value: MessageArg): value is Money {
  return typeof value === "object" && !Array.isArray(value) && "amount" in value;
}

function isMessage(value: MessageArg): value is Message {
  return typeof value === "object" && !Array.isArray(value) && "id" in value;
}

/** A fraction as a percentage in the locale: 0.255 → "25.5%", "25,5 %", "%25,5". */
export function formatPercent(fraction: number, locale: string): string {
  finite(fraction);
  // A rate too small for two decimals is not 0%: said with its significant digits (0.0012%),
  // in scientific notation when that would be a long row of zeros (1E-318%).
  const points = Math.abs(fraction * 100);
  const options: Intl.NumberFormatOptions =
    fraction === 0 || points >= 0.005
      ? { maximumFractionDigits: 2 }
      : points >= 1e-4
        ? { maximumSignificantDigits: 2 }
        : { maximumSignificantDigits: 2, notation: "scientific" };
  return new Intl.NumberFormat(locale, { style: "percent", ...options }).format(fraction);
}

function formatNumber(n: number, locale: string): string {
  // A whole number under 1,000 reads the same in every language sla speaks (Latin digits, no
  // grouping), and asking ICU for it first costs a run about 18 ms: the summary of a valid file.
  if (Number.isInteger(n) && Math.abs(n) < 1000) return String(n);
  return Number.isFinite(n) ? n.toLocaleString(locale, { maximumFractionDigits: 2 }) : String(n);
}

/** English plural categories without ICU (see formatNumber); other languages ask Intl. */
function pluralCategory(n: number, locale: string): string {
  if (locale === "en" || locale.startsWith("en-")) return n === 1 ? "one" : "other";
  return new Intl.PluralRules(locale).select(n);
}

/** Splits a template into text and arguments; braces nest inside plural and select branches. */
function parse(template: string): Part[] {
  const parts: Part[] = [];
  let text = "";
  let i = 0;
  while (i < template.length) {
    const ch = template[i]!;
    if (ch !== "{") {
      text += ch;
      i++;
      continue;
    }
    const close = matching(template, i);
    const body = template.slice(i + 1, close);
    const [name = "", kind = "", ...rest] = splitTopLevel(body);
    if (!/^\w+$/.test(name.trim())) {
      // Not an argument (a brace in the wording): kept as text.
      text += template.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    if (text) parts.push(text);
    text = "";
    const k = kind.trim();
    if (k === "plural" || k === "select") parts.push({ name: name.trim(), kind: k, branches: branches(rest.join(",")) });
    else parts.push({ name: name.trim(), kind: k === "percent" || k === "decimal" ? k : "value" });
    i = close + 1;
  }
  if (text) parts.push(text);
  return parts;
}

function matching(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === "{") depth++;
    else if (template[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message template: ${template}`);
}

/** `n, plural, one {…} other {…}`: split at the top-level commas (the first two). */
function splitTopLevel(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length && out.length < 2; i++) {
    if (body[i] === "{") depth++;
    else if (body[i] === "}") depth--;
    else if (body[i] === "," && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

function branches(source: string): Map<string, Part[]> {
  const map = new Map<string, Part[]>();
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf("{", i);
    if (open < 0) break;
    const key = source.slice(i, open).trim();
    const close = matching(source, open);
    map.set(key, parse(source.slice(open + 1, close)));
    i = close + 1;
  }
  return map;
}
