// Leads returned to marketing: the leads whose current status is one the agreement marks
// `returnsToMarketing`, counted by the reason sales gave. The export is a snapshot, so this
// is every lead standing returned when it was taken, not only those returned in the months
// measured (an export holds no date of the status change).
import type { Sla } from "../../model/index.js";
import type { ReturnedLeads } from "../model.js";
import { num, readRows, type ReportConnection } from "./query.js";

/**
 * undefined when the agreement has no returning status or the export has no lead status.
 * Broken down by owner and lead type where the export has those columns.
 */
export async function measureReturned(connection: ReportConnection, sla: Sla): Promise<ReturnedLeads | undefined> {
  const statuses = (sla.leadStatuses ?? []).filter((status) => status.returnsToMarketing).map((status) => status.id);
  if (statuses.length === 0) return undefined;
  const [withStatus] = await readRows(connection, "SELECT count(status) AS n FROM leads");
  if (!num(withStatus!.n)) return undefined;
  const list = statuses.map(() => "?").join(", ");
  const count = async (column: string) =>
    (
      await readRows(
        connection,
        `SELECT ${column} AS key, count(*) AS n FROM leads WHERE status IN (${list}) GROUP BY key ORDER BY n DESC, key NULLS LAST`,
        statuses,
      )
    ).map((row) => ({ key: row.key as string | null, count: num(row.n)! }));
  // No reason given reads as the empty string.
  const byReason = (await count("coalesce(return_reason, '')")).map(({ key, count }) => ({ reason: key!, count }));
  const [owners] = await readRows(connection, "SELECT count(owner) AS owners, count(lead_type) AS types FROM leads");
  const returned: ReturnedLeads = { total: byReason.reduce((sum, r) => sum + r.count, 0), byReason };
  if (num(owners!.owners)) returned.byOwner = (await count("owner")).map(({ key, count }) => ({ owner: key, count }));
  if (num(owners!.types)) returned.byLeadType = (await count("lead_type")).map(({ key, count }) => ({ leadType: key, count }));
  return returned;
}
