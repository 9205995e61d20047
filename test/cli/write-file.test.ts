// The one writer behind every file sla writes, driven through its file-system seam: a short
// write and a full disk are what a nearly full disk does, and cannot be had on demand here.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { NODE_WRITE_SYSTEM, writeFileAtomic, type WriteSystem } from "../../src/cli/write-file.js";
import { UsageError } from "../../src/errors.js";
import { ROOT, tempDir } from "../helpers/cli.js";

const CONTENT = Buffer.from("The new agreement, long enough to take several short writes.\n".repeat(50));

function enospc(): Error {
  return Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
}

/** Node's calls, with `write` replaced; records every call by name. */
function withWrite(write: WriteSystem["write"], calls: string[] = []): WriteSystem {
  const system = { ...NODE_WRITE_SYSTEM, write };
  return Object.fromEntries(
    Object.entries(system).map(([name, call]) => [name, (...args: unknown[]) => (calls.push(name), (call as (...a: unknown[]) => unknown)(...args))]),
  ) as unknown as WriteSystem;
}

function existing(dir: string, content = "the old agreement\n"): string {
  const file = join(dir, "agreement.md");
  writeFileSync(file, content);
  return file;
}

describe("writeFileAtomic: all bytes or nothing", () => {
  it("writes the rest again when the system takes fewer bytes than asked", () => {
    const dir = tempDir();
    const file = existing(dir);
    writeFileAtomic(file, CONTENT, withWrite((fd, bytes, offset, length) => NODE_WRITE_SYSTEM.write(fd, bytes, offset, Math.min(length, 7))));
    expect(readFileSync(file)).toEqual(CONTENT);
    expect(readdirSync(dir)).toEqual(["agreement.md"]);
  });

  it("on a full disk: a UsageError naming the file, the old file untouched, no temporary file left", () => {
    const dir = tempDir();
    const file = existing(dir);
    let calls = 0;
    // As a disk fills: the first write is short, the next finds no space at all.
    const full = withWrite((fd, bytes, offset, length) => {
      if (++calls > 1) throw enospc();
      return NODE_WRITE_SYSTEM.write(fd, bytes, offset, Math.min(length, 100));
    });
    const error = thrown(() => writeFileAtomic(file, CONTENT, full));
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ messageId: "cli/write.failed-unchanged", args: { file, reason: { id: "cli/io.no-space" } } });
    expect((error as Error).message).toBe(`cannot write ${file}: no space left on device; ${file} is unchanged`);
    expect(readFileSync(file, "utf8")).toBe("the old agreement\n");
    expect(readdirSync(dir)).toEqual(["agreement.md"]);
  });

  it("a system that takes no bytes at all is an error, not an endless loop", () => {
    const dir = tempDir();
    const file = existing(dir);
    expect(() => writeFileAtomic(file, CONTENT, withWrite(() => 0))).toThrow(`cannot write ${file}: the file system took no more bytes; ${file} is unchanged`);
    expect(readdirSync(dir)).toEqual(["agreement.md"]);
  });

  it("writes every byte, flushes them to the disk, and only then renames", () => {
    const dir = tempDir();
    const calls: string[] = [];
    writeFileAtomic(join(dir, "new.md"), CONTENT, withWrite(NODE_WRITE_SYSTEM.write, calls));
    const order = calls.filter((name) => name !== "randomName");
    expect(order).toEqual(["open", "write", "fsync", "close", "rename"]);
    expect(readFileSync(join(dir, "new.md"))).toEqual(CONTENT);
  });
});

describe("writeFileAtomic: the temporary file", () => {
  it("has a name nobody can guess, different on every write", () => {
    const dir = tempDir();
    const names: string[] = [];
    const system: WriteSystem = { ...NODE_WRITE_SYSTEM, open: (path, flags, mode) => (names.push(path), NODE_WRITE_SYSTEM.open(path, flags, mode)) };
    writeFileAtomic(join(dir, "a.md"), "one", system);
    writeFileAtomic(join(dir, "a.md"), "two", system);
    expect(names).toHaveLength(2);
    expect(names[0]).not.toBe(names[1]);
    for (const name of names) {
      expect(name).toMatch(/\/\.a\.md\.[A-Za-z0-9_-]{16}\.tmp$/);
      expect(name).not.toContain(String(process.pid));
    }
  });

  it("is never created through a link planted at its name, nor at the name a process id would give", () => {
    const dir = tempDir();
    const outside = join(tempDir(), "someone-else.txt");
    writeFileSync(outside, "not yours\n");
    const file = existing(dir);
    // Where a predictable name would be, and where this write's name will be.
    symlinkSync(outside, join(dir, `.agreement.md.${process.pid}.tmp`));
    symlinkSync(outside, join(dir, ".agreement.md.planted.tmp"));
    const system: WriteSystem = { ...NODE_WRITE_SYSTEM, randomName: () => "planted" };
    expect(() => writeFileAtomic(file, CONTENT, system)).toThrow(
      `cannot write ${file}: something already exists at its temporary name ${join(dir, ".agreement.md.planted.tmp")}; it was left alone`,
    );
    expect(readFileSync(outside, "utf8")).toBe("not yours\n");
    expect(readFileSync(file, "utf8")).toBe("the old agreement\n");
    expect(readdirSync(dir).sort()).toEqual([`.agreement.md.${process.pid}.tmp`, ".agreement.md.planted.tmp", "agreement.md"]);
    // With a name of its own, the write goes where it should and the links stay as they were.
    writeFileAtomic(file, CONTENT);
    expect(readFileSync(file)).toEqual(CONTENT);
    expect(readFileSync(outside, "utf8")).toBe("not yours\n");
  });

  it("a signal arriving mid-write waits until the file is whole, and leaves no temporary file", () => {
    const dir = tempDir();
    const file = existing(dir);
    // A process of its own, as the signal's default action ends the process that gets it.
    const script = `
      const { writeFileAtomic, NODE_WRITE_SYSTEM } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "dist/cli/write-file.js")).href)});
      const interrupted = { ...NODE_WRITE_SYSTEM, write(fd, bytes, offset, length) {
        process.kill(process.pid, process.argv[1]);
        return NODE_WRITE_SYSTEM.write(fd, bytes, offset, Math.min(length, 10));
      } };
      writeFileAtomic(${JSON.stringify(file)}, "x".repeat(100));
      writeFileAtomic(${JSON.stringify(file)}, "y".repeat(100), interrupted);
      // The process carries on (the CLI would print its report), and the signal ends it.
      setTimeout(() => process.stdout.write("not ended by the signal"), 1000);
    `;
    // Ended by the signal itself, so that a shell sees 143 or 130 as usual.
    for (const signal of ["SIGTERM", "SIGINT"]) {
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", script, signal], { encoding: "utf8" });
      expect({ signal: child.signal, stdout: child.stdout, stderr: child.stderr }).toEqual({ signal, stdout: "", stderr: "" });
      expect(readdirSync(dir)).toEqual(["agreement.md"]);
      expect(readFileSync(file, "utf8")).toBe("y".repeat(100));
    }
  });
});

describe("writeFileAtomic: the replaced file's mode and owner", () => {
  it("keeps a private file private", () => {
    const dir = tempDir();
    const file = existing(dir);
    chmodSync(file, 0o600);
    writeFileAtomic(file, CONTENT);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o640);
    writeFileAtomic(file, CONTENT);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it("gives a new file the usual mode", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "sub"));
    writeFileAtomic(join(dir, "sub/new.md"), CONTENT);
    const umask = process.umask();
    expect(statSync(join(dir, "sub/new.md")).mode & 0o777).toBe(0o666 & ~umask);
  });

  it.skipIf(process.getuid?.() !== 0)("keeps the owner, where the system allows it (root)", () => {
    const dir = tempDir();
    const file = existing(dir);
    chownSync(file, 1234, 1235);
    writeFileAtomic(file, CONTENT);
    expect(statSync(file)).toMatchObject({ uid: 1234, gid: 1235 });
  });
});

function thrown(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}
