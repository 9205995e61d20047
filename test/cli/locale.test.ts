import { describe, expect, it } from "vitest";
import { EXAMPLE, exampleWithoutOwner, sla } from "../helpers/cli.js";

describe("findings in the user's language", () => {
  it.each([
    ["de_DE.UTF-8", "Lebenszyklusphase `subscriber` hat keinen `owner`"],
    ["tr_TR.UTF-8", "`subscriber` yaşam döngüsü aşamasının `owner` alanı yok"],
    ["ja_JP.UTF-8", "ライフサイクルステージ `subscriber` に `owner` がありません"],
    ["fr_FR.UTF-8", "lifecycle stage `subscriber` has no `owner`"],
    ["C", "lifecycle stage `subscriber` has no `owner`"],
  ])("LANG=%s", (lang, wording) => {
    const result = sla(["validate", exampleWithoutOwner()], { env: { LANG: lang } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`error[stages/missing-owner]: ${wording}`);
  });

  it("--locale wins over the environment, and LC_ALL over LANG", () => {
    const file = exampleWithoutOwner();
    expect(sla(["validate", "--locale", "ja", file], { env: { LC_ALL: "de_DE.UTF-8" } }).stdout).toContain("ライフサイクルステージ");
    expect(sla(["validate", file], { env: { LC_ALL: "tr_TR.UTF-8", LANG: "de_DE.UTF-8" } }).stdout).toContain("yaşam döngüsü");
  });

  it("JSON carries the message id and its arguments beside the wording", () => {
    const result = sla(["validate", "--locale", "tr", "-f", "json", exampleWithoutOwner()]);
    const finding = JSON.parse(result.stdout).files[0].findings.find((f: { ruleId: string }) => f.ruleId === "stages/missing-owner");
    expect(finding).toMatchObject({
      messageId: "stages/missing-owner",
      args: { stage: "subscriber" },
      message: "`subscriber` yaşam döngüsü aşamasının `owner` alanı yok",
      hintId: "stages/missing-owner.hint",
      hintArgs: {},
    });
  });

  it.each([
    ["fr", "sla: --locale: sla does not speak `fr`; choose one of en, de, tr, ja\n"],
    ["de_DE!", "sla: --locale: `de_DE!` is not a language tag (e.g. en, de-DE, tr, ja)\n"],
  ])("--locale %s is a usage error", (locale, stderr) => {
    const result = sla(["validate", "--locale", locale, EXAMPLE]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toBe(stderr);
  });
});
