// Text inside an SVG: the report's charts write it escaped and the PDF writer reads it back to
// lay it out in fonts that have its glyphs, so the two directions live together.

/** Text for an SVG element's content or an attribute value. */
export function escapeSvg(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The text an SVG element holds, its references resolved (the five named ones and numeric ones). */
export function unescapeSvg(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) =>
    ref.startsWith("#") ? String.fromCodePoint(ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))) : (named[ref] ?? whole),
  );
}
