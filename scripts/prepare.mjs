// package.json's "prepare": run by `npm install` in a clone, by `npm pack`, and by npm when it
// installs sla from Git. It builds dist/, which needs the devDependencies (TypeScript, esbuild).
//
// pre-commit installs a `language: node` hook with `npm install -g git+file://<its clone>`.
// For a global install from Git, npm prepares the clone with a nested `npm install` that
// inherits --global, so the devDependencies never reach the clone and the build cannot find
// TypeScript (https://github.com/npm/cli/issues/8440). Then they are installed into the clone
// here, from the lockfile, before building. Anywhere else missing build tools are an error
// worth seeing, not something to install behind the user's back.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));

function hasBuildTools() {
  try {
    require.resolve("typescript/package.json");
    require.resolve("esbuild");
    return true;
  } catch {
    return false;
  }
}

if (!hasBuildTools() && process.env.npm_config_global === "true" && process.env.npm_execpath) {
  // --ignore-scripts: this script must not run again inside; esbuild works without its
  // postinstall, which only swaps its launcher for the binary.
  execFileSync(
    process.execPath,
    [process.env.npm_execpath, "ci", "--global=false", "--include=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
}
execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });
