// "Did you mean" hints on misspelled names. A hostile or generated file can hold thousands of
// wrong names and thousands of candidates, so the search is bounded three ways: a candidate
// too long or too short to be a likely typo is skipped before any comparison, a comparison
// stops as soon as it cannot beat the best so far, and a suggester asked about many names
// searches each distinct name once and at most MAX_SEARCHED_NAMES of them.

/** Levenshtein distance, for "did you mean" hints on misspelled names. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The Levenshtein distance of `a` and `b` when it is at most `bound`, else `bound + 1`. Only
 * the cells within `bound` of the diagonal can hold such a distance, so only they are
 * computed, and the comparison ends at the first row whose cells all exceed `bound`.
 */
export function boundedEditDistance(a: string, b: string, bound: number): number {
  const over = bound + 1;
  if (bound < 0 || Math.abs(a.length - b.length) > bound) return over;
  if (a === b) return 0;
  const width = b.length + 1;
  let previous = new Array<number>(width);
  let current = new Array<number>(width);
  for (let j = 0; j < width; j++) previous[j] = j <= bound ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - bound);
    const to = Math.min(b.length, i + bound);
    current[0] = i <= bound ? i : over;
    current[from - 1] = from === 1 ? current[0] : over;
    let rowMinimum = current[from - 1]!;
    const code = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
      const distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, over);
      current[j] = distance;
      if (distance < rowMinimum) rowMinimum = distance;
    }
    // The cell right of the band is read by the next row as "above": out of reach.
    if (to < b.length) current[to + 1] = over;
    if (rowMinimum > bound) return over;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * A name in lower case, as names are compared: with Turkish rules when the name has a letter
 * only Turkish writes (`İŞ` is `iş`, `IŞIK` is `ışık`), where the default rules would give
 * `i̇ş` with a combining dot; with the default rules otherwise (`Pazarlama` is `pazarlama`).
 */
export function lowerCase(name: string): string {
  return /[İıŞşĞğ]/.test(name) ? name.toLocaleLowerCase("tr") : name.toLowerCase();
}

/** How far a name may be from a candidate to be taken for a typo of it. */
function allowedDistance(input: string): number {
  return Math.max(1, Math.floor(input.length / 3));
}

/**
 * The candidate closest to `input`, if it is close enough to be a likely typo: the first of
 * the closest, ignoring case. `lowered` are the candidates in lower case, when the caller has
 * them already.
 */
export function closestMatch(input: string, candidates: Iterable<string>, lowered?: readonly string[]): string | undefined {
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : [...candidates];
  const lower = lowered ?? list.map(lowerCase);
  const needle = lowerCase(input);
  let best: string | undefined;
  // Only a candidate closer than the best so far can replace it.
  let bound = allowedDistance(input);
  for (let index = 0; index < list.length && bound >= 0; index++) {
    const distance = boundedEditDistance(needle, lower[index]!, bound);
    if (distance <= bound) {
      best = list[index];
      bound = distance - 1;
    }
  }
  return best;
}

/**
 * Past this many distinct names, a suggester suggests nothing: a file with more wrong names
 * than this gets hints on the first ones, in time linear in the number of candidates.
 */
export const MAX_SEARCHED_NAMES = 100;

/** "Did you mean" over one list of candidates, for many names: each distinct name searched once. */
export class Suggester {
  readonly #candidates: readonly string[];
  readonly #lowered: readonly string[];
  readonly #answers = new Map<string, string | undefined>();

  constructor(candidates: Iterable<string>) {
    this.#candidates = [...candidates];
    this.#lowered = this.#candidates.map(lowerCase);
  }

  suggest(input: string): string | undefined {
    if (this.#answers.has(input)) return this.#answers.get(input);
    if (this.#answers.size >= MAX_SEARCHED_NAMES) return undefined;
    const answer = closestMatch(input, this.#candidates, this.#lowered);
    this.#answers.set(input, answer);
    return answer;
  }
}
