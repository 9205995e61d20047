// The library: load, validate (and later diff and render) as pure functions over the model.
export type { Finding, Position, Severity, JsonPath } from "./findings.js";
export { countBySeverity, sortFindings, formatPath } from "./findings.js";
export type * from "./model/index.js";
export { parseSla, type ParsedSla } from "./load/parse.js";
export { decodeSource, MAX_SOURCE_BYTES } from "./load/read-source.js";
export { SlaError, SourceError, InputError, ConfigError, UsageError, MissingPackageError } from "./errors.js";
export { validateParsed, RULES, type Rule } from "./validate/index.js";
export { parseConfig, type SlaConfig, type RuleSetting } from "./validate/config.js";
export { describeUncomputable } from "./diff/funnel.js";
export { computeFunnel, type FunnelMath, type FunnelStep, type FunnelUncomputable } from "./domain/funnel.js";

export { checkAgreement, type CheckOptions, type CheckedAgreement } from "./check.js";

import { checkAgreement } from "./check.js";
import type { SlaConfig } from "./validate/config.js";
import type { Finding } from "./findings.js";

/** Parses and validates the text of one SLA file: checkAgreement's findings. */
export function validateText(file: string, text: string, config?: SlaConfig): Finding[] {
  return checkAgreement(file, text, { config }).findings;
}

export { diffSla, summarizeDiff, type SlaDiff, type Change, type ChangeClass, type DiffSummary } from "./diff/index.js";
export { renderDocument, buildView, type RenderOptions, type RenderFormat, type DocumentView } from "./render/index.js";
export { fingerprint, findFingerprint } from "./domain/fingerprint.js";
// `sla plan`: the funnel beside the targets, what-if, the minimal write, the next period.
export { planFunnel, hasTooLow, type FunnelPlan, type PlanStep, type StepStatus } from "./plan/solve.js";
export { applyOverrides, type Override } from "./plan/overrides.js";
export { raiseTargets, type PlanWrite, type TargetChange } from "./plan/write.js";
export { proposeNext, type NextOptions, type NextProposal, type ProposedRate, type ProposedVolume, type RateStatus } from "./plan/next.js";
export { unifiedDiff } from "./plan/unified-diff.js";
export { planOutput, type PlanOutput } from "./plan/output.js";
// Business time in the agreement's calendar.
export {
  businessHoursBetween,
  addBusinessHours,
  allowedHours,
  elapsedHours,
  deadline,
  realHoursBetween,
  localToInstant,
  instantToLocal,
  type BusinessCalendar,
  type LocalDateTime,
} from "./domain/business-time.js";
export { toBusinessCalendar } from "./domain/working-calendar.js";
export { resolveBusinessCalendar, publicHolidays, type PublicHoliday } from "./report/holidays.js";
