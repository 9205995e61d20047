import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { detectEncoding, guessCodePage, utf16ByNuls } from "../../src/report/ingest/encoding.js";
import { firstRecord, sniffDelimiter } from "../../src/report/ingest/header.js";

const scratch = mkdtempSync(join(tmpdir(), "sla-detect-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fileOf(name: string, bytes: Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

describe("detectEncoding", () => {
  const text = "Kimlik;Ad;Aşama\n1;Ayşe Yılmaz;İlgili\n2;Jürgen Weiß;Müşteri\n";

  it.each([
    ["UTF-8 with a byte order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), { encoding: "utf-8", bom: 3 }],
    ["UTF-8 without one", Buffer.from(text), { encoding: "utf-8", bom: 0 }],
    ["UTF-16 LE with a byte order mark", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]), { encoding: "utf-16le", bom: 2 }],
    ["UTF-16 BE with a byte order mark", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]), { encoding: "utf-16be", bom: 2 }],
    ["UTF-16 LE without one", iconv.encode(text, "utf-16le"), { encoding: "utf-16le", bom: 0 }],
    ["UTF-16 BE without one", iconv.encode(text, "utf-16be"), { encoding: "utf-16be", bom: 0 }],
    ["Windows-1254 (Turkish letters)", iconv.encode(text, "windows-1254"), { encoding: "windows-1254", bom: 0 }],
    ["Windows-1252 (German only)", iconv.encode("Name;Straße\nJürgen Weiß;Müllerstraße\n", "windows-1252"), { encoding: "windows-1252", bom: 0 }],
    ["Shift_JIS", iconv.encode("商談ID\tフェーズ\nJ-1\t受注\nJ-2\t失注（価格）\n", "shift_jis"), { encoding: "shift_jis", bom: 0 }],
  ])("%s", (_name, bytes, expected) => {
    expect(detectEncoding(fileOf("sample.csv", bytes))).toEqual(expected);
  });

  it("checks the whole file: one Turkish byte past the first megabyte is not UTF-8", () => {
    const bytes = Buffer.concat([Buffer.from("id,name\n" + "1,Ayse\n".repeat(300_000)), iconv.encode("2,Ayşe\n", "windows-1254")]);
    expect(detectEncoding(fileOf("long.csv", bytes)).encoding).toBe("windows-1254");
  });

  it("carries a character cut by a chunk's end over to the next", () => {
    // "ş" is two bytes; the padding puts its first byte last in the first megabyte.
    const padding = "x".repeat((1 << 20) - 1);
    expect(detectEncoding(fileOf("cut.csv", Buffer.from(`${padding}ş\n`))).encoding).toBe("utf-8");
  });
});

describe("guessCodePage and utf16ByNuls", () => {
  it("does not take German letters that pair up like Shift_JIS for Japanese", () => {
    // ü (0xFC) then a letter is a valid Shift_JIS pair; no lead byte 0x81-0x9F is there.
    expect(guessCodePage(iconv.encode("Müller;Düsseldorf;Größe", "windows-1252"))).toBe("windows-1252");
  });

  it("finds no UTF-16 in text without NUL bytes, or in too little of it", () => {
    expect(utf16ByNuls(Buffer.from("id,name\n"))).toBeUndefined();
    expect(utf16ByNuls(Buffer.from([0x41, 0x00]))).toBeUndefined();
  });
});

describe("the header line", () => {
  it.each([
    ["Record ID,Create Date,Lifecycle Stage", ","],
    ["Fırsat No;Aşama;Tutar", ";"],
    ["商談ID\tフェーズ\t金額", "\t"],
    ['"Amount; in EUR",Stage,Owner', ","],
    ["Only one column", ","],
  ] as const)("%j is separated by %j", (line, delimiter) => {
    expect(sniffDelimiter(`${line}\n1;2,3\t4\n`)).toBe(delimiter);
  });

  it("splits the first record, with quoted separators, quotes and line breaks", () => {
    expect(firstRecord('id,"Name, full","He said ""hi""","two\nlines"\n1,2,3,4\n', ",")).toEqual(["id", "Name, full", 'He said "hi"', "two\nlines"]);
  });
});
