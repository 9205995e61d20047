import type { LifecycleStage, StageCategory } from "../model/index.js";

/** The standard order of lifecycle stages (HubSpot's default); `other` has no place in it. */
export const STAGE_ORDER: readonly StageCategory[] = ["subscriber", "lead", "mql", "sql", "opportunity", "customer", "evangelist"];

const ID_ALIASES: Record<string, StageCategory> = {
  "marketing-qualified-lead": "mql",
  "sales-qualified-lead": "sql",
  "sales-accepted-lead": "sql",
  opp: "opportunity",
  "closed-won": "customer",
  advocate: "evangelist",
};

/** The standard stage a lifecycle stage stands for: its `category`, else a standard id. */
export function stageCategory(stage: LifecycleStage): StageCategory | undefined {
  if (stage.category) return stage.category;
  if ((STAGE_ORDER as readonly string[]).includes(stage.id)) return stage.id as StageCategory;
  return ID_ALIASES[stage.id];
}
