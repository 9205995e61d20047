// The mapping of a CRM export (reporting.sources) names the agreement's ids: the stage a CRM
// stage value means, the lead status, the lead type, the stage whose entry date a column
// holds. A misspelt id there would leave a stage empty in every report, so it is an error.
import type { JsonPath } from "../../findings.js";
import type { RecordExport } from "../../model/index.js";
import { idsOf } from "../../model/collections.js";
import { message } from "../../i18n/message.js";
import { Suggester } from "../../util/did-you-mean.js";
import type { Rule, RuleContext } from "../rule.js";

type Target = "lifecycle" | "deal" | "status" | "type";

/** At most this many defined ids are listed in a hint. */
const MAX_LISTED = 20;

export const sourcesUnknownId: Rule = {
  id: "sources/unknown-id",
  defaultSeverity: "error",
  description: "Every id a report source's mapping names (`stages`, `statuses`, `leadTypes`, `columns.stageDates`) is defined in the agreement.",
  needs: ["reporting", "lifecycleStages", "dealStages", "leadStatuses", "leadTypes"],
  check(context) {
    const sources = context.sla.reporting?.sources;
    if (!sources) return;
    const lifecycle = idsOf(context.sla.lifecycleStages);
    const deal = new Set([...idsOf(context.sla.dealStages), ...lifecycle]);
    const known = (target: Target): { ids: ReadonlySet<string>; list: string } => {
      if (target === "lifecycle") return { ids: lifecycle, list: "lifecycleStages" };
      if (target === "deal") return { ids: deal, list: "dealStages" };
      if (target === "status") return { ids: idsOf(context.sla.leadStatuses), list: "leadStatuses" };
      return { ids: idsOf(context.sla.leadTypes), list: "leadTypes" };
    };
    for (const kind of ["leads", "deals"] as const) {
      const source: RecordExport | undefined = sources[kind];
      if (!source) continue;
      const base: JsonPath = ["reporting", "sources", kind];
      const maps: Array<[keyof RecordExport & ("stages" | "statuses" | "leadTypes"), Target]> = [
        ["stages", kind === "leads" ? "lifecycle" : "deal"],
        ["statuses", "status"],
        ["leadTypes", "type"],
      ];
      for (const [field, target] of maps) {
        const { ids, list } = known(target);
        for (const [value, id] of Object.entries(source[field] ?? {})) {
          if (id !== null && !ids.has(id)) report(context, [...base, field, value], "value", { kind, map: field, value, target, id }, ids, list);
        }
      }
      const { ids, list } = known("lifecycle");
      for (const id of Object.keys(source.columns?.stageDates ?? {})) {
        if (!ids.has(id))
          report(context, [...base, "columns", "stageDates", id], "key", { kind, map: "columns.stageDates", value: id, target: "lifecycle", id }, ids, list);
      }
    }
  },
};

function report(
  context: RuleContext,
  path: JsonPath,
  at: "key" | "value",
  args: { kind: string; map: string; value: string; target: Target; id: string },
  ids: ReadonlySet<string>,
  list: string,
): void {
  const suggestion = new Suggester(ids).suggest(args.id);
  const defined = [...ids].slice(0, MAX_LISTED);
  context.report({
    path,
    at,
    message: message(at === "key" ? "sources/unknown-id.stage-dates" : "sources/unknown-id", args),
    hint: suggestion
      ? message("rules/did-you-mean.hint", { suggestion })
      : ids.size
        ? message("refs/defined.hint", { list, defined, more: ids.size - defined.length })
        : message("refs/none-defined.hint", { list }),
  });
}
