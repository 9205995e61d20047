// The `yaml` package, required on first use: the CLI's bundle leaves it out (external), so
// that a file without findings never loads it. The GitHub Action's bundle, which has no
// node_modules beside it, replaces this module with one that requires the bundled copy
// (scripts/build-action.mjs): keep the export as it is.
import { createRequire } from "node:module";

export function requireYaml(): typeof import("yaml") {
  return createRequire(import.meta.url)("yaml") as typeof import("yaml");
}
