// Leads returned to marketing: the leads whose current status is one the agreement marks
// `returnsToMarketing`, counted by the reason sales gave. The export is a snapshot, so this
// is every lead standing returned when it was taken, not only those returned in the months
// measured (an export holds no date of the status change).
import type { Sla } from "../../model/index.js";
import type { ReturnedLeads } from "../model.js";
import { num, readRows, type ReportConnection } from "./query.js";

/** undefined when the agreement has no returning status or the export has no lead status. */
export async function measureReturned(connection: ReportConnection, sla: Sla): Promise<ReturnedLeads | undefined> {
  const statuses = (sla.leadStatuses ?? []).filter((status) => status.returnsToMarketing).map((status) => status.id);
  if (statuses.length === 0) return undefined;
  const [withStatus] = await readRows(connection, "SELECT count(status) AS n FROM leads");
  if (!num(withStatus!.n)) return undefined;
  const rows = await readRows(
    connection,
    // No reason given reads as the empty string.
    `SELECT coalesce(return_reason, '') AS reason, count(*) AS n FROM leads
     WHERE status IN (${statuses.map(() => "?").join(", ")}) GROUP BY reason ORDER BY n DESC, reason`,
    statuses,
  );
  const byReason = rows.map((row) => ({ reason: row.reason as string, count: num(row.n)! }));
  return { total: byReason.reduce((sum, r) => sum + r.count, 0), byReason };
}
