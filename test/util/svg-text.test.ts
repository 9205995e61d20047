import { describe, expect, it } from "vitest";
import { escapeSvg, unescapeSvg } from "../../src/util/svg-text.js";

describe("SVG text", () => {
  it.each(["Umsatz & Gewinn <Q3>", `Müller's „Ziel“ "${"→"}" 売上 > 目標`, "Satışlar: %90 & üstü", "&amp; as written"])(
    "reads back what it wrote: %s",
    (text) => {
      const escaped = escapeSvg(text);
      expect(escaped).not.toMatch(/[<>"']|&(?!#\d+;)/);
      expect(unescapeSvg(escaped)).toBe(text);
    },
  );

  it("resolves the references another writer may use", () => {
    expect(unescapeSvg("&lt;b&gt; &quot;x&quot; &apos;y&apos; &#x2192; &#8594; &nbsp;")).toBe(`<b> "x" 'y' → → &nbsp;`);
  });
});
