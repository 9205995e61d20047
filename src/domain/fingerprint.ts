// The fingerprint of an agreement: a SHA-256 over its content in canonical form (keys
// sorted, no formatting), so comments, key order and indentation do not change it, and
// any change of content does. A signed copy carries it; `sla verify` matches a file to it.
import { createHash } from "node:crypto";
import { pdfInfoString } from "./pdf-info.js";

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** `sha256:` and 64 hex digits. */
export function fingerprint(data: unknown): string {
  return `sha256:${createHash("sha256").update(canonicalJson(data), "utf8").digest("hex")}`;
}

const FINGERPRINT = /^sha256:[0-9a-f]{64}$/;
/** Where the Markdown template puts it: a comment alone on its line. */
const MARKDOWN_MARKER = /^<!-- sla-fingerprint:(sha256:[0-9a-f]{64}) -->\r?$/m;
/** Where the HTML template puts it: a meta element. */
const HTML_MARKER = /<meta name="sla-fingerprint" content="(sha256:[0-9a-f]{64})">/;

/**
 * Finds the fingerprint in a rendered document, only where `sla render` puts it: the PDF's
 * document information entry `SlaFingerprint` (read through the PDF's structure, not by
 * searching its bytes, which hold the title and other text of the agreement), the HTML
 * `<meta name="sla-fingerprint">` element, or the Markdown comment on a line of its own.
 * The agreement's text cannot take either of the last two forms, as both writers escape `<`.
 */
export function findFingerprint(document: Uint8Array | string): string | undefined {
  const text = typeof document === "string" ? document : Buffer.from(document).toString("latin1");
  if (text.startsWith("%PDF-")) {
    const found = pdfInfoString(text, "SlaFingerprint");
    return found !== undefined && FINGERPRINT.test(found) ? found : undefined;
  }
  const marker = /^\s*(?:<!DOCTYPE html|<html)/i.test(text) ? HTML_MARKER : MARKDOWN_MARKER;
  return marker.exec(text)?.[1];
}
