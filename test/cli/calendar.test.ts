// The business calendar end to end: validate words its problems in the user's language at
// their line, without ever loading the holidays library; diff shows it as a section of its own.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, sla, tempDir } from "../helpers/cli.js";

function exampleWith(edit: (text: string) => string, dir = tempDir(), name = "sla.yaml"): string {
  const file = join(dir, name);
  writeFileSync(file, edit(readFileSync(EXAMPLE, "utf8")));
  return file;
}

describe("sla validate and the business calendar", () => {
  it("names a misspelt time zone at its line, with the zone meant, in Turkish", () => {
    const file = exampleWith((text) => text.replace("timeZone: Europe/Berlin", "timeZone: Europe/Istambul"));
    const result = sla(["validate", file, "--locale", "tr"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("error[calendar/time-zone]: `Europe/Istambul` bir IANA saat dilimi değil");
    expect(result.stdout).toMatch(/sla\.yaml:\d+:13/);
    expect(result.stdout).toContain("`Europe/Istanbul` mı demek istediniz?");
  });

  it("lists Germany's states for an unknown one, in German, and refuses working hours that end first", () => {
    const file = exampleWith((text) => text.replace("region: NW", "region: BX").replace('"09:00-17:00"', '"17:00-09:00"'));
    const result = sla(["validate", file, "--locale", "de"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("`BX` ist keine Region von `DE` mit eigenen Feiertagen; die Regionen sind BB, BE, BW, BY, HB");
    expect(result.stdout).toContain("error[calendar/working-hours]: Der Arbeitstag `17:00-09:00` endet nicht nach seinem Beginn");
  });

  it("checks country and region without loading date-holidays", () => {
    // A preloaded hook that fails any attempt to load the holidays library.
    const dir = tempDir();
    const hook = join(dir, "no-holidays.cjs");
    writeFileSync(
      hook,
      'const Module = require("node:module"); const load = Module._load; Module._load = function (request, ...rest) { if (/date-holidays/.test(request)) throw new Error("date-holidays was loaded"); return load.call(this, request, ...rest); };',
    );
    const env = { NODE_OPTIONS: `--require ${hook}` };
    expect(sla(["validate", EXAMPLE], { env })).toMatchObject({ code: 0 });
    const bad = exampleWith((text) => text.replace("country: DE", "country: UK"), dir);
    const result = sla(["validate", bad, "--locale", "ja"], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("国 `UK` の祝日は登録されていません");
    expect(result.stdout).toContain("`GB`");
  });
});

describe("sla diff and the business calendar", () => {
  it("shows changed working time as its own section, tightened or loosened", () => {
    const dir = tempDir();
    const after = exampleWith(
      (text) => text.replace('"09:00-17:00"', '"09:00-16:00"').replace("    - 2026-12-31\n", "    - 2026-12-31\n    - 2026-11-02\n"),
      dir,
    );
    const result = sla(["diff", EXAMPLE, after, "--locale", "de"]);
    expect(result.stdout).toContain("Geschäftskalender");
    expect(result.stdout).toMatch(/workingHours: 09:00-17:00 → 09:00-16:00.*gelockert/);
    expect(result.stdout).toContain("+ 2026-11-02");
  });
});
