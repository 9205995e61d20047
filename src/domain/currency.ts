// Names teams write for a currency instead of its ISO 4217 code: the schema's "did you mean"
// for a value that is not three capitals (`TL`, `€`) and the currency rule's for a code that
// does not exist (`YEN`) read the same table.
export const CURRENCY_ALIASES: Readonly<Record<string, string>> = {
  YEN: "JPY",
  "¥": "JPY",
  円: "JPY",
  TL: "TRY",
  "₺": "TRY",
  TRL: "TRY",
  "€": "EUR",
  EURO: "EUR",
  $: "USD",
  "£": "GBP",
  RMB: "CNY",
  NIS: "ILS",
  STG: "GBP",
};

/** The code a common name stands for (`TL` → `TRY`, `eur` → `EUR`), if it is one. */
export function currencyAlias(written: string): string | undefined {
  const upper = written.trim().toUpperCase();
  return CURRENCY_ALIASES[upper] ?? (/^[A-Z]{3}$/.test(upper) && upper !== written ? upper : undefined);
}
