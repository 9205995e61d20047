// Turns bytes into the text of an SLA file, refusing what is not UTF-8 YAML text before any
// parser sees it, so the user gets "this is a binary file" instead of a parse error.

import { isAscii, isUtf8, transcode } from "node:buffer";
import { SourceError } from "../errors.js";
import { message } from "../i18n/message.js";
import { megabytes } from "./bounded-read.js";

/** Larger than any real agreement by three orders of magnitude; bounds memory per file. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/** The refusal of an SLA file of `size` bytes, over MAX_SOURCE_BYTES. */
export function tooLarge(file: string, size: number): SourceError {
  return new SourceError(file, message("cli/source.too-large", { megabytes: megabytes(size), most: megabytes(MAX_SOURCE_BYTES) }));
}

export function decodeSource(file: string, bytes: Uint8Array): string {
  if (bytes.length > MAX_SOURCE_BYTES) throw tooLarge(file, bytes.length);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new SourceError(file, message("cli/source.utf16"));
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new SourceError(file, message("cli/source.binary"));
  }
  if (!isUtf8(bytes)) throw new SourceError(file, message("cli/source.not-utf8"));
  const text = utf8ToString(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  // A UTF-8 byte order mark is not content; a second one would be.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * V8 decodes UTF-8 ten times slower from the first byte past ASCII on, and one `ü` in a
 * name puts most of a file there; ICU's converter to UTF-16, then a copy, takes a third of
 * that time (a twentieth of checking a file). Node built without ICU has no converter.
 */
function utf8ToString(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString("latin1");
  return typeof transcode === "function" ? transcode(bytes, "utf8", "utf16le").toString("utf16le") : bytes.toString("utf8");
}
