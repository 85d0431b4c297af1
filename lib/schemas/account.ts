import { z } from "zod";
import { LOCALES } from "../i18n/config";
import { zodMessage } from "../i18n/server-messages";

/** PATCH /api/account: the account's language; null goes back to following the browser. */
export const accountUpdateSchema = z.strictObject({
  locale: z
    .enum(LOCALES, zodMessage("ServerValidation.localeOneOf", { list: LOCALES.join(", ") }))
    .nullable(),
});

export type AccountUpdate = z.infer<typeof accountUpdateSchema>;
