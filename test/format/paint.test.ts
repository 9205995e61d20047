// Colour: chalk for a coloured run, and a painter that leaves text alone for every other.
import { describe, expect, it } from "vitest";
import { loadPaint, NO_PAINT } from "../../src/format/paint.js";

describe("paint", () => {
  it("leaves text alone without colour, however the styles are chained", async () => {
    const paint = await loadPaint(false); // resolves: the painter is not taken for a promise
    expect(paint).toBe(NO_PAINT);
    expect(paint.red("x")).toBe("x");
    expect(paint.red.bold("✖ 2 errors")).toBe("✖ 2 errors");
    expect(paint.green.strikethrough("a", "b")).toBe("a b");
    expect(`${paint.dim("[rule]")}`).toBe("[rule]");
  });

  it("colours with ANSI codes when asked", async () => {
    const paint = await loadPaint(true);
    expect(paint.red("x")).toBe("\u001b[31mx\u001b[39m");
    expect(paint.yellow.bold("w")).toBe("\u001b[33m\u001b[1mw\u001b[22m\u001b[39m");
  });
});
