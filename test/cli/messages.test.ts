// What the command line itself says (usage and I/O errors, commander's errors, the summary
// line, verify, init, render and cache messages) in the user's language, and the message ids
// machine formats carry. Wording is asserted in a few snapshots per language; the rest by id.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError, SourceError } from "../../src/errors.js";
import { message } from "../../src/i18n/message.js";
import { localeFromArguments } from "../../src/cli/locale.js";
import { EXAMPLE, exampleWithoutOwner, sla, tempDir } from "../helpers/cli.js";

const lang = (value: string) => ({ env: { LANG: value } });

function binaryFile(dir: string): string {
  const file = join(dir, "binary.yaml");
  writeFileSync(file, Buffer.from([0x61, 0, 0x62]));
  return file;
}

describe("the command line in the user's language", () => {
  // One snapshot per language and kind: a usage error, an I/O error, the summary line, an unknown option.
  const WORDING = {
    "tr_TR.UTF-8": {
      usage: "sla: --max-warnings: `x` bir tam sayı değil\n",
      missing: "sla: nope.yaml: böyle bir dosya ya da dizin yok\n",
      valid: "✔ 1 dosya geçerli\n",
      errors: "✖ 1/2 dosyada 1 hata",
      unknownOption: "sla: bilinmeyen seçenek '--bogus'\n(kullanım için `sla --help` çalıştırın)\n",
    },
    "de_DE.UTF-8": {
      usage: "sla: --max-warnings: `x` ist keine ganze Zahl\n",
      missing: "sla: nope.yaml: Datei oder Verzeichnis nicht gefunden\n",
      valid: "✔ 1 Datei gültig\n",
      errors: "✖ 1 Fehler in 1 von 2 Dateien",
      unknownOption: "sla: unbekannte Option '--bogus'\n(`sla --help` zeigt die Verwendung)\n",
    },
    "ja_JP.UTF-8": {
      usage: "sla: --max-warnings: `x` は整数ではありません\n",
      missing: "sla: nope.yaml: ファイルまたはディレクトリがありません\n",
      valid: "✔ 1 件のファイルが有効です\n",
      errors: "✖ 2 件中 1 件のファイルでエラー 1 件",
      unknownOption: "sla: 不明なオプション '--bogus' です\n（使い方は `sla --help` で確認できます）\n",
    },
    C: {
      usage: "sla: --max-warnings: `x` is not a whole number\n",
      missing: "sla: nope.yaml: no such file or directory\n",
      valid: "✔ 1 file valid\n",
      errors: "✖ 1 error in 1 of 2 files",
      unknownOption: "sla: unknown option '--bogus'\n(run `sla --help` for usage)\n",
    },
  } as const;

  describe.each(Object.entries(WORDING))("LANG=%s", (locale, wording) => {
    it("a usage error", () => {
      expect(sla(["validate", "--max-warnings", "x", EXAMPLE], lang(locale))).toMatchObject({ code: 2, stdout: "", stderr: wording.usage });
    });

    it("an I/O error: a file that is not there", () => {
      expect(sla(["validate", "nope.yaml"], lang(locale))).toMatchObject({ code: 2, stdout: "", stderr: wording.missing });
    });

    it("the summary line", () => {
      expect(sla(["validate", EXAMPLE], lang(locale)).stdout).toBe(wording.valid);
      const dir = tempDir();
      const result = sla(["validate", exampleWithoutOwner(dir), EXAMPLE], lang(locale));
      expect(result.code).toBe(1);
      expect(result.stdout.trimEnd().split("\n").at(-1)).toBe(wording.errors);
    });

    it("an unknown option", () => {
      expect(sla(["validate", "--bogus"], lang(locale))).toMatchObject({ code: 2, stdout: "", stderr: wording.unknownOption });
    });
  });

  it("commander's other errors: a missing argument, a value not among the choices, too many arguments, an unknown command, an option without its value", () => {
    const de = lang("de_DE.UTF-8");
    expect(sla(["verify", EXAMPLE], de).stderr).toBe("sla: erforderliches Argument 'document' fehlt\n(`sla --help` zeigt die Verwendung)\n");
    expect(sla(["validate", "-f", "xml", EXAMPLE], de).stderr).toMatch(
      /^sla: Option '-f, --format <format>': 'xml' ist kein gültiger Wert\. Erlaubt sind stylish, json, github, sarif, junit\.\n/,
    );
    expect(sla(["schema", "extra"], lang("ja_JP.UTF-8")).stderr).toMatch(/^sla: 'schema' の引数が多すぎます。0 個のところ 1 個指定されました。\n/);
    expect(sla(["validate", "--formt", "json"], lang("tr_TR.UTF-8")).stderr).toContain("(Şunu mu demek istediniz: --format?)");
    expect(sla(["valdate"], lang("tr_TR.UTF-8")).stderr).toBe(
      "sla: bilinmeyen komut 'valdate'\n(Şunu mu demek istediniz: validate?)\n(kullanım için `sla --help` çalıştırın)\n",
    );
    expect(sla(["validate", "-f"], lang("ja_JP.UTF-8")).stderr).toMatch(/^sla: オプション '-f, --format <format>' の値がありません\n/);
  });

  it("counts follow the language's plural rules", () => {
    const dir = tempDir();
    const one = exampleWithoutOwner(dir);
    expect(sla(["validate", one], lang("de_DE.UTF-8")).stdout).toContain("✖ 1 Fehler in 1 Datei\n");
    expect(sla(["validate", one]).stdout).toContain("✖ 1 error in 1 file\n");
    expect(sla(["validate", one], lang("ja_JP.UTF-8")).stdout).toContain("✖ 1 件のファイルでエラー 1 件\n");
  });

  it("--locale on every command decides, over the environment", () => {
    const tr = lang("tr_TR.UTF-8");
    expect(sla(["validate", "--locale", "ja", "nope.yaml"], tr).stderr).toBe("sla: nope.yaml: ファイルまたはディレクトリがありません\n");
    expect(sla(["fingerprint", "--locale", "de", "nope.yaml"], tr).stderr).toBe("sla: nope.yaml: Datei nicht gefunden\n");
    expect(sla(["verify", "--locale", "en", EXAMPLE, "nope.pdf"], tr).stderr).toBe("sla: nope.pdf: no such file\n");
    expect(sla(["completion", "--locale", "ja", "tcsh"], tr).stderr).toBe(
      "sla: completion: `tcsh` には対応していません。bash, zsh, fish のいずれかを使ってください\n",
    );
    for (const command of [["schema"], ["rules"], ["completion", "bash"]]) expect(sla([...command, "--locale", "tr"]).code).toBe(0);
    const dir = tempDir();
    expect(sla(["init", "--locale", "de", "sla.yaml"], { cwd: dir }).stdout).toBe(
      "sla.yaml und sla.schema.json erstellt. Datei bearbeiten, dann ausführen: sla validate sla.yaml\n",
    );
    expect(sla(["init", "sla.yaml"], { cwd: dir, ...tr }).stderr).toBe("sla: sla.yaml zaten var; üzerine yazmak için --force kullanın\n");
  });

  it("a malformed or unknown --locale is a usage error in the environment's language, on any command", () => {
    expect(sla(["verify", "--locale", "de_DE!", EXAMPLE, "x.pdf"], lang("ja_JP.UTF-8"))).toMatchObject({
      code: 2,
      stderr: "sla: --locale: `de_DE!` は言語タグではありません（例: en、de-DE、tr、ja）\n",
    });
    expect(sla(["schema", "--locale", "fr"], lang("de_DE.UTF-8"))).toMatchObject({
      code: 2,
      stderr: "sla: --locale: sla spricht kein `fr`; eine dieser Sprachen wählen: en, de, tr, ja\n",
    });
    expect(sla(["rules", "--locale", "fr"])).toMatchObject({ code: 2, stderr: "sla: --locale: sla does not speak `fr`; choose one of en, de, tr, ja\n" });
  });

  it("render's --locale is the document's language, and its terminal messages' when sla speaks it", () => {
    const dir = tempDir();
    const invalid = join(dir, "bad.yaml");
    writeFileSync(invalid, readFileSync(EXAMPLE, "utf8").replace(/^agreement:/m, "agreement:\n  bogus: 1"));
    expect(sla(["render", "--locale", "de", invalid], lang("ja_JP.UTF-8")).stderr).toContain(`sla: ${invalid} ist nicht gültig; es wurde nichts erzeugt\n`);
    expect(sla(["render", invalid], lang("tr_TR.UTF-8")).stderr).toContain(`sla: ${invalid} geçerli değil; hiçbir şey oluşturulmadı\n`);
    // A document in French: its terminal messages follow the environment.
    const out = join(dir, "agreement.md");
    const result = sla(["render", "--locale", "fr", "-o", out, EXAMPLE], lang("ja_JP.UTF-8"));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("sla: 警告: `fr` の組み込みラベルがありません");
    expect(result.stderr).toContain(`${out} を書き出しました\n`);
  });

  it("verify says whether the document matches, in the user's language", () => {
    const dir = tempDir();
    const document = join(dir, "agreement.md");
    expect(sla(["render", "-o", document, EXAMPLE]).code).toBe(0);
    const ok = sla(["verify", EXAMPLE, document], lang("de_DE.UTF-8"));
    expect(ok.stdout).toMatch(/^✔ .* wurde aus .* erstellt \(sha256:[0-9a-f]{64}\)\n$/);
    const other = exampleWithoutOwner(tempDir());
    const differs = sla(["verify", other, document], lang("ja_JP.UTF-8"));
    expect(differs.code).toBe(1);
    expect(differs.stdout).toMatch(
      /^✖ .* は現在の .* から作成されたものではありません\n {2}文書: {5}sha256:[0-9a-f]{64}\n {2}ファイル: sha256:[0-9a-f]{64}\n$/,
    );
  });
});

describe("machine formats carry the message id of what the command line says", () => {
  it("JSON: an unreadable file's finding", () => {
    const dir = tempDir();
    const result = sla(["validate", "-f", "json", binaryFile(dir)], lang("tr_TR.UTF-8"));
    expect(result.code).toBe(2);
    const finding = JSON.parse(result.stdout).files[0].findings[0];
    expect(finding).toMatchObject({ ruleId: "file/unreadable", messageId: "cli/source.binary", args: {}, message: "dosya ikili (binary), YAML metni değil" });
  });

  it("SARIF: messageId and args in the result's properties", () => {
    const dir = tempDir();
    const result = sla(["validate", "-f", "sarif", "--locale", "de", exampleWithoutOwner(dir), binaryFile(dir)]);
    const results = JSON.parse(result.stdout).runs[0].results as { ruleId: string; properties?: unknown; message: { text: string } }[];
    expect(results.find((r) => r.ruleId === "stages/missing-owner")).toMatchObject({
      properties: { messageId: "stages/missing-owner", args: { stage: "subscriber" }, hintId: "stages/missing-owner.hint", hintArgs: {} },
    });
    expect(results.find((r) => r.ruleId === "file/unreadable")).toMatchObject({
      properties: { messageId: "cli/source.binary", args: {} },
      message: { text: "Datei ist binär, kein YAML-Text" },
    });
  });

  it("JUnit: messageId and args as test-case properties", () => {
    const dir = tempDir();
    const result = sla(["validate", "-f", "junit", exampleWithoutOwner(dir), binaryFile(dir)]);
    expect(result.stdout).toContain('<property name="messageId" value="stages/missing-owner"/>');
    expect(result.stdout).toContain('<property name="args" value="{&quot;stage&quot;:&quot;subscriber&quot;}"/>');
    expect(result.stdout).toContain('<property name="hintId" value="stages/missing-owner.hint"/>');
    expect(result.stdout).toContain('<property name="messageId" value="cli/source.binary"/>');
  });
});

describe("the error classes", () => {
  it("carry the message id and arguments, and the English wording as .message", () => {
    const error = new UsageError(message("cli/init.exists", { file: "sla.yaml" }));
    expect(error).toMatchObject({ messageId: "cli/init.exists", args: { file: "sla.yaml" }, message: "sla.yaml already exists; use --force to overwrite it" });
    const nested = new SourceError("x.yaml", message("cli/write.failed", { file: "x.yaml", reason: message("cli/io.no-space") }));
    expect(nested.message).toBe("cannot write x.yaml: no space left on device");
    expect(nested.said).toEqual({ id: "cli/write.failed", args: { file: "x.yaml", reason: { id: "cli/io.no-space" } } });
  });

  it("a plain string stays as it is in every language", () => {
    expect(new UsageError("as written")).toMatchObject({ messageId: "cli/text", args: { text: "as written" }, message: "as written" });
  });
});

describe("the terminal's locale from the arguments", () => {
  it.each([
    [["validate", "--locale", "ja"], "ja"],
    [["validate", "--locale=tr-TR", "x"], "tr-TR"],
    [["render", "--locale", "de", "--locale", "tr"], "tr"],
    [["render", "--locale", "fr"], undefined],
    [["diff", "a", "--", "--locale", "de"], undefined],
    [["validate", "--locale", "de_DE!"], undefined],
    [["validate", "--locale"], undefined],
  ])("%j → %s", (args, locale) => {
    expect(localeFromArguments(args)).toBe(locale);
  });
});
