// An export as a table of text: one column per header column (c0, c1, ...), every value as
// written, with the line it starts on. The layouts, values and mappings are applied to this
// table by leads.ts, deals.ts and actuals.ts.
import { closeSync, openSync, readSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { SourceError } from "../../errors.js";
import { message } from "../../i18n/message.js";
import { decodedFile, decodeStart } from "./decode.js";
import { detectEncoding, type Encoding } from "./encoding.js";
import { firstRecord, sniffDelimiter, type Delimiter } from "./header.js";
import { identifier, literal } from "./sql.js";

export interface RawExport {
  table: string;
  header: string[];
  encoding: Encoding;
  delimiter: Delimiter;
  rows: number;
}

/** Bytes read for the header line; a header longer than this is cut (and its last name with it). */
const HEAD_BYTES = 256 * 1024;

/**
 * Reads the export at `path` (checked by access.ts) into `table`. `shown` names it in
 * messages; `encoding` and `delimiter` are the mapping's, detected when undefined.
 */
export async function readRaw(
  connection: DuckDBConnection,
  table: string,
  path: string,
  shown: string,
  stated: { encoding?: Encoding | undefined; delimiter?: Delimiter | undefined },
): Promise<RawExport> {
  const detected = stated.encoding ? { encoding: stated.encoding, bom: bomLength(path, stated.encoding) } : detectEncoding(path);
  const { encoding, bom } = detected;
  const text = decodeStart(readHead(path), encoding, bom);
  if (text.trim() === "") throw new SourceError(shown, message("source/empty"));
  const delimiter = stated.delimiter ?? sniffDelimiter(text);
  const header = firstRecord(text, delimiter).map((name) => name.trim());
  const decoded = await decodedFile(path, encoding, bom);
  try {
    const columns = header.map((_, index) => `${literal(`c${index}`)}: 'VARCHAR'`).join(", ");
    // The header is skipped and named by sla, so that names the engine would change (empty,
    // repeated, with quotes) stay as written. Short rows are padded with NULL.
    await connection.run(`CREATE TEMP TABLE ${identifier(table)} AS
      SELECT row_number() OVER () + 1 AS line, *
      FROM read_csv(${literal(decoded.path)}, delim = ${literal(delimiter)}, quote = '"', escape = '"', header = false, skip = 1,
        auto_detect = false, columns = {${columns}}, null_padding = true, strict_mode = false)`);
  } catch (error) {
    throw new SourceError(shown, message("source/unreadable-csv", { detail: firstLine(error) }));
  } finally {
    decoded.remove();
  }
  const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${identifier(table)}`);
  const rows = Number(reader.getRowObjects()[0]!.n);
  return { table, header, encoding, delimiter, rows };
}

function readHead(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/** A byte order mark of the stated encoding at the start of the file, to skip. */
function bomLength(path: string, encoding: Encoding): number {
  const head = readHead(path);
  if (encoding === "utf-8" && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 3;
  if (encoding === "utf-16le" && head[0] === 0xff && head[1] === 0xfe) return 2;
  if (encoding === "utf-16be" && head[0] === 0xfe && head[1] === 0xff) return 2;
  return 0;
}

function firstLine(error: unknown): string {
  return String((error as Error).message ?? error).split("\n")[0]!;
}
