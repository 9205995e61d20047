// The fingerprint of an agreement: a SHA-256 over its content in canonical form (keys
// sorted, no formatting), so comments, key order and indentation do not change it, and
// any change of content does. A signed copy carries it; `sla verify` matches a file to it.
import { createHash } from "node:crypto";

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

/** Finds a fingerprint in a rendered document (Markdown, HTML or PDF bytes). */
export function findFingerprint(document: Uint8Array | string): string | undefined {
  const text = typeof document === "string" ? document : Buffer.from(document).toString("latin1");
  // Markdown: `<!-- sla-fingerprint:sha256:… -->`; HTML: `<meta name="sla-fingerprint" content="sha256:…">`;
  // PDF: the document information entry `/SlaFingerprint (sha256:…)`.
  return /(?:sla-fingerprint|SlaFingerprint)(?:[\s:("'=]|content)*(sha256:[0-9a-f]{64})/.exec(text)?.[1];
}
