// Deal figures per month: won and lost deals and won amounts by close month, proposals by
// creation month.
import type { Sla } from "../../model/index.js";
import type { Month } from "../model.js";
import { num, readRows, type ReportConnection } from "./query.js";

export interface ClosedMonth {
  won: number;
  lost: number;
  /** Sum and count of the won deals that have an amount. */
  wonAmount: number;
  wonWithAmount: number;
}

export interface DealFigures {
  /** By close month. */
  closed: Map<Month, ClosedMonth>;
  /** Deals that reached the proposal, by creation month; undefined when the agreement names no proposal stage. */
  proposals: Map<Month, number> | undefined;
}

/** The deal stage whose id says it: `proposal-presented`, else the first with `proposal` in its id. */
export function proposalStage(sla: Sla): string | undefined {
  const stages = sla.dealStages ?? [];
  return (stages.find((stage) => stage.id === "proposal-presented") ?? stages.find((stage) => stage.id.includes("proposal")))?.id;
}

/**
 * The open stages that mean a proposal was presented: the proposal stage and the open stages
 * after it. Won and lost deals count too (a deal is closed on a proposal); on-hold deals do
 * not, as a deal may be paused before any proposal.
 */
function proposalOpenStages(sla: Sla, stage: string): string[] {
  const stages = sla.dealStages ?? [];
  const from = stages.findIndex((s) => s.id === stage);
  return stages.slice(from).flatMap((s) => ((s.outcome ?? "open") === "open" ? [s.id] : []));
}

/** undefined when the deals table is empty: no deals export. */
export async function measureDeals(connection: ReportConnection, sla: Sla, proposal: string | undefined): Promise<DealFigures | undefined> {
  const [count] = await readRows(connection, "SELECT count(*) AS n FROM deals");
  if (!num(count!.n)) return undefined;
  const closed = new Map<Month, ClosedMonth>();
  const rows = await readRows(
    connection,
    `SELECT strftime(closed, '%Y-%m') AS month,
       count(*) FILTER (WHERE outcome = 'won') AS won,
       count(*) FILTER (WHERE outcome = 'lost') AS lost,
       coalesce(sum(amount) FILTER (WHERE outcome = 'won'), 0) AS won_amount,
       count(amount) FILTER (WHERE outcome = 'won') AS won_with_amount
     FROM deals WHERE closed IS NOT NULL AND outcome IN ('won', 'lost') GROUP BY month`,
  );
  for (const row of rows)
    closed.set(row.month as Month, { won: num(row.won)!, lost: num(row.lost)!, wonAmount: num(row.won_amount)!, wonWithAmount: num(row.won_with_amount)! });

  let proposals: Map<Month, number> | undefined;
  if (proposal !== undefined) {
    const open = proposalOpenStages(sla, proposal);
    const placeholders = open.map(() => "?").join(", ");
    const counted = await readRows(
      connection,
      `SELECT strftime(created, '%Y-%m') AS month, count(*) AS n FROM deals
       WHERE created IS NOT NULL AND (outcome IN ('won', 'lost')${open.length ? ` OR (outcome = 'open' AND stage IN (${placeholders}))` : ""})
       GROUP BY month`,
      open,
    );
    proposals = new Map(counted.map((row) => [row.month as Month, num(row.n)!]));
  }
  return { closed, proposals };
}
