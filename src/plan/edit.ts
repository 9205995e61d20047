// Minimal edits of an agreement's text: a scalar replaced where it stands, found through the
// `yaml` document's node ranges. Only the value's own characters change, so comments, key
// order, quoting, indentation and every other line stay byte for byte as they were (printing
// the edited document again would re-fold long text and move comments).
import type { Document, Scalar } from "yaml";
import { toFraction } from "../domain/percent.js";
import { SlaError } from "../errors.js";
import { message } from "../i18n/message.js";

export interface ScalarEdit {
  path: readonly (string | number)[];
  /** The new value: a number is written in the old one's notation, text in its quoting. */
  value: number | string;
}

/** The text with each edited scalar replaced; a path that holds no scalar is a program error. */
export function applyEdits(text: string, document: Document.Parsed, edits: readonly ScalarEdit[]): string {
  const spans = edits.map((edit) => {
    const node = document.getIn(edit.path, true) as Scalar | undefined;
    if (!node || typeof node !== "object" || !("range" in node) || !node.range || node.value === undefined || typeof node.value === "object")
      throw new SlaError(message("plan/edit.no-scalar", { path: edit.path.join(".") }));
    const [start, end] = node.range;
    return { start, end, source: scalarSource(node, edit.value) };
  });
  // From the end backwards, so that earlier offsets stay valid.
  spans.sort((a, b) => b.start - a.start);
  let out = text;
  for (const { start, end, source } of spans) out = out.slice(0, start) + source + out.slice(end);
  return out;
}

function scalarSource(node: Scalar, value: number | string): string {
  const raw = String(value);
  switch (node.type) {
    case "QUOTE_DOUBLE":
      return JSON.stringify(raw);
    case "QUOTE_SINGLE":
      return `'${raw.replace(/'/g, "''")}'`;
    default:
      // Numbers, dates and percent text ("25%", "2026.2" is quoted in the examples) read back
      // as written when plain; anything else would need quotes.
      return typeof value === "number" || /^[\p{L}\p{N}%][\p{L}\p{N}%.,\- ]*$/u.test(raw) ? raw : JSON.stringify(raw);
  }
}

/**
 * A fraction rounded to a tenth of a percent point, the precision a team writes a rate to; a
 * rate below 1 % to a hundredth (0.35 %, not 0.3 %, which would ask for 17 % more visits).
 */
export const roundRate = (fraction: number): number => (Math.abs(fraction) < 0.01 ? Math.round(fraction * 10000) / 10000 : Math.round(fraction * 1000) / 1000);

/**
 * A rate in the notation the file already uses for it: `25%` (and `25 %`, `%25`, `2,5 %`), a
 * fraction `0.25`, or percent points `25`. Points below 1 would read as a fraction, so such a
 * rate is written with `%`.
 */
export function rateInNotationOf(fraction: number, written: number | string): number | string {
  const small = Math.abs(fraction) < 0.01;
  const points = Number((fraction * 100).toFixed(small ? 2 : 1));
  if (typeof written === "number") {
    if (Math.abs(written) < 1) return Number(fraction.toFixed(small ? 4 : 3));
    if (points >= 1) return points;
    return `${points}%`;
  }
  const comma = written.includes(",");
  const digits = comma ? String(points).replace(".", ",") : String(points);
  if (/^\s*[%％]/.test(written)) return `%${digits}`;
  return /\s[%％]\s*$/.test(written) ? `${digits} %` : `${digits}%`;
}

/** Whether the text written for a rate reads back as that rate. */
export function readsAs(written: number | string, fraction: number): boolean {
  const read = toFraction(written);
  return read !== undefined && Math.abs(read - fraction) < 1e-9;
}
