/**
 * Case-insensitive key for names in the document's language: in Turkish `I` folds to `ı`
 * and `İ` to `i`, so "KIRMIZI" and "kirmizi" are different words, as they are to a reader.
 * As in Unicode full case folding, "ß" folds to "ss", so "Großkunden" matches "GROSSKUNDEN".
 */
export function foldName(name: string, locale: string | undefined): string {
  const text = name.trim().replace(/\s+/g, " ");
  // ASCII folds the same in every locale but Turkish and Azerbaijani (I -> ı), and cheaply.
  if (/^[\x20-\x7e]*$/.test(text) && !(text.includes("I") && /^(tr|az)\b/i.test(locale ?? ""))) return text.toLowerCase();
  return text.normalize("NFC").toLocaleLowerCase(locale).replace(/ß/g, "ss");
}

/** The language tag if Intl accepts it, so locale-aware calls never throw. */
export function safeLocale(tag: unknown): string | undefined {
  if (typeof tag !== "string") return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
