const PLAIN_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
const TURKIC = /^(tr|az)\b/i;

/**
 * Case-insensitive key for names in the document's language: in Turkish `I` folds to `ı`
 * and `İ` to `i`, so "KIRMIZI" and "kirmizi" are different words, as they are to a reader.
 * As in Unicode full case folding, "ß" folds to "ss", so "Großkunden" matches "GROSSKUNDEN".
 */
export function foldName(name: string, locale: string | undefined): string {
  // Most names are ASCII words with single spaces: nothing to trim or normalise.
  if (PLAIN_ASCII.test(name) && !(name.includes("I") && TURKIC.test(locale ?? ""))) return name.toLowerCase();
  const text = name.trim().replace(/\s+/g, " ");
  // ASCII folds the same in every locale but Turkish and Azerbaijani (I -> ı), and cheaply.
  if (/^[\x20-\x7e]*$/.test(text) && !(text.includes("I") && TURKIC.test(locale ?? ""))) return text.toLowerCase();
  return text.normalize("NFKC").toLocaleLowerCase(locale).replace(/ß/g, "ss");
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
