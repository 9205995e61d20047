// Every reference resolves. One rule per kind of target, so a team can tune them apart and
// a finding's id says what kind of name is wrong.
import type { JsonPath } from "../../findings.js";
import type { Sla } from "../../model/index.js";
import { idsOf, type Entity } from "../../model/collections.js";
import { closestMatch } from "../../util/did-you-mean.js";
import type { Rule } from "../rule.js";

interface Reference {
  path: JsonPath;
  id: string | undefined;
  /** What holds the reference, for the message: "persona `oya`". */
  holder: string;
}

function referenceRule(options: {
  id: string;
  target: string;
  targetList: string;
  description: string;
  needs: Rule["needs"];
  targets: (sla: Sla) => Entity[] | undefined;
  references: (sla: Sla) => Reference[];
}): Rule {
  return {
    id: options.id,
    defaultSeverity: "error",
    description: options.description,
    needs: options.needs,
    check({ sla, report }) {
      const known = idsOf(options.targets(sla));
      for (const ref of options.references(sla)) {
        if (ref.id === undefined || known.has(ref.id)) continue;
        const suggestion = closestMatch(ref.id, known);
        report({
          path: ref.path,
          message: `${ref.holder} refers to ${options.target} \`${ref.id}\`, which is not defined`,
          hint: suggestion
            ? `did you mean \`${suggestion}\`?`
            : known.size
              ? `defined ${options.targetList}: ${[...known].map((id) => `\`${id}\``).join(", ")}`
              : `define it under \`${options.targetList}\``,
        });
      }
    },
  };
}

function each<T extends Entity>(
  items: T[] | undefined,
  listPath: JsonPath,
  label: string,
  field: keyof T & string,
): Reference[] {
  return (items ?? []).map((item, index) => ({
    path: [...listPath, index, field],
    id: item[field] as string | undefined,
    holder: `${label} \`${item.id}\``,
  }));
}

export const unknownIcp = referenceRule({
  id: "refs/unknown-icp",
  target: "ICP",
  targetList: "icps",
  description: "Every persona's `icp` names a defined ICP.",
  needs: ["icps", "personas"],
  targets: (sla) => sla.icps,
  references: (sla) => each(sla.personas, ["personas"], "persona", "icp"),
});

export const unknownParty = referenceRule({
  id: "refs/unknown-party",
  target: "party",
  targetList: "agreement.parties",
  description: "Every `owner` (stages, lead types, KPIs, reporting) names a party of the agreement.",
  needs: ["agreement", "lifecycleStages", "leadTypes", "kpis", "reporting"],
  targets: (sla) => sla.agreement?.parties,
  references: (sla) => [
    ...each(sla.lifecycleStages, ["lifecycleStages"], "lifecycle stage", "owner"),
    ...each(sla.leadTypes, ["leadTypes"], "lead type", "owner"),
    ...each(sla.kpis, ["kpis"], "KPI", "owner"),
    ...(sla.reporting?.owner ? [{ path: ["reporting", "owner"], id: sla.reporting.owner, holder: "reporting" }] : []),
  ],
});

export const unknownStage = referenceRule({
  id: "refs/unknown-stage",
  target: "lifecycle stage",
  targetList: "lifecycleStages",
  description: "Every lead status's `stage` names a defined lifecycle stage.",
  needs: ["lifecycleStages", "leadStatuses"],
  targets: (sla) => sla.lifecycleStages,
  references: (sla) => each(sla.leadStatuses, ["leadStatuses"], "lead status", "stage"),
});

export const unknownJourneyPhase = referenceRule({
  id: "refs/unknown-journey-phase",
  target: "journey phase",
  targetList: "buyerJourney",
  description: "Every lifecycle stage's `journeyStage` names a phase of the buyer's journey.",
  needs: ["lifecycleStages", "buyerJourney"],
  targets: (sla) => sla.buyerJourney,
  references: (sla) => each(sla.lifecycleStages, ["lifecycleStages"], "lifecycle stage", "journeyStage"),
});

export const unknownStatus = referenceRule({
  id: "refs/unknown-status",
  target: "lead status",
  targetList: "leadStatuses",
  description: "The connect-attempt `whenExhausted.status` names a defined lead status.",
  needs: ["connectAttempt", "leadStatuses"],
  targets: (sla) => sla.leadStatuses,
  references: (sla) =>
    sla.connectAttempt?.whenExhausted
      ? [{ path: ["connectAttempt", "whenExhausted", "status"], id: sla.connectAttempt.whenExhausted.status, holder: "the connect-attempt protocol" }]
      : [],
});
