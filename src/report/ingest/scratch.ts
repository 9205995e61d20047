// Private temporary folders `sla report` reads through: the UTF-8 copy of an export in another
// encoding and the engine's spill. They hold a CRM's records (names, e-mail addresses), so they
// go on every way out: when done, on an error, at exit, and on Ctrl-C, SIGTERM or SIGHUP, whose
// default action would end the process at once and leave them in the shared temporary folder.
// After removing them the listener ends the process as the signal would have (130, 143 in a
// shell), as src/cli/write-file.ts does for its temporary file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const folders = new Set<string>();
const listeners = new Map<NodeJS.Signals, () => void>();

export interface ScratchFolder {
  path: string;
  /** Removes the folder and all in it; again is harmless. */
  remove(): void;
}

/** A new folder (mode 0700, an unguessable name) in the temporary folder, removed on every way out. */
export function scratchFolder(prefix: string): ScratchFolder {
  const path = mkdtempSync(join(tmpdir(), prefix));
  folders.add(path);
  watch();
  return {
    path,
    remove: () => {
      folders.delete(path);
      removeFolder(path);
    },
  };
}

function removeAll(): void {
  for (const path of folders) removeFolder(path);
  folders.clear();
}

function removeFolder(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // On the way out: nothing more can be done about it.
  }
}

// The listeners stay for the rest of the process once installed: removing them while a signal
// waits in the event loop would drop it, and with no folder left they end the process just as
// the default action would.
function watch(): void {
  if (listeners.size > 0) return;
  process.on("exit", removeAll);
  for (const signal of SIGNALS) {
    const removeAndEnd = (): void => {
      removeAll();
      for (const [s, listener] of listeners) process.removeListener(s, listener);
      listeners.clear();
      process.kill(process.pid, signal);
    };
    listeners.set(signal, removeAndEnd);
    process.on(signal, removeAndEnd);
  }
}
