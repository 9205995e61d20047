// What validation reads of the schema at run time: the validator that scripts/build.mjs
// precompiles from it (ajv standalone) and the schema document (for the titles and property
// names in findings). The validator is found through the package's own `imports` map
// (package.json names where the build writes it), the schema at a path fixed relative to the
// package root, so the sources, the compiled modules and the bundled CLI find the same files. The GitHub Action's bundle, which must not
// read the package's files, replaces this module with one that holds both
// (scripts/build-action.mjs): keep the two exports as they are.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadPrecompiled } from "./precompiled.js";
import { SCHEMA_URL } from "./schema-location.js";

export type SchemaNode = Record<string, unknown>;

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export function loadSchemaValidator(): SchemaValidator {
  return loadPrecompiled<SchemaValidator>(createRequire(import.meta.url).resolve("#schema-validator"));
}

export function readSchemaDocument(): SchemaNode {
  return JSON.parse(readFileSync(SCHEMA_URL, "utf8")) as SchemaNode;
}
