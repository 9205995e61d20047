// Reading `.slarc.yaml`: the YAML itself, before the rule settings in it.
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/errors.js";
import { parseConfig } from "../../src/validate/config.js";

function refusal(text: string): unknown {
  try {
    parseConfig(".slarc.yaml", text);
  } catch (error) {
    return error;
  }
  throw new Error("expected the configuration to be refused");
}

/** Each level repeats the one before ten times: 10^13 items once expanded. */
function aliasBomb(levels = 12): string {
  const lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(", ")}]`,
    );
  return lines.join("\n") + "\n";
}

describe("parseConfig", () => {
  it.each([
    ["YAML", "rules:\n  period/length: off\n"],
    ["JSON", '{"rules": {"period/length": "off"}}'],
  ])("reads settings written as %s", (_name, text) => {
    expect(parseConfig(".slarc.yaml", text)).toEqual({ rules: { "period/length": "off" } });
  });

  it("takes an empty file for no settings", () => {
    expect(parseConfig(".slarc.yaml", "# nothing yet\n")).toEqual({ rules: {} });
  });

  it.each([
    ["broken YAML", "rules:\n  period/length: [off\n", /^not valid YAML: .*flow sequence/i, ".slarc.yaml:3:1"],
    ["a rule set twice", "rules:\n  period/length: off\n  period/length: error\n", /^not valid YAML: map keys must be unique$/, ".slarc.yaml:3:3"],
    ["an alias bomb", aliasBomb(), /^too many alias expansions/, ".slarc.yaml"],
    [
      "a misspelt rule",
      "rules:\n  period/length: off\n  period/lenght: off\n",
      /^unknown rule `period\/lenght`; did you mean `period\/length`\?$/,
      ".slarc.yaml:3:3",
    ],
    ["a quoted rule with a bad setting", 'rules:\n  "period/length": loud\n', /^rule `period\/length`: `loud` is not a setting/, ".slarc.yaml:2:3"],
    ["an unknown key", "rule:\n  period/length: off\n", /^unknown key `rule`; the only key is `rules`$/, ".slarc.yaml:1:1"],
    ["a misspelt rule after a byte order mark", "\uFEFFrules:\n  period/lenght: off\n", /^unknown rule/, ".slarc.yaml:2:3"],
  ])("refuses %s with a ConfigError naming the file and the place", (_name, text, message, place) => {
    const error = refusal(text);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ file: ".slarc.yaml", place, message: expect.stringMatching(message) });
  });
});
