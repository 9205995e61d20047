// Teams write percentages three ways: "25%", 25 and 0.25. One reading for all of them keeps
// the validator, the diff and the rendered document in agreement.
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
