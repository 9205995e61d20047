import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "./helpers/cli.js";
// @ts-expect-error: the build script is plain JavaScript.
import { generateModelTypes } from "../scripts/build.mjs";

it("the model types in src/ match the schema (run `npm run generate:types` after changing it)", async () => {
  const committed = readFileSync(join(ROOT, "src/model/sla.generated.ts"), "utf8");
  expect(committed).toBe(await (generateModelTypes as () => Promise<string>)());
});

it("the schema bounds no string length beyond non-empty (the validator counts UTF-16 units, not characters)", () => {
  const schema = readFileSync(join(ROOT, "schemas/sla.schema.json"), "utf8");
  expect(schema).not.toMatch(/"maxLength"/);
  for (const [, bound] of schema.matchAll(/"minLength": (\d+)/g)) expect(Number(bound)).toBeLessThanOrEqual(1);
});

it("the schema uses only keywords whose errors sla words itself (the validator is built without ajv's messages)", () => {
  const schema = JSON.parse(readFileSync(join(ROOT, "schemas/sla.schema.json"), "utf8")) as unknown;
  // The cases of toFinding in src/validate/schema.ts, and keywords that never fail on their own.
  const worded = [
    "required",
    "additionalProperties",
    "type",
    "enum",
    "const",
    "pattern",
    "format",
    "minItems",
    "minLength",
    "minimum",
    "maximum",
    "uniqueItems",
  ];
  const structural = ["$schema", "$id", "$defs", "$ref", "title", "description", "properties", "items", "examples", "default", "$comment"];
  const used = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      used.add(key);
      if (key === "properties" || key === "$defs") Object.values(value as object).forEach(walk);
      else if (key !== "enum" && key !== "const" && key !== "examples" && key !== "default") walk(value);
    }
  };
  walk(schema);
  expect([...used].filter((key) => !worded.includes(key) && !structural.includes(key))).toEqual([]);
});

it("the build id hashes the built code and the schema, not V8's code caches (new on every build)", async () => {
  // @ts-expect-error: the build script is plain JavaScript.
  const { buildInputs } = (await import("../scripts/build.mjs")) as { buildInputs: () => string[] };
  const inputs = buildInputs().map((file) => file.slice(ROOT.length + 1));
  expect(inputs).toEqual(
    expect.arrayContaining(["dist/bin/sla.cjs", "dist/bin/validate-worker.js", "dist/validate/schema-validator.cjs", "schemas/sla.schema.json"]),
  );
  expect(inputs.filter((file) => file.endsWith(".cache"))).toEqual([]);
});
