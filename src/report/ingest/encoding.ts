// Which character encoding an export is in. Excel and CRMs write UTF-8 with or without a byte
// order mark, UTF-16 ("Unicode text"), or the Windows code page of the user's language:
// Windows-1254 in Türkiye, Windows-1252 in Western Europe, Shift_JIS (CP932) in Japan. Only
// UTF-8 reaches the engine; anything else is decoded first (decode.ts).
import { isUtf8 } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";

export const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252", "windows-1254", "shift_jis"] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface DetectedEncoding {
  encoding: Encoding;
  /** Bytes of byte order mark to skip. */
  bom: number;
}

/** Bytes read at once while checking that a whole file is UTF-8. */
const CHUNK = 1 << 20;
/** Bytes of a legacy-encoded file the code-page heuristic looks at. */
const SAMPLE = 4 << 20;

/**
 * The encoding of the file at `path` (an open, regular file). In order: a byte order mark;
 * UTF-16 without one, told by NUL bytes at odd (little-endian) or even (big-endian) offsets
 * of the first kilobytes, where text of any script has no NUL of its own; the whole file
 * being valid UTF-8 (checked to the end: one Turkish name in the millionth row must not be
 * read as a broken character); else a Windows code page by `guessCodePage`.
 */
export function detectEncoding(path: string): DetectedEncoding {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(CHUNK);
    const headLength = readSync(fd, head, 0, CHUNK, 0);
    const start = head.subarray(0, headLength);
    if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
    if (start[0] === 0xff && start[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
    if (start[0] === 0xfe && start[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
    const utf16 = utf16ByNuls(start.subarray(0, 4096));
    if (utf16) return { encoding: utf16, bom: 0 };
    if (isUtf8File(fd, start)) return { encoding: "utf-8", bom: 0 };
    const sample = Buffer.alloc(SAMPLE);
    const sampleLength = readSync(fd, sample, 0, SAMPLE, 0);
    return { encoding: guessCodePage(sample.subarray(0, sampleLength)), bom: 0 };
  } finally {
    closeSync(fd);
  }
}

/** UTF-16 without a byte order mark: most code units of text in an export are ASCII, one byte NUL. */
export function utf16ByNuls(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = Math.floor(bytes.length / 2);
  if (pairs < 2) return undefined;
  if (odd > pairs / 3 && even === 0) return "utf-16le";
  if (even > pairs / 3 && odd === 0) return "utf-16be";
  return undefined;
}

/** Whether the whole file is UTF-8, read a chunk at a time; a character cut by a chunk's end is carried over. */
function isUtf8File(fd: number, first: Buffer): boolean {
  let chunk = first;
  let position = first.length;
  const buffer = Buffer.alloc(CHUNK + 4);
  for (;;) {
    const cut = incompleteTail(chunk);
    if (!isUtf8(chunk.subarray(0, chunk.length - cut))) return false;
    chunk.copy(buffer, 0, chunk.length - cut);
    const read = readSync(fd, buffer, cut, CHUNK, position);
    if (read === 0) return cut === 0;
    position += read;
    chunk = buffer.subarray(0, cut + read);
  }
}

/** How many bytes at the end of `bytes` begin a UTF-8 sequence that the next chunk completes (0 to 3). */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * A Windows code page for bytes that are not UTF-8, by the bytes above 0x7F:
 * - Shift_JIS when they all pair up as Shift_JIS characters (lead 0x81-0x9F or 0xE0-0xFC, then
 *   a trail byte 0x40-0x7E or 0x80-0xFC; half-width katakana 0xA1-0xDF alone) and at least a
 *   quarter of them are leads 0x81-0x9F (kana and most kanji). In Windows-125x those bytes are
 *   rare punctuation (quotes, dashes), while German or Turkish letters (ü 0xFC, ß 0xDF) can
 *   happen to pair up like Shift_JIS.
 * - Windows-1254 when any of the six letters only Turkish writes is there: Ğ ğ İ ı Ş ş
 *   (0xD0 0xF0 0xDD 0xFD 0xDE 0xFE; in Windows-1252 Icelandic Ð ð Ý ý Þ þ); the two code
 *   pages agree on the other letters (ä ö ü ç ß).
 * - Windows-1252 otherwise.
 */
export function guessCodePage(bytes: Uint8Array): "windows-1252" | "windows-1254" | "shift_jis" {
  let high = 0;
  let sjisLeads = 0;
  let sjisValid = true;
  let turkish = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80) continue;
    high++;
    if (byte === 0xd0 || byte === 0xf0 || byte === 0xdd || byte === 0xfd || byte === 0xde || byte === 0xfe) turkish = true;
    if (!sjisValid) continue;
    if (byte >= 0xa1 && byte <= 0xdf) continue;
    if ((byte >= 0x81 && byte <= 0x9f) || (byte >= 0xe0 && byte <= 0xfc)) {
      const trail = bytes[i + 1];
      if (trail === undefined) break; // the sample ends between a character's two bytes
      if ((trail >= 0x40 && trail <= 0x7e) || (trail >= 0x80 && trail <= 0xfc)) {
        if (byte <= 0x9f) sjisLeads++;
        if (trail >= 0x80) high++;
        i++;
        continue;
      }
    }
    sjisValid = false;
  }
  if (sjisValid && high > 0 && sjisLeads * 4 >= high) return "shift_jis";
  return turkish ? "windows-1254" : "windows-1252";
}
