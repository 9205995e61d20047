// Every number that reaches output passes here. NaN or Infinity means a computation upstream
// went wrong; printing it ("NaN proposals", "±NaN%") would put a lie in a report or a signed
// document, so formatting refuses it and the run ends as an internal error instead.

export class NonFiniteNumberError extends Error {
  constructor(value: number) {
    super(`a figure computed as ${String(value)} reached the output; nothing was written`);
    this.name = "NonFiniteNumberError";
  }
}

/** The number itself, when it is finite. */
export function finite(value: number): number {
  if (!Number.isFinite(value)) throw new NonFiniteNumberError(value);
  return value;
}
