/** The JSON Schema file shipped with the package (schemas/ beside dist/). */
export const SCHEMA_URL = new URL("../../schemas/sla.schema.json", import.meta.url);
