// Colours for people's output. chalk is loaded only for a coloured run (a terminal,
// FORCE_COLOR, --color): loading it cost about 6 ms of every start, a tenth of what `sla
// validate` adds to Node's own start-up, and output in CI is never coloured.
import type { ChalkInstance } from "chalk";

export type Paint = ChalkInstance;

/**
 * Styles that leave text as it is, chained as chalk's are (`paint.red.bold(text)`). Every
 * property is the same painter; `then` is left out so that a promise can resolve to it. It
 * stands in for the named styles sla uses, not for chalk's colour functions (`hex`, `rgb`).
 */
export const NO_PAINT: Paint = new Proxy((...texts: unknown[]) => texts.map(String).join(" "), {
  get: (_target, key) => (key === "then" || typeof key === "symbol" ? undefined : NO_PAINT),
}) as unknown as Paint;

export async function loadPaint(color: boolean): Promise<Paint> {
  if (!color) return NO_PAINT;
  const { Chalk } = await import("chalk");
  return new Chalk({ level: 1 });
}
