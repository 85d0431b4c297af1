import { z } from "zod";

export const MAX_BULK_IDS = 1000;
/** An archive may last at most a year, and wait for at most a million events. */
export const MAX_ARCHIVE_DAYS = 366;
export const MAX_ARCHIVE_EVENTS = 1_000_000;
/** "N events within M minutes": counting reads at most N events, so N is kept small. */
export const MAX_ARCHIVE_RATE_COUNT = 10_000;
export const MAX_ARCHIVE_RATE_MINUTES = 7 * 24 * 60;

const positiveInt = (name: string, max: number) =>
  z
    .number({ error: `${name} must be an integer` })
    .int(`${name} must be an integer`)
    .min(1, `${name} must be at least 1`)
    .max(max, `${name} must be at most ${max.toLocaleString("en")}`);

/** When an archive ends by itself: a time, N more events, or N events within M minutes. */
export const archiveConditionSchema = z
  .object(
    {
      until: z.iso
        .datetime({ offset: true, error: "archive.until must be an ISO 8601 date-time" })
        .transform((value) => new Date(value))
        .refine((date) => date.getTime() > Date.now(), "archive.until must be in the future")
        .refine(
          (date) => date.getTime() <= Date.now() + MAX_ARCHIVE_DAYS * 86_400_000,
          `archive.until must be within ${MAX_ARCHIVE_DAYS} days`,
        )
        .optional(),
      untilEvents: positiveInt("archive.untilEvents", MAX_ARCHIVE_EVENTS).optional(),
      untilRate: z
        .object(
          {
            count: positiveInt("archive.untilRate.count", MAX_ARCHIVE_RATE_COUNT),
            minutes: positiveInt("archive.untilRate.minutes", MAX_ARCHIVE_RATE_MINUTES),
          },
          { error: "archive.untilRate must be {count, minutes}" },
        )
        .optional(),
    },
    { error: "archive must be an object: {until?, untilEvents?, untilRate?}" },
  )
  .refine(
    (archive) =>
      [archive.until, archive.untilEvents, archive.untilRate].filter(Boolean).length <= 1,
    "archive may hold one condition: until, untilEvents or untilRate",
  );

const statusOptions = {
  resolve: z
    .enum(["now", "inNextRelease"], { error: 'resolve must be "now" or "inNextRelease"' })
    .optional(),
  archive: archiveConditionSchema.nullable().optional(),
  assigneeId: z
    .number({ error: "assigneeId must be a user id or null" })
    .int("assigneeId must be a user id or null")
    .positive("assigneeId must be a user id or null")
    .nullable()
    .optional(),
};

type StatusOptions = {
  status?: "open" | "resolved" | "archived";
  resolve?: unknown;
  archive?: unknown;
};

/** resolve goes with status "resolved" and archive with "archived". */
function optionsMatchStatus(value: StatusOptions, ctx: z.RefinementCtx) {
  if (value.resolve !== undefined && value.status !== "resolved")
    ctx.addIssue({ code: "custom", path: ["resolve"], message: 'resolve needs status "resolved"' });
  if (value.archive != null && value.status !== "archived")
    ctx.addIssue({ code: "custom", path: ["archive"], message: 'archive needs status "archived"' });
}

export const errorStatusUpdateSchema = z
  .object({
    status: z
      .enum(["open", "resolved", "archived"], {
        error: 'status must be "open", "resolved" or "archived"',
      })
      .optional(),
    ...statusOptions,
  })
  .superRefine((value, ctx) => {
    if (value.status === undefined && value.assigneeId === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: "send status, assigneeId or both",
      });
    optionsMatchStatus(value, ctx);
  });

export const BULK_ACTIONS = [
  "archive",
  "unarchive",
  "resolve",
  "reopen",
  "assign",
  "delete",
] as const;

export const bulkErrorsSchema = z
  .object({
    ids: z
      .array(z.number({ error: "ids must be error ids (integers)" }).int().positive(), {
        error: "ids must be an array of error ids",
      })
      .min(1, "ids must contain at least one id")
      .max(MAX_BULK_IDS, `ids may contain at most ${MAX_BULK_IDS} ids`),
    action: z.enum(BULK_ACTIONS, {
      error: `action must be one of: ${BULK_ACTIONS.map((a) => `"${a}"`).join(", ")}`,
    }),
    ...statusOptions,
  })
  .superRefine((value, ctx) => {
    const status = BULK_STATUS[value.action] ?? undefined;
    optionsMatchStatus({ ...value, status }, ctx);
    if (value.action === "assign" && value.assigneeId === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["assigneeId"],
        message: 'action "assign" needs assigneeId (a user id, or null for nobody)',
      });
  });

/** The status each bulk action sets; assign and delete set none. */
export const BULK_STATUS: Record<
  (typeof BULK_ACTIONS)[number],
  "open" | "resolved" | "archived" | null
> = {
  archive: "archived",
  unarchive: "open",
  resolve: "resolved",
  reopen: "open",
  assign: null,
  delete: null,
};
