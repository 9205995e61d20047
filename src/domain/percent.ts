// Teams write percentages three ways: "25%", 25 and 0.25. One reading for all of them keeps
// the validator, the diff and the rendered document in agreement.
import { finite } from "./finite.js";
import { PERCENT_PATTERN } from "./words.generated.js";

// The schema's own pattern (from locales/*/words.json), so both accept the same notations.
const PERCENT = new RegExp(PERCENT_PATTERN, "u");

/** A percentage as a fraction (25% -> 0.25), or undefined when the value is not a percentage. */
export function toFraction(value: number | string | undefined): number | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    // Below 1 a bare number is a fraction (0.25); from 1 on it is percent points (25).
    return Math.abs(value) < 1 ? value : value / 100;
  }
  if (typeof value === "string") {
    // "25%", "25 %", Turkish "%25", German "2,5 %", full-width "２５％" (NFKC reads its digits as 25).
    const match = PERCENT.exec(value);
    return match ? Number((match[1] ?? match[2])!.normalize("NFKC").replace(",", ".")) / 100 : undefined;
  }
  return undefined;
}

/** Formats a fraction as percent points for messages: 0.255 -> "25.5%". */
export function formatPercent(fraction: number): string {
  finite(fraction);
  const points = Number((fraction * 100).toFixed(2));
  // A rate too small for two decimals is not 0%: said with its significant digits (1e-318%).
  return `${points === 0 && fraction !== 0 ? Number((fraction * 100).toPrecision(2)) : points}%`;
}
