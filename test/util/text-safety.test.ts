import { describe, expect, it } from "vitest";
import { markdownBlock, markdownInline } from "../../src/util/markdown-text.js";
import { jsonVisible, noWorkflowCommands, terminalText, visible, visibleLines } from "../../src/util/visible.js";

describe("visible", () => {
  it.each([
    ["a\x1b[2Jb", "a\\u001b[2Jb"],
    ["title\x1b]0;x\x07", "title\\u001b]0;x\\u0007"],
    ["line\r\nnext", "line\\r\\nnext"],
    ["tab\tkept", "tab\tkept"],
    ["\x7f\x9b\u202eabc\u2066", "\\u007f\\u009b\\u202eabc\\u2066"],
    ["Satış 営業 ü", "Satış 営業 ü"],
  ])("%j → %j", (input, shown) => expect(visible(input)).toBe(shown));

  it("keeps meant line breaks, JSON escapes and colours, and breaks workflow commands", () => {
    expect(visibleLines("a\n\x1bb")).toBe("a\n\\u001bb");
    expect(JSON.parse(jsonVisible(JSON.stringify("\u202e\x9b")))).toBe("\u202e\x9b");
    expect(jsonVisible(JSON.stringify("\u202e"))).toBe('"\\u202e"');
    expect(terminalText("\x1b[31mred\x1b[39m \x1b[2J\n::error::x\n  ::warning::y")).toBe("\x1b[31mred\x1b[39m \\u001b[2J\n\\::error::x\n  \\::warning::y");
    expect(noWorkflowCommands("a ::b\n::c", "entity")).toBe("a ::b\n&#58;:c");
  });

  it("breaks the older form of workflow command anywhere in a line, and a `::` after any white space", () => {
    expect(noWorkflowCommands("a ##[error]x ###[warning]y", "backslash")).toBe("a ##\\[error]x ###\\[warning]y");
    expect(noWorkflowCommands("<title>##[error]x</title>", "entity")).toBe("<title>##&#91;error]x</title>");
    expect(terminalText("sla: ##[error]x\n")).toBe("sla: ##\\[error]x\n");
    expect(noWorkflowCommands("\u00a0::error::x\n\u3000 ::warning::y", "backslash")).toBe("\u00a0\\::error::x\n\u3000 \\::warning::y");
    const json = jsonVisible(JSON.stringify({ message: "a ##[error]x ###[y" }, null, 2));
    expect(json).not.toContain("##[");
    expect(JSON.parse(json)).toEqual({ message: "a ##[error]x ###[y" });
  });
});

describe("markdownInline and markdownBlock", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["<!-- hide", "&lt;!-- hide"],
    ["R&D &amp; &#60;", "R&D &amp;amp; &amp;#60;"],
    ["# a\n## b", "\\# a ## b"],
    ["1. x", "1\\. x"],
    ["- x", "\\- x"],
    ["-5 and +3", "-5 and +3"],
    ["[l](u) `c` *e* _u_ ~s~ a|b \\", "\\[l\\](u) \\`c\\` \\*e\\* \\_u\\_ \\~s\\~ a\\|b \\\\"],
    [" keeps ends ", " keeps ends "],
  ])("inline %j → %j", (input, text) => expect(markdownInline(input)).toBe(text));

  it("keeps a block's paragraphs, each line unindented and escaped", () => {
    expect(markdownBlock("First.\n\n\n    code?\n# head\n===\n::error::x\n")).toBe("First.\n\ncode?\n\\# head\n\\===\n\\::error::x");
  });

  it("leaves formatted values' leading digits alone when asked", () => {
    expect(markdownInline("1. Juli 2026", { atLineStart: false })).toBe("1. Juli 2026");
  });
});
