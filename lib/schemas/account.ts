import { z } from "zod";
import { LOCALES } from "../i18n/config";

/** PATCH /api/account: the account's language; null goes back to following the browser. */
export const accountUpdateSchema = z.strictObject({
  locale: z
    .enum(LOCALES, { error: `locale must be one of ${LOCALES.join(", ")}, or null.` })
    .nullable(),
});

export type AccountUpdate = z.infer<typeof accountUpdateSchema>;
