// The hand-made reports of test/fixtures/report/ and the agreements they measure.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSla } from "../../src/load/parse.js";
import type { Sla } from "../../src/model/index.js";
import type { Report } from "../../src/report/model.js";
import { FIXTURES, ROOT } from "../helpers/cli.js";

const AGREEMENTS = { en: join(ROOT, "sla.example.yaml"), tr: join(FIXTURES, "i18n/tr.sla.yaml"), ja: join(FIXTURES, "i18n/ja.sla.yaml") } as const;
const REPORTS = { en: "example", tr: "tr", ja: "ja" } as const;

export type FixtureLanguage = keyof typeof AGREEMENTS;

export function fixtureReport(language: FixtureLanguage): Report {
  return JSON.parse(readFileSync(join(FIXTURES, "report", `${REPORTS[language]}.report.json`), "utf8")) as Report;
}

export function fixtureAgreement(language: FixtureLanguage): Sla {
  return parseSla(AGREEMENTS[language], readFileSync(AGREEMENTS[language], "utf8")).data as Sla;
}
