// The registry of semantic rules. The rules reference (docs/rules.md) is generated from it.
import type { Rule } from "../rule.js";
import { agreementLanguage } from "./agreement-language.js";
import { calendarCountry, calendarTimeZone, calendarWorkingHours } from "./calendar.js";
import { agreementCurrency, kpisDuplicateMetric, kpisUnits } from "./kpis-units.js";
import { connectSequence } from "./connect-sequence.js";
import { connectTiming } from "./connect-timing.js";
import { dealsProbability } from "./deals-probability.js";
import { funnelImpossible, funnelIncomplete, funnelUnreachable } from "./funnel.js";
import { idsDuplicate } from "./ids-duplicate.js";
import { namesDuplicate } from "./names-duplicate.js";
import { periodEffectiveDate, periodLength, periodOrder } from "./period.js";
import { unknownIcp, unknownJourneyPhase, unknownParty, unknownStage, unknownStatus } from "./refs.js";
import { sourcesUnknownId } from "./sources-mapping.js";
import { scoringThresholds } from "./scoring-thresholds.js";
import { scoringUnreachable } from "./scoring-unreachable.js";
import { stagesHandoff } from "./stages-handoff.js";
import { stagesMissingExitCriteria } from "./stages-missing-exit-criteria.js";
import { stagesMissingOwner } from "./stages-missing-owner.js";
import { stagesOrder } from "./stages-order.js";
import { statusesReturnReason } from "./statuses-return-reason.js";
import { valuesPercentRange } from "./values-percent-range.js";

export const RULES: readonly Rule[] = [
  idsDuplicate,
  namesDuplicate,
  unknownIcp,
  unknownParty,
  unknownStage,
  unknownJourneyPhase,
  unknownStatus,
  sourcesUnknownId,
  periodOrder,
  periodLength,
  periodEffectiveDate,
  stagesOrder,
  stagesMissingOwner,
  stagesMissingExitCriteria,
  stagesHandoff,
  statusesReturnReason,
  dealsProbability,
  scoringThresholds,
  scoringUnreachable,
  connectTiming,
  connectSequence,
  calendarTimeZone,
  calendarCountry,
  calendarWorkingHours,
  valuesPercentRange,
  kpisUnits,
  kpisDuplicateMetric,
  agreementCurrency,
  agreementLanguage,
  funnelUnreachable,
  funnelImpossible,
  funnelIncomplete,
];
