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
