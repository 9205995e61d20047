// `sla plan` as a library: the funnel beside the targets, what-if overrides, the minimal
// write of too-low targets, and the next period's proposal from a measured report.
export { planFunnel, hasTooLow, minimumTarget, type FunnelPlan, type PlanStep, type StepStatus } from "./solve.js";
export { applyOverrides, parseSetting, type Override } from "./overrides.js";
export { raiseTargets, type PlanWrite, type TargetChange } from "./write.js";
export { proposeNext, nextPeriod, raiseVersion, type NextOptions, type NextProposal, type ProposedRate, type ProposedVolume, type RateStatus } from "./next.js";
export { unifiedDiff } from "./unified-diff.js";
