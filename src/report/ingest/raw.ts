// An export as the engine reads it: its encoding and separator (detected or stated), its
// header as written, and an SQL scan of its records with every field as text in columns c0,
// c1, ... The layouts, values and mappings are applied over that scan by records.ts and
// actuals.ts, without a copy of the whole file in between.
import { closeSync, openSync, readSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { SourceError } from "../../errors.js";
import { message } from "../../i18n/message.js";
import { decodedFile, decodeStart } from "./decode.js";
import { detectEncoding, type Encoding } from "./encoding.js";
import { firstRecord, sniffDelimiter, type Delimiter } from "./header.js";
import { identifier, literal } from "./sql.js";

export interface OpenedExport {
  header: string[];
  encoding: Encoding;
  delimiter: Delimiter;
  /** The records (the header skipped) as `FROM` text for SQL: columns c0, c1, ... as VARCHAR. */
  scan: string;
  /** Removes the decoded copy, if one was made. */
  remove(): void;
}

/** Bytes read for the header line; a header longer than this is cut (and its last name with it). */
const HEAD_BYTES = 256 * 1024;

/**
 * Opens the export at `path` (checked by access.ts); `encoding` and `delimiter` are the
 * mapping's, detected when undefined.
 */
export async function openExport(
  path: string,
  shown: string,
  stated: { encoding?: Encoding | undefined; delimiter?: Delimiter | undefined },
): Promise<OpenedExport> {
  const { encoding, bom } = stated.encoding ? { encoding: stated.encoding, bom: bomLength(path, stated.encoding) } : detectEncoding(path);
  const text = decodeStart(readHead(path), encoding, bom);
  if (text.trim() === "") throw new SourceError(shown, message("source/empty"));
  const delimiter = stated.delimiter ?? sniffDelimiter(text);
  const header = firstRecord(text, delimiter).map((name) => name.trim());
  const decoded = await decodedFile(path, encoding, bom);
  const columns = header.map((_, index) => `${literal(`c${index}`)}: 'VARCHAR'`).join(", ");
  // The header is skipped and named by sla, so that names the engine would change (empty,
  // repeated, with quotes) stay as written. Short rows are padded with NULL.
  const scan = `read_csv(${literal(decoded.path)}, delim = ${literal(delimiter)}, quote = '"', escape = '"', header = false, skip = 1,
    auto_detect = false, columns = {${columns}}, null_padding = true, strict_mode = false)`;
  return { header, encoding, delimiter, scan, remove: decoded.remove };
}

/**
 * Runs `sql` (which reads an export's scan), turning an engine error about the file (a broken
 * quote, a line too long, a read that failed) into a SourceError naming it. Any other error
 * is sla's own and is thrown as it is.
 */
export async function runOnExport(connection: DuckDBConnection, sql: string, shown: string): Promise<void> {
  await onExport(shown, () => connection.run(sql));
}

/** `work` (queries over an export's scan) with the engine's errors about the file said as runOnExport says them. */
export async function onExport<T>(shown: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const detail = String((error as Error).message ?? error).split("\n")[0]!;
    if (!/^(Invalid Input Error: CSV|IO Error|Invalid Input Error: Invalid unicode)/i.test(detail)) throw error;
    throw new SourceError(shown, message("source/unreadable-csv", { detail }));
  }
}

/** The records of an opened export as a table `table` of text, with the line each is on. */
export async function rawTable(connection: DuckDBConnection, table: string, opened: OpenedExport, shown: string): Promise<number> {
  await runOnExport(connection, `CREATE TEMP TABLE ${identifier(table)} AS SELECT * FROM ${opened.scan}`, shown);
  await connection.run(`ALTER TABLE ${identifier(table)} ADD COLUMN line BIGINT`);
  // A new table's row ids are the records' order in the file; the header is line 1.
  await connection.run(`UPDATE ${identifier(table)} SET line = rowid + 2`);
  return Number((await connection.runAndReadAll(`SELECT count(*) FROM ${identifier(table)}`)).getRows()[0]![0]);
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
