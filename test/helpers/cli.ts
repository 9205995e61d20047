import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(ROOT, "bin/sla.js");
export const EXAMPLE = join(ROOT, "sla.example.yaml");
export const FIXTURES = join(ROOT, "test/fixtures");
/** The starter of each language `sla init` writes (English: the shipped example), relative to ROOT. */
export const STARTERS = {
  en: "sla.example.yaml",
  de: "locales/de/starter.sla.yaml",
  tr: "locales/tr/starter.sla.yaml",
  ja: "locales/ja/starter.sla.yaml",
} as const;
/** The shipped starters and every SLA file among the fixtures, relative to ROOT. */
export const SLA_FILES: readonly string[] = [
  ...Object.values(STARTERS),
  ...readdirSync(FIXTURES, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => `test/fixtures/${file.split("\\").join("/")}`),
];

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `sla` binary as a user would. Colour is off unless the test asks for it. */
export function sla(
  args: string[],
  options: {
    cwd?: string;
    input?: string | Buffer;
    env?: Record<string, string | undefined>;
    /** A hang guard, in ms: the run is killed and `code` is null. */ timeout?: number;
  } = {},
): RunResult {
  // English unless the test asks for a language: the messages follow LC_ALL, LC_MESSAGES, LANG.
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    LC_ALL: undefined,
    LC_MESSAGES: undefined,
    LANG: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? "",
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: options.timeout,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The example with the first lifecycle stage's owner left out (one error), written into `dir`. */
export function exampleWithoutOwner(dir: string = tempDir()): string {
  const file = join(dir, "sla.yaml");
  const text = readFileSync(EXAMPLE, "utf8");
  const owner = text.indexOf("    owner: marketing\n", text.indexOf("lifecycleStages:"));
  writeFileSync(file, text.slice(0, owner) + text.slice(owner + "    owner: marketing\n".length));
  return file;
}

const made: string[] = [];
/** A temporary directory removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "sla-test-"));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
