// Decoding an export that is not UTF-8 into a private temporary UTF-8 file for the engine,
// which reads UTF-8 alone without extensions that would be downloaded. A stream, so that a
// file of hundreds of megabytes costs a buffer's worth of memory.
import { createReadStream, createWriteStream } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import iconv from "iconv-lite";
import type { Encoding } from "./encoding.js";
import { scratchFolder } from "./scratch.js";

export interface Decoded {
  /** The UTF-8 file to read. */
  path: string;
  /** Removes the temporary file, if one was made. */
  remove(): void;
}

/** `path` as UTF-8: itself when it is, else a temporary copy (mode 0600 in a 0700 folder). */
export async function decodedFile(path: string, encoding: Encoding, bom: number): Promise<Decoded> {
  if (encoding === "utf-8") return { path, remove: () => {} };
  const folder = scratchFolder("sla-export-");
  const target = join(folder.path, "export.csv");
  const remove = folder.remove;
  try {
    await pipeline(createReadStream(path, { start: bom }), iconv.decodeStream(encoding), createWriteStream(target, { mode: 0o600 }));
  } catch (error) {
    remove();
    throw error;
  }
  return { path: target, remove };
}

/** The start of a file as text, for the header and the separator. */
export function decodeStart(bytes: Buffer, encoding: Encoding, bom: number): string {
  const body = bytes.subarray(bom);
  return encoding === "utf-8" ? body.toString("utf8") : iconv.decode(body, encoding);
}
