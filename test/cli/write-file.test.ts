// The one writer behind every file sla writes, driven through its file-system seam: a short
// write and a full disk are what a nearly full disk does, and cannot be had on demand here.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { NODE_WRITE_SYSTEM, writeFileAtomic, type WriteSystem } from "../../src/cli/write-file.js";
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
  it("writes the rest again when the system takes fewer bytes than asked", async () => {
    const dir = tempDir();
    const file = existing(dir);
    await writeFileAtomic(
      file,
      CONTENT,
      withWrite((fd, bytes, offset, length) => NODE_WRITE_SYSTEM.write(fd, bytes, offset, Math.min(length, 7))),
    );
    expect(readFileSync(file)).toEqual(CONTENT);
    expect(readdirSync(dir)).toEqual(["agreement.md"]);
  });

  it("on a full disk: a UsageError naming the file, the old file untouched, no temporary file left", async () => {
    const dir = tempDir();
    const file = existing(dir);
    let calls = 0;
    // As a disk fills: the first write is short, the next finds no space at all.
    const full = withWrite((fd, bytes, offset, length) => {
      if (++calls > 1) throw enospc();
      return NODE_WRITE_SYSTEM.write(fd, bytes, offset, Math.min(length, 100));
    });
    await expect(writeFileAtomic(file, CONTENT, full)).rejects.toMatchObject({
      name: "UsageError",
      message: `cannot write ${file}: no space left on device; ${file} is unchanged`,
      messageId: "cli/write.failed-unchanged",
      args: { file, reason: { id: "cli/io.no-space" } },
    });
    expect(readFileSync(file, "utf8")).toBe("the old agreement\n");
    expect(readdirSync(dir)).toEqual(["agreement.md"]);
  });

  it("a system that takes no bytes at all is an error, not an endless loop", async () => {
    const dir = tempDir();
    const file = existing(dir);
    await expect(
      writeFileAtomic(
        file,
        CONTENT,
        withWrite(() => 0),
      ),
    ).rejects.toThrow(`cannot write ${file}: the file system took no more bytes; ${file} is unchanged`);
    expect(readdirSync(dir)).toEqual(["agreement.md"]);
  });

  it("writes every byte, flushes them to the disk, and only then renames", async () => {
    const dir = tempDir();
    const calls: string[] = [];
    await writeFileAtomic(join(dir, "new.md"), CONTENT, withWrite(NODE_WRITE_SYSTEM.write, calls));
    const order = calls.filter((name) => name !== "randomName");
    expect(order).toEqual(["open", "write", "fsync", "close", "rename"]);
    expect(readFileSync(join(dir, "new.md"))).toEqual(CONTENT);
  });
});

describe("writeFileAtomic: the temporary file", () => {
  it("has a name nobody can guess, different on every write", async () => {
    const dir = tempDir();
    const names: string[] = [];
    const system: WriteSystem = { ...NODE_WRITE_SYSTEM, open: (path, flags, mode) => (names.push(path), NODE_WRITE_SYSTEM.open(path, flags, mode)) };
    await writeFileAtomic(join(dir, "a.md"), "one", system);
    await writeFileAtomic(join(dir, "a.md"), "two", system);
    expect(names).toHaveLength(2);
    expect(names[0]).not.toBe(names[1]);
    for (const name of names) {
      expect(name).toMatch(/\/\.a\.md\.[A-Za-z0-9_-]{16}\.tmp$/);
      expect(name).not.toContain(String(process.pid));
    }
  });

  it("is never created through a link planted at its name, nor at the name a process id would give", async () => {
    const dir = tempDir();
    const outside = join(tempDir(), "someone-else.txt");
    writeFileSync(outside, "not yours\n");
    const file = existing(dir);
    // Where a predictable name would be, and where this write's name will be.
    symlinkSync(outside, join(dir, `.agreement.md.${process.pid}.tmp`));
    symlinkSync(outside, join(dir, ".agreement.md.planted.tmp"));
    const system: WriteSystem = { ...NODE_WRITE_SYSTEM, randomName: () => "planted" };
    await expect(writeFileAtomic(file, CONTENT, system)).rejects.toThrow(
      `cannot write ${file}: something already exists at its temporary name ${join(dir, ".agreement.md.planted.tmp")}; it was left alone`,
    );
    expect(readFileSync(outside, "utf8")).toBe("not yours\n");
    expect(readFileSync(file, "utf8")).toBe("the old agreement\n");
    expect(readdirSync(dir).sort()).toEqual([`.agreement.md.${process.pid}.tmp`, ".agreement.md.planted.tmp", "agreement.md"]);
    // With a name of its own, the write goes where it should and the links stay as they were.
    await writeFileAtomic(file, CONTENT);
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
      await writeFileAtomic(${JSON.stringify(file)}, "x".repeat(100));
      await writeFileAtomic(${JSON.stringify(file)}, "y".repeat(100), interrupted);
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

describe("writeFileAtomic: signals are held only while a temporary file exists", () => {
  const held = () => ["SIGINT", "SIGTERM", "SIGHUP"].map((signal) => process.listenerCount(signal));
  /** Lets the event loop run a few times: any signal that came while held is run first. */
  const turns = async () => {
    for (let i = 0; i < 3; i++) await new Promise((done) => setImmediate(done));
  };

  it("lets them go after the file is written, and after a write fails", async () => {
    await turns();
    const before = held();
    const dir = tempDir();
    const file = existing(dir);
    await writeFileAtomic(file, CONTENT);
    await turns();
    expect(held()).toEqual([0, 0, 0]);
    await expect(
      writeFileAtomic(
        file,
        CONTENT,
        withWrite(() => {
          throw enospc();
        }),
      ),
    ).rejects.toThrow("no space left on device");
    await turns();
    expect(held()).toEqual(before);
    await expect(writeFileAtomic(join(dir, "missing/x.md"), CONTENT)).rejects.toThrow("does not exist");
    await turns();
    expect(held()).toEqual(before);
  });

  it("never holds them to write to a device or a pipe, which may wait for ever", async () => {
    await turns();
    const before = held();
    const writing = writeFileAtomic("/dev/null", CONTENT);
    expect(held()).toEqual(before);
    await writing;
  });
});

describe("writeFileAtomic: the replaced file's mode and owner", () => {
  it("keeps a private file private", async () => {
    const dir = tempDir();
    const file = existing(dir);
    chmodSync(file, 0o600);
    await writeFileAtomic(file, CONTENT);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o640);
    await writeFileAtomic(file, CONTENT);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it("gives a new file the usual mode", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "sub"));
    await writeFileAtomic(join(dir, "sub/new.md"), CONTENT);
    const umask = process.umask();
    expect(statSync(join(dir, "sub/new.md")).mode & 0o777).toBe(0o666 & ~umask);
  });

  it.skipIf(process.getuid?.() !== 0)("keeps the owner, where the system allows it (root)", async () => {
    const dir = tempDir();
    const file = existing(dir);
    chownSync(file, 1234, 1235);
    await writeFileAtomic(file, CONTENT);
    expect(statSync(file)).toMatchObject({ uid: 1234, gid: 1235 });
  });
});
