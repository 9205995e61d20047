// Every reference resolves. One rule per kind of target, so a team can tune them apart and
// a finding's id says what kind of name is wrong.
import type { JsonPath } from "../../findings.js";
import type { Sla } from "../../model/index.js";
import { idsOf, type Entity } from "../../model/collections.js";
import { Suggester } from "../../util/did-you-mean.js";
import type { Rule } from "../rule.js";

/**
 * Objects that hold a reference in `field`: the entries of a list, or one object. The path and
 * the holder's name are made only for a reference that does not resolve: the rules run for
 * every file of a large call, and making them for every reference was half their time.
 */
interface Holders {
  items: readonly object[];
  field: string;
  /** Where the reference of items[index] is. */
  path(index: number): JsonPath;
  /** What holds it, for the message: "persona `oya`". */
  holder(index: number): string;
}

function referenceRule(options: {
  id: string;
  target: string;
  targetList: string;
  description: string;
  needs: Rule["needs"];
  targets: (sla: Sla) => Entity[] | undefined;
  references: (sla: Sla) => Holders[];
}): Rule {
  return {
    id: options.id,
    defaultSeverity: "error",
    description: options.description,
    needs: options.needs,
    check({ sla, report }) {
      const known = idsOf(options.targets(sla));
      // Made at the first unknown reference, for all of them: most files have none.
      let suggester: Suggester | undefined;
      let definedNames: string | undefined;
      for (const holders of options.references(sla)) {
        for (let index = 0; index < holders.items.length; index++) {
          const id = (holders.items[index] as Record<string, unknown>)[holders.field] as string | undefined;
          if (id === undefined || known.has(id)) continue;
          const suggestion = (suggester ??= new Suggester(known)).suggest(id);
          report({
            path: holders.path(index),
            message: `${holders.holder(index)} refers to ${options.target} \`${id}\`, which is not defined`,
            hint: suggestion
              ? `did you mean \`${suggestion}\`?`
              : known.size
                ? `defined ${options.targetList}: ${(definedNames ??= listNames(known))}`
                : `define it under \`${options.targetList}\``,
          });
        }
      }
    },
  };
}

/** At most this many defined names are listed in a hint; a hint is one line to read. */
const MAX_LISTED_NAMES = 20;

/** "`a`, `b`, `c`", or the first MAX_LISTED_NAMES of them and how many more there are. */
function listNames(names: ReadonlySet<string>): string {
  const listed = [...names].slice(0, MAX_LISTED_NAMES).map((name) => `\`${name}\``);
  const more = names.size - listed.length;
  return more > 0 ? `${listed.join(", ")} and ${more} more` : listed.join(", ");
}

/** The entries of a list, each holding a reference in `field`. */
function each<T extends Entity>(items: T[] | undefined, listPath: JsonPath, label: string, field: keyof T & string): Holders {
  const list = items ?? [];
  return { items: list, field, path: (index) => [...listPath, index, field], holder: (index) => `${label} \`${list[index]!.id}\`` };
}

/** One object holding a reference in `field`, at `path`; none when it is undefined. */
function single(object: object | undefined, path: JsonPath, field: string, holder: string): Holders {
  return { items: object ? [object] : [], field, path: () => path, holder: () => holder };
}

export const unknownIcp = referenceRule({
  id: "refs/unknown-icp",
  target: "ICP",
  targetList: "icps",
  description: "Every persona's `icp` names a defined ICP.",
  needs: ["icps", "personas"],
  targets: (sla) => sla.icps,
  references: (sla) => [each(sla.personas, ["personas"], "persona", "icp")],
});

export const unknownParty = referenceRule({
  id: "refs/unknown-party",
  target: "party",
  targetList: "agreement.parties",
  description: "Every `owner` (stages, lead types, KPIs, reporting) names a party of the agreement.",
  needs: ["agreement", "lifecycleStages", "leadTypes", "kpis", "reporting"],
  targets: (sla) => sla.agreement?.parties,
  references: (sla) => [
    each(sla.lifecycleStages, ["lifecycleStages"], "lifecycle stage", "owner"),
    each(sla.leadTypes, ["leadTypes"], "lead type", "owner"),
    each(sla.kpis, ["kpis"], "KPI", "owner"),
    single(sla.reporting?.owner ? sla.reporting : undefined, ["reporting", "owner"], "owner", "reporting"),
  ],
});

export const unknownStage = referenceRule({
  id: "refs/unknown-stage",
  target: "lifecycle stage",
  targetList: "lifecycleStages",
  description: "Every lead status's `stage` names a defined lifecycle stage.",
  needs: ["lifecycleStages", "leadStatuses"],
  targets: (sla) => sla.lifecycleStages,
  references: (sla) => [each(sla.leadStatuses, ["leadStatuses"], "lead status", "stage")],
});

export const unknownJourneyPhase = referenceRule({
  id: "refs/unknown-journey-phase",
  target: "journey phase",
  targetList: "buyerJourney",
  description: "Every lifecycle stage's `journeyStage` names a phase of the buyer's journey.",
  needs: ["lifecycleStages", "buyerJourney"],
  targets: (sla) => sla.buyerJourney,
  references: (sla) => [each(sla.lifecycleStages, ["lifecycleStages"], "lifecycle stage", "journeyStage")],
});

export const unknownStatus = referenceRule({
  id: "refs/unknown-status",
  target: "lead status",
  targetList: "leadStatuses",
  description: "The connect-attempt `whenExhausted.status` names a defined lead status.",
  needs: ["connectAttempt", "leadStatuses"],
  targets: (sla) => sla.leadStatuses,
  references: (sla) => [single(sla.connectAttempt?.whenExhausted, ["connectAttempt", "whenExhausted", "status"], "status", "the connect-attempt protocol")],
});
