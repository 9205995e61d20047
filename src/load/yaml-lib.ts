// `yaml` (eemeli/yaml) keeps a source range for every node, which findings need; it is also
// some thirty times slower than the fast reader. It is loaded only when a file needs it: one that has
// findings to place, or that the fast reader cannot take (see parse.ts).
import { createRequire } from "node:module";

type YamlLib = typeof import("yaml");

const require = createRequire(import.meta.url);
let lib: YamlLib | undefined;

export function yamlLib(): YamlLib {
  return (lib ??= require("yaml") as YamlLib);
}
