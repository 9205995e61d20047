// The part of picomatch (the glob matcher) that matches the paths users' patterns name.
declare module "picomatch" {
  interface Options {
    /** Whether `*` and `**` match names that start with a dot. */
    dot?: boolean;
    /** Whether scan takes the backslashes out of the base it returns. */
    unescape?: boolean;
  }
  interface Scan {
    /** The part before the first segment with a wildcard ("" for none). */
    base: string;
    /** The rest. */
    glob: string;
  }
  interface Picomatch {
    (glob: string, options?: Options): (path: string) => boolean;
    scan(pattern: string, options?: Options): Scan;
  }
  const picomatch: Picomatch;
  export default picomatch;
}
