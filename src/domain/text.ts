const TURKIC = /^(tr|az)\b/i;

/**
 * Case-insensitive key for names in the document's language: in Turkish `I` folds to `ı`
 * and `İ` to `i`, so "KIRMIZI" and "kirmizi" are different words, as they are to a reader.
 * As in Unicode full case folding, "ß" folds to "ss", so "Großkunden" matches "GROSSKUNDEN".
 */
export function foldName(name: string, locale: string | undefined): string {
  const plain = foldPlainAscii(name, locale);
  if (plain !== undefined) return plain;
  const text = name.trim().replace(/\s+/g, " ");
  // ASCII folds the same in every locale but Turkish and Azerbaijani (I -> ı), and cheaply.
  if (/^[\x20-\x7e]*$/.test(text) && !(text.includes("I") && TURKIC.test(locale ?? ""))) return text.toLowerCase();
  return text.normalize("NFC").toLocaleLowerCase(locale).replace(/ß/g, "ss");
}

/**
 * Most names are ASCII words with single spaces: nothing to trim or normalise, and often
 * nothing to lower. Undefined for any other name, and for a Turkic `I`. Names are folded by
 * the hundred per file, so this is one pass without a regular expression.
 */
function foldPlainAscii(name: string, locale: string | undefined): string | undefined {
  let upper = false;
  let capitalI = false;
  let afterSpace = true; // no leading space, no two in a row
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x20) {
      if (afterSpace) return undefined;
      afterSpace = true;
      continue;
    }
    if (c < 0x21 || c > 0x7e) return undefined;
    afterSpace = false;
    if (c >= 0x41 && c <= 0x5a) {
      upper = true;
      if (c === 0x49) capitalI = true;
    }
  }
  if (afterSpace) return undefined; // empty, or a trailing space
  if (!upper) return name;
  return capitalI && TURKIC.test(locale ?? "") ? undefined : name.toLowerCase();
}

// Intl takes microseconds per tag, and a run over many files asks about the same few tags.
const canonicalTags = new Map<string, string | undefined>();

/** The language tag if Intl accepts it, so locale-aware calls never throw. */
export function safeLocale(tag: unknown): string | undefined {
  if (typeof tag !== "string") return undefined;
  if (canonicalTags.has(tag)) return canonicalTags.get(tag);
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    canonical = undefined;
  }
  // Bounded: a run over files written in thousands of distinct tags stays small.
  if (canonicalTags.size < 256) canonicalTags.set(tag, canonical);
  return canonical;
}
