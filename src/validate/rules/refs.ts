// Every reference resolves. One rule per kind of target, so a team can tune them apart and
// a finding's id says what kind of name is wrong.
import type { JsonPath } from "../../findings.js";
import type { Sla } from "../../model/index.js";
import { idsOf, type Entity } from "../../model/collections.js";
import { Suggester } from "../../util/did-you-mean.js";
import { message, type Message, type MessageArgs } from "../../i18n/message.js";
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
  /**
   * What holds it, as the message's arguments: the list it is in (`personas`) and its id as
   * `holder`; an object outside any list gives its place as `list` alone (`reporting`).
   */
  holder(index: number): MessageArgs;
}

function referenceRule(options: {
  id: string;
  /** The message: `holder` refers to `id`, which is not defined. */
  unknown: (args: MessageArgs) => Message;
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
      let definedNames: { defined: string[]; more: number } | undefined;
      for (const holders of options.references(sla)) {
        for (let index = 0; index < holders.items.length; index++) {
          const id = (holders.items[index] as Record<string, unknown>)[holders.field] as string | undefined;
          if (id === undefined || known.has(id)) continue;
          const suggestion = (suggester ??= new Suggester(known)).suggest(id);
          report({
            path: holders.path(index),
            message: options.unknown({ ...holders.holder(index), id }),
            hint: suggestion
              ? message("rules/did-you-mean.hint", { suggestion })
              : known.size
                ? message("refs/defined.hint", { list: options.targetList, ...(definedNames ??= listNames(known)) })
                : message("refs/none-defined.hint", { list: options.targetList }),
          });
        }
      }
    },
  };
}

/** At most this many defined names are listed in a hint; a hint is one line to read. */
const MAX_LISTED_NAMES = 20;

/** The first MAX_LISTED_NAMES names, and how many more there are. */
function listNames(names: ReadonlySet<string>): { defined: string[]; more: number } {
  const defined = [...names].slice(0, MAX_LISTED_NAMES);
  return { defined, more: names.size - defined.length };
}

/** The entries of a list, each holding a reference in `field`. */
function each<T extends Entity>(items: T[] | undefined, listPath: JsonPath, field: keyof T & string): Holders {
  const list = items ?? [];
  return {
    items: list,
    field,
    path: (index) => [...listPath, index, field],
    holder: (index) => ({ list: listPath.join("."), holder: list[index]!.id }),
  };
}

/** One object holding a reference in `field`, at `path`; none when it is undefined. */
function single(object: object | undefined, path: JsonPath, field: string): Holders {
  return { items: object ? [object] : [], field, path: () => path, holder: () => ({ list: String(path[0]) }) };
}

export const unknownIcp = referenceRule({
  id: "refs/unknown-icp",
  unknown: (args) => message("refs/unknown-icp", args),
  targetList: "icps",
  description: "Every persona's `icp` names a defined ICP.",
  needs: ["icps", "personas"],
  targets: (sla) => sla.icps,
  references: (sla) => [each(sla.personas, ["personas"], "icp")],
});

export const unknownParty = referenceRule({
  id: "refs/unknown-party",
  unknown: (args) => message("refs/unknown-party", args),
  targetList: "agreement.parties",
  description: "Every `owner` (stages, lead types, KPIs, reporting) names a party of the agreement.",
  needs: ["agreement", "lifecycleStages", "leadTypes", "kpis", "reporting"],
  targets: (sla) => sla.agreement?.parties,
  references: (sla) => [
    each(sla.lifecycleStages, ["lifecycleStages"], "owner"),
    each(sla.leadTypes, ["leadTypes"], "owner"),
    each(sla.kpis, ["kpis"], "owner"),
    single(sla.reporting?.owner ? sla.reporting : undefined, ["reporting", "owner"], "owner"),
  ],
});

export const unknownStage = referenceRule({
  id: "refs/unknown-stage",
  unknown: (args) => message("refs/unknown-stage", args),
  targetList: "lifecycleStages",
  description: "Every lead status's `stage` names a defined lifecycle stage.",
  needs: ["lifecycleStages", "leadStatuses"],
  targets: (sla) => sla.lifecycleStages,
  references: (sla) => [each(sla.leadStatuses, ["leadStatuses"], "stage")],
});

export const unknownJourneyPhase = referenceRule({
  id: "refs/unknown-journey-phase",
  unknown: (args) => message("refs/unknown-journey-phase", args),
  targetList: "buyerJourney",
  description: "Every lifecycle stage's `journeyStage` names a phase of the buyer's journey.",
  needs: ["lifecycleStages", "buyerJourney"],
  targets: (sla) => sla.buyerJourney,
  references: (sla) => [each(sla.lifecycleStages, ["lifecycleStages"], "journeyStage")],
});

export const unknownStatus = referenceRule({
  id: "refs/unknown-status",
  unknown: (args) => message("refs/unknown-status", args),
  targetList: "leadStatuses",
  description: "The connect-attempt `whenExhausted.status` names a defined lead status.",
  needs: ["connectAttempt", "leadStatuses"],
  targets: (sla) => sla.leadStatuses,
  references: (sla) => [single(sla.connectAttempt?.whenExhausted, ["connectAttempt", "whenExhausted", "status"], "status")],
});
