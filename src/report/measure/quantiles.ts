// Median and 90th percentile, as DuckDB's quantile_cont computes them (linear interpolation
// between the closest ranks), so figures computed here and in SQL agree.

export interface Quantiles {
  median: number;
  p90: number;
  sample: number;
}

export function quantile(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** undefined for no values. */
export function quantiles(values: ArrayLike<number>): Quantiles | undefined {
  if (values.length === 0) return undefined;
  // A typed array sorts by value natively, several times faster than a comparator over 100,000 hours.
  const sorted = Float64Array.from(values).sort();
  return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), sample: sorted.length };
}
