import { z } from "zod";

export const errorStatusUpdateSchema = z.object({
  status: z.enum(["open", "archived"], { error: 'status must be "open" or "archived"' }),
});

export const MAX_BULK_IDS = 1000;

export const bulkErrorsSchema = z.object({
  ids: z
    .array(z.number({ error: "ids must be error ids (integers)" }).int().positive(), {
      error: "ids must be an array of error ids",
    })
    .min(1, "ids must contain at least one id")
    .max(MAX_BULK_IDS, `ids may contain at most ${MAX_BULK_IDS} ids`),
  action: z.enum(["archive", "unarchive", "delete"], {
    error: 'action must be one of: "archive", "unarchive", "delete"',
  }),
});
