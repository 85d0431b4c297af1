import type postgres from "postgres";
import type { Ledger } from "./load";

// Checks in the database: every acknowledged event stored exactly once, nothing stored that was
// not sent, every error's count equal to its events and to its hourly counts.

export interface Check {
  stored: number;
  sumCounts: number;
  ackedMissing: number;
  unsent: number;
  duplicates: number;
  badErrors: number;
  badHourly: number;
  emptyErrors: number;
}

export async function verify(
  ledger: Ledger,
  sql: postgres.Sql,
  label: string,
  projectId: number,
): Promise<Check> {
  const { ackedIds, sentIds, report } = ledger;
  const rows = await sql<{ event_id: string }[]>`
    SELECT event_id FROM events WHERE project_id = ${projectId}`;
  const stored = new Set(rows.map((row) => row.event_id));
  const [totals] = await sql<{ events: number; counts: number }[]>`
    SELECT (SELECT count(*) FROM events WHERE project_id = ${projectId})::int AS events,
      (SELECT coalesce(sum(event_count), 0) FROM errors WHERE project_id = ${projectId})::int AS counts`;
  const [perError] = await sql<{ bad: number; hourly: number; empty: number }[]>`
    SELECT
      count(*) FILTER (WHERE e.event_count <> coalesce(v.n, 0))::int AS bad,
      count(*) FILTER (WHERE e.event_count <> coalesce(h.n, 0))::int AS hourly,
      count(*) FILTER (WHERE e.event_count = 0 OR e.first_seen = 'infinity'
        OR e.last_seen = '-infinity')::int AS empty
    FROM errors e
    LEFT JOIN (SELECT error_id, count(*) AS n FROM events GROUP BY 1) v ON v.error_id = e.id
    LEFT JOIN (SELECT error_id, sum(count) AS n FROM error_hourly_counts GROUP BY 1) h
      ON h.error_id = e.id
    WHERE e.project_id = ${projectId}`;
  let ackedMissing = 0;
  for (const id of ackedIds) if (!stored.has(id)) ackedMissing++;
  let unsent = 0;
  for (const id of stored) if (!sentIds.has(id)) unsent++;
  const check: Check = {
    stored: totals?.events ?? 0,
    sumCounts: totals?.counts ?? 0,
    ackedMissing,
    unsent,
    duplicates: rows.length - stored.size,
    badErrors: perError?.bad ?? 0,
    badHourly: perError?.hourly ?? 0,
    emptyErrors: perError?.empty ?? 0,
  };
  report.log(
    `${label}: stored ${check.stored}, sum(event_count) ${check.sumCounts}, acknowledged ${ackedIds.size}, acknowledged but missing ${ackedMissing}, stored but never sent ${unsent}, duplicates ${check.duplicates}, errors whose count ≠ their events ${check.badErrors}, ≠ hourly counts ${check.badHourly}, empty ${check.emptyErrors}`,
  );
  if (check.stored !== check.sumCounts)
    report.violation(
      `${label}: ${check.stored} events stored, sum of event_count ${check.sumCounts}`,
    );
  if (ackedMissing > 0)
    report.violation(`${label}: ${ackedMissing} acknowledged events not stored`);
  if (unsent > 0) report.violation(`${label}: ${unsent} stored events were never sent`);
  if (check.duplicates > 0) report.violation(`${label}: ${check.duplicates} duplicate event ids`);
  if (check.badErrors > 0)
    report.violation(`${label}: ${check.badErrors} errors with a wrong count`);
  if (check.badHourly > 0)
    report.violation(`${label}: ${check.badHourly} errors with wrong hourly counts`);
  if (check.emptyErrors > 0)
    report.violation(`${label}: ${check.emptyErrors} empty or half-made errors`);
  return check;
}
