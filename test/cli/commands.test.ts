import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, sla, tempDir } from "../helpers/cli.js";

describe("sla init", () => {
  it("writes a starter SLA that validates, with the schema line pointing at the installed schema", () => {
    const dir = tempDir();
    const result = sla(["init"], { cwd: dir });
    // sla is not installed in this project's node_modules: the schema is copied beside the file.
    expect(result).toMatchObject({ code: 0, stdout: "Created sla.yaml and sla.schema.json. Edit it, then run: sla validate sla.yaml\n" });
    const text = readFileSync(join(dir, "sla.yaml"), "utf8");
    const schemaLine = /^# yaml-language-server: \$schema=(.*)$/m.exec(text)![1]!;
    expect(schemaLine).toBe("./sla.schema.json");
    expect(readFileSync(join(dir, schemaLine), "utf8")).toBe(readFileSync(join(ROOT, "schemas/sla.schema.json"), "utf8"));
    expect(sla(["validate", "sla.yaml"], { cwd: dir }).code).toBe(0);
  });

  it("never overwrites without --force", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "mine.yaml"), "keep me\n");
    const refused = sla(["init", "mine.yaml"], { cwd: dir });
    expect(refused).toMatchObject({ code: 2, stdout: "", stderr: "sla: mine.yaml already exists; use --force to overwrite it\n" });
    expect(readFileSync(join(dir, "mine.yaml"), "utf8")).toBe("keep me\n");
    expect(sla(["init", "--force", "mine.yaml"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "mine.yaml"), "utf8")).toContain("apiVersion: sla/v1");
  });

  it("fails clearly when the directory does not exist", () => {
    const result = sla(["init", "no/such/dir/sla.yaml"], { cwd: tempDir() });
    expect(result).toMatchObject({ code: 2, stderr: "sla: cannot write no/such/dir/sla.yaml: directory no/such/dir does not exist\n" });
  });
});

describe("sla schema", () => {
  it("prints the JSON Schema", () => {
    const result = sla(["schema"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(ROOT, "schemas/sla.schema.json"), "utf8"));
    expect(JSON.parse(result.stdout).$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });
});

describe("sla rules", () => {
  it("lists every rule; docs/rules.md is its markdown output, so the reference cannot drift", () => {
    const text = sla(["rules"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ids\/duplicate +error +Ids are unique/m);
    const markdown = sla(["rules", "--format", "markdown"]).stdout;
    expect(readFileSync(join(ROOT, "docs/rules.md"), "utf8")).toBe(markdown);
    const rules = JSON.parse(sla(["rules", "--format", "json"]).stdout) as { id: string }[];
    expect(rules.map((r) => r.id)).toContain("funnel/unreachable-revenue");
    for (const rule of rules) expect(markdown).toContain(`| \`${rule.id}\` |`);
  });
});

describe("sla itself", () => {
  it("prints its version and help with exit 0", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(sla(["--version"])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = sla(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate \[options\] \[paths\.\.\.\]/);
  });

  it("runs alike when V8 refuses its code cache (other flags, as NODE_OPTIONS often sets in CI)", () => {
    const env = { NODE_OPTIONS: "--max-old-space-size=256" };
    expect(sla(["validate", "sla.example.yaml"], { env })).toMatchObject({ code: 0, stdout: "✔ 1 file valid\n", stderr: "" });
    const broken = sla(["validate", "-", "--stdin-filename", "x.yaml"], { env, input: "apiVersion: sla/v1\n" });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain("x.yaml");
  });

  it("prints help on standard error and exits 2 when no command is given", () => {
    const result = sla([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: sla");
  });
});

describe("sla completion", () => {
  it("prints a bash script that completes commands, options and choices", () => {
    const script = sla(["completion", "bash"]);
    expect(script.code).toBe(0);
    const complete = (words: string[]) =>
      execFileSync(
        "bash",
        ["-c", `${script.stdout}\nCOMP_WORDS=(${words.map((w) => `"${w}"`).join(" ")}); COMP_CWORD=${words.length - 1}; _sla; echo "\${COMPREPLY[@]}"`],
        { encoding: "utf8" },
      ).trim();
    expect(complete(["sla", "ren"])).toBe("render");
    expect(complete(["sla", "validate", "--form"])).toBe("--format");
    expect(complete(["sla", "validate", "--format", "s"])).toBe("stylish sarif");
    expect(complete(["sla", "diff", "--fail-"])).toBe("--fail-on");
    // Values that are not files: parsed lists, languages, operands; none at all for a number.
    expect(complete(["sla", "diff", "--fail-on", "t"])).toBe("tightened");
    expect(complete(["sla", "render", "x.yaml", "--locale", ""])).toBe("en de tr ja");
    expect(complete(["sla", "validate", "--concurrency", ""])).toBe("auto off");
    expect(complete(["sla", "validate", "--max-warnings", ""])).toBe("");
    expect(complete(["sla", "completion", ""])).toBe("bash zsh fish");
    expect(complete(["sla", "render", "--he"])).toBe("--help");
    // Paths still complete as files.
    expect(complete(["sla", "render", "x.yaml", "-o", "sla.ex"])).toBe("sla.example.yaml");
  });

  it("prints zsh and fish scripts, and refuses other shells", () => {
    expect(sla(["completion", "zsh"]).stdout).toMatch(/^autoload -U \+X bashcompinit && bashcompinit\n/);
    const fish = sla(["completion", "fish"]).stdout;
    expect(fish).toContain("complete -c sla -n '__fish_seen_subcommand_from render' -l paper -xa 'a4 letter'");
    expect(fish).toContain("complete -c sla -n '__fish_seen_subcommand_from diff' -l fail-on -xa 'any added");
    expect(fish).toContain("complete -c sla -n '__fish_seen_subcommand_from validate' -l max-warnings -x -d");
    expect(fish).toContain("complete -c sla -n '__fish_seen_subcommand_from completion' -xa 'bash zsh fish'");
    expect(sla(["completion", "tcsh"])).toMatchObject({ code: 2, stderr: "sla: completion: `tcsh` is not supported; use bash, zsh, fish\n" });
  });
});
