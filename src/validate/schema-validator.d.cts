// Types of the validator that scripts/build.mjs precompiles from the schema (ajv standalone).
interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
declare function validate(data: unknown): boolean;
declare namespace validate {
  let errors: SchemaError[] | null | undefined;
}
export = validate;
