import { z } from "zod";
import { parseText, zodMessage } from "../i18n/server-messages";

export const MAX_BULK_IDS = 1000;
/** An archive may last at most a year, and wait for at most a million events. */
export const MAX_ARCHIVE_DAYS = 366;
export const MAX_ARCHIVE_EVENTS = 1_000_000;
/** "N events within M minutes": counting reads at most N events, so N is kept small. */
export const MAX_ARCHIVE_RATE_COUNT = 10_000;
export const MAX_ARCHIVE_RATE_MINUTES = 7 * 24 * 60;

const positiveInt = (name: string, max: number) =>
  z
    .number(zodMessage("ServerValidation.fieldInteger", { name }))
    .int(zodMessage("ServerValidation.fieldInteger", { name }))
    .min(1, zodMessage("ServerValidation.fieldAtLeastOne", { name }))
    .max(max, zodMessage("ServerValidation.fieldAtMost", { name, max }));

/** When an archive ends by itself: a time, N more events, or N events within M minutes. */
export const archiveConditionSchema = z
  .object(
    {
      until: z.iso
        .datetime({ offset: true, ...zodMessage("ServerValidation.archiveUntilDate") })
        .transform((value) => new Date(value))
        .refine(
          (date) => date.getTime() > Date.now(),
          zodMessage("ServerValidation.archiveUntilFuture"),
        )
        .refine(
          (date) => date.getTime() <= Date.now() + MAX_ARCHIVE_DAYS * 86_400_000,
          zodMessage("ServerValidation.archiveUntilWithin", { days: String(MAX_ARCHIVE_DAYS) }),
        )
        .optional(),
      untilEvents: positiveInt("archive.untilEvents", MAX_ARCHIVE_EVENTS).optional(),
      untilRate: z
        .object(
          {
            count: positiveInt("archive.untilRate.count", MAX_ARCHIVE_RATE_COUNT),
            minutes: positiveInt("archive.untilRate.minutes", MAX_ARCHIVE_RATE_MINUTES),
          },
          zodMessage("ServerValidation.archiveUntilRate", { shape: "{count, minutes}" }),
        )
        .optional(),
    },
    zodMessage("ServerValidation.archiveObject", { shape: "{until?, untilEvents?, untilRate?}" }),
  )
  .refine(
    (archive) =>
      [archive.until, archive.untilEvents, archive.untilRate].filter(Boolean).length <= 1,
    zodMessage("ServerValidation.archiveOneCondition"),
  );

const statusOptions = {
  resolve: z.enum(["now", "inNextRelease"], zodMessage("ServerValidation.resolveOneOf")).optional(),
  archive: archiveConditionSchema.nullable().optional(),
  assigneeId: z
    .number(zodMessage("ServerValidation.assigneeIdType"))
    .int(zodMessage("ServerValidation.assigneeIdType"))
    .positive(zodMessage("ServerValidation.assigneeIdType"))
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
    ctx.addIssue({
      code: "custom",
      path: ["resolve"],
      message: parseText("ServerValidation.resolveNeedsStatus"),
    });
  if (value.archive != null && value.status !== "archived")
    ctx.addIssue({
      code: "custom",
      path: ["archive"],
      message: parseText("ServerValidation.archiveNeedsStatus"),
    });
}

export const errorStatusUpdateSchema = z
  .object({
    status: z
      .enum(["open", "resolved", "archived"], {
        ...zodMessage("ServerValidation.statusOneOf"),
      })
      .optional(),
    ...statusOptions,
  })
  .superRefine((value, ctx) => {
    if (value.status === undefined && value.assigneeId === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: parseText("ServerValidation.statusPatchEmpty"),
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
      .array(z.number(zodMessage("ServerValidation.idsIntegers")).int().positive(), {
        ...zodMessage("ServerValidation.idsArray"),
      })
      .min(1, zodMessage("ServerValidation.idsMin"))
      .max(MAX_BULK_IDS, zodMessage("ServerValidation.idsMax", { max: String(MAX_BULK_IDS) })),
    action: z.enum(BULK_ACTIONS, {
      ...zodMessage("ServerValidation.actionOneOf", {
        list: BULK_ACTIONS.map((a) => `"${a}"`).join(", "),
      }),
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
        message: parseText("ServerValidation.assignNeedsAssignee"),
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
