// The analytics engine, loaded only by the commands that read exports: it is an optional
// dependency (its native library is most of an install), and `sla validate` must start
// without it. A missing engine is named in one line with how to install it.
import { readFileSync } from "node:fs";
import { MissingPackageError } from "../../errors.js";
import { message } from "../../i18n/message.js";

export const ENGINE_PACKAGE = "@duckdb/node-api";

export type DuckDb = typeof import("@duckdb/node-api");

/** The engine's module; `importer` stands in for the import in tests. */
export async function loadEngine(importer: () => Promise<DuckDb> = () => import("@duckdb/node-api")): Promise<DuckDb> {
  try {
    return await importer();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") throw error;
    const range = optionalRange(ENGINE_PACKAGE);
    const spec = range ? `"${ENGINE_PACKAGE}@${range}"` : ENGINE_PACKAGE;
    throw new MissingPackageError([ENGINE_PACKAGE], message("source/engine-missing", { package: ENGINE_PACKAGE, spec }));
  }
}

function optionalRange(name: string): string | undefined {
  try {
    // ../../../package.json from dist/report/ingest/.
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { optionalDependencies?: Record<string, string> };
    return pkg.optionalDependencies?.[name];
  } catch {
    return undefined;
  }
}
