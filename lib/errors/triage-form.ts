/**
 * The detail page's triage forms → the body that changeErrorStatus (and PATCH /api/errors/:id)
 * takes. Only reading: every value is checked by the body's schema (lib/schemas/errors.ts).
 *
 * Fields: `status`; `resolve`; `archive` = `forever`, `hours:N` (until now + N hours),
 * `events:N` (until N more events), `rate:N:M` (until N events within M minutes), or `rate`
 * with `archiveRateCount` and `archiveRateMinutes`; `assigneeId` = a user id or `none`.
 */
type Fields = { get(name: string): unknown };

const HOUR_MS = 3_600_000;

const text = (form: Fields, name: string): string | undefined => {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
};

/** "12" → 12; anything else stays as it was sent (a string), for the schema to refuse. */
const number = (value: string | undefined): unknown =>
  value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : value;

export function archiveConditionFromForm(form: Fields, now = Date.now()): unknown {
  const archive = text(form, "archive");
  if (archive === undefined || archive === "forever") return undefined;
  const [kind, first, second] = archive.split(":");
  if (kind === "hours" && first && /^\d{1,5}$/.test(first))
    return { until: new Date(now + Number(first) * HOUR_MS).toISOString() };
  if (kind === "events") return { untilEvents: number(first) };
  if (kind === "rate")
    return first === undefined
      ? {
          untilRate: {
            count: number(text(form, "archiveRateCount")),
            minutes: number(text(form, "archiveRateMinutes")),
          },
        }
      : { untilRate: { count: number(first), minutes: number(second) } };
  // Not one of ours: sent as is, the schema says what is wrong with it.
  return archive;
}

export function statusBodyFromForm(form: Fields, now = Date.now()): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const status = text(form, "status");
  if (status !== undefined) body.status = status;
  const resolve = text(form, "resolve");
  if (resolve !== undefined) body.resolve = resolve;
  const archive = archiveConditionFromForm(form, now);
  if (archive !== undefined) body.archive = archive;
  const assignee = text(form, "assigneeId");
  if (assignee !== undefined) body.assigneeId = assignee === "none" ? null : number(assignee);
  return body;
}
