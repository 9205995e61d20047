import type { JsonPath, Severity } from "../findings.js";
import type { Collection } from "../model/collections.js";
import type { Message } from "../i18n/message.js";
import type { Sla } from "../model/index.js";

export interface RuleReport {
  path: JsonPath;
  /** A message of the catalogs (locales/<language>/messages/rules.json), worded by the engine. */
  message: Message;
  hint?: Message;
  /** Point at the key of the last path segment instead of its value. */
  at?: "key" | "value";
}

export interface RuleContext {
  sla: Sla;
  /** Locale for comparing names (the agreement's language), when it is a valid tag. */
  locale: string | undefined;
  report(report: RuleReport): void;
  /** The document's lists of id-bearing entities, listed once for all the rules of a file. */
  collections(): Collection[];
}

/**
 * A semantic rule: what JSON Schema cannot say. Each rule is a pure check over the typed
 * model; the engine places its reports in the source and applies the team's configuration.
 */
export interface Rule {
  /** Stable id, `area/name`, used in output and in `.slarc.yaml`. */
  id: string;
  defaultSeverity: Severity;
  /** One line for the rules reference. */
  description: string;
  /** Top-level sections the rule reads; it is skipped while any of them fails the schema. */
  needs: (keyof Sla)[];
  check(context: RuleContext): void;
}
