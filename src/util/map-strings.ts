/** A copy of plain data (objects, arrays) with every string replaced by `fn(string, key)`. */
export function mapStrings<T>(value: T, fn: (text: string, key: string | undefined) => string, key?: string): T {
  if (typeof value === "string") return fn(value, key) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, fn, key)) as T;
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn, k)])) as T;
  return value;
}
