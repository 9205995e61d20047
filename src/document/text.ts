// Punctuation and spacing that depend on the document's language, shared by the writers and
// the tree builders so a label reads "Owner: Sales" in English and 「担当：営業」 in Japanese.

/** Japanese and Chinese: no spaces between words, full-width punctuation. */
export function isCjk(language: string): boolean {
  return /^(ja|zh)\b/i.test(language);
}

/** What follows a label before its value: ": " or the full-width "：". */
export function labelColon(language: string): string {
  return isCjk(language) ? "：" : ": ";
}

/** Between two sentences joined into one line: ". " or "。". */
export function sentenceJoin(language: string): string {
  return isCjk(language) ? "。" : ". ";
}

/** A sentence or clause mark that Japanese and Chinese write no space after. */
const CJK_STOP = "\u3001\u3002\uff01\uff1f\uff0c\uff1a\uff1b\u300d\u300f\uff09\u3011";
const CJK_NEXT = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff00-\\uffef";
const FOLDED_SPACE = new RegExp(`(?<=[${CJK_STOP}])[ \\t]+(?=[${CJK_NEXT}])`, "gu");

/**
 * Folded YAML (`>-`) joins lines with a space, which Japanese does not write after a
 * sentence (合意する。 これにより). In a CJK document a space after a full stop, comma or
 * closing mark before more CJK text goes; a space between words, as in a name (山田 花子),
 * stays.
 */
export function joinCjkLines(text: string, language: string): string {
  return isCjk(language) ? text.replace(FOLDED_SPACE, "") : text;
}

/** The minus sign (U+2212) for a negative number written with a hyphen: "−30", not "-30". */
export function minusSign(text: string): string {
  return text.replace(/(^|[\s(])-(?=\d)/g, "$1\u2212");
}
