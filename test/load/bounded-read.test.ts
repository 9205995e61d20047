// readBounded: every byte of a regular file, whatever its size says, and never more than the limit.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBounded, ReadRefusal } from "../../src/load/bounded-read.js";

const dir = mkdtempSync(join(tmpdir(), "sla-read-"));
const file = (name: string, bytes: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const limits = (maxBytes: number) => ({ maxBytes, what: "sla-file" as const });

describe("readBounded", () => {
  it("reads an empty file as no bytes", () => {
    expect(readBounded(file("empty.yaml", ""), limits(10)).length).toBe(0);
  });

  it.each([1, 65_535, 65_536, 65_537, 200_001])("reads all of a file of %d bytes, and nothing more", (size) => {
    const bytes = Buffer.alloc(size, "ğ");
    const read = readBounded(file(`f${size}.yaml`, bytes), limits(1_000_000));
    expect(read.length).toBe(size);
    expect(read.equals(bytes)).toBe(true);
  });

  it("reads a file whose size says 0 to its end (/proc)", () => {
    const read = readBounded("/proc/self/status", limits(1_000_000)).toString("utf8");
    expect(read).toMatch(/^Name:/);
    expect(read).toContain("VmRSS:");
  });

  it("reads a file of size 0 that comes in many short reads, each after the one before (/proc)", () => {
    const read = readBounded("/proc/self/smaps", limits(10_000_000)).toString("utf8");
    expect(read.length).toBeGreaterThan(65_536);
    const lines = read.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.filter((line) => !/^([0-9a-f]+-[0-9a-f]+ |[A-Za-z_]+:)/.test(line))).toEqual([]);
  });

  it("reads a file at the limit, and refuses one byte more", () => {
    expect(readBounded(file("at.yaml", "a".repeat(100)), limits(100)).length).toBe(100);
    expect(() => readBounded(file("over.yaml", "a".repeat(101)), limits(100))).toThrow(ReadRefusal);
  });

  it("refuses a file of size 0 that holds more than the limit (/proc)", () => {
    expect(() => readBounded("/proc/self/status", limits(10))).toThrow(ReadRefusal);
  });
});
