// `--help` in the terminal's language: commands, options, arguments, examples and commander's
// own titles. English is held to what it printed before the help was worded from the catalogs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, sla } from "../helpers/cli.js";

const lang = (value: string) => ({ env: { LANG: value } });
const oneLine = (text: string) => text.replace(/\s+/g, " ");

describe("help in the user's language", () => {
  it.each(["sla", "validate", "diff", "init"])("keeps the English help of %s as it was", (command) => {
    const expected = readFileSync(join(ROOT, "test/cli/help-en", `${command}.txt`), "utf8");
    const result = sla(command === "sla" ? ["--help"] : [command, "--help"], lang("en_US.UTF-8"));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  const WORDED = {
    "de_DE.UTF-8": {
      sla: ["Verwendung:", "Befehle:", "Optionen:", "Hilfe zu einem Befehl anzeigen", "SLA-Dateien gegen das Schema und die Regeln prüfen"],
      validate: ["Verwendung:", "Argumente:", "Optionen:", "nur Fehler melden", "Ausgabeformat (Auswahl:", 'Standard: "stylish")', "Beispiele:", "Exit-Codes:"],
    },
    "tr_TR.UTF-8": {
      sla: ["Kullanım:", "Komutlar:", "Seçenekler:", "komut için yardımı göster", "SLA dosyalarını şemaya ve kurallara göre denetle"],
      validate: [
        "Kullanım:",
        "Argümanlar:",
        "Seçenekler:",
        "yalnızca hataları bildir",
        "çıktı biçimi (seçenekler:",
        'varsayılan: "stylish")',
        "Örnekler:",
        "Çıkış kodları:",
      ],
    },
    "ja_JP.UTF-8": {
      sla: ["使い方:", "コマンド:", "オプション:", "コマンドのヘルプを表示する", "SLA ファイルをスキーマとルールで検査する"],
      validate: ["使い方:", "引数:", "オプション:", "エラーだけを報告する", "出力形式 (選択肢:", '既定値: "stylish")', "例:", "終了コード:"],
    },
  } as const;

  describe.each(Object.entries(WORDED))("%s", (locale, expected) => {
    it("words `sla --help` and `sla validate --help`", () => {
      const top = sla(["--help"], lang(locale));
      expect(top.code).toBe(0);
      // Lines are wrapped at spaces: compared with each run of white space as one space.
      for (const text of expected.sla) expect(oneLine(top.stdout)).toContain(text);
      const validate = sla(["validate", "--help"], lang(locale));
      expect(validate.code).toBe(0);
      for (const text of expected.validate) expect(oneLine(validate.stdout)).toContain(text);
      expect(validate.stdout).not.toMatch(/Usage:|Options:|report errors only|display help for command/);
    });
  });

  it("follows --locale before the environment's language", () => {
    const result = sla(["validate", "--help", "--locale", "de"], lang("ja_JP.UTF-8"));
    expect(result.stdout).toContain("nur Fehler melden");
  });

  it("measures Japanese by its width on the terminal, so that no line runs past 80 columns", () => {
    const width = (line: string) =>
      [...line].reduce((sum, c) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c) ? 2 : 1), 0);
    const lines = sla(["render", "--help"], lang("ja_JP.UTF-8")).stdout.split("\n");
    expect(lines.filter((line) => width(line) > 80 && / /.test(line.trim()))).toEqual([]);
  });
});
