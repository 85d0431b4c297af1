import { z } from "zod";
import { zodMessage } from "../i18n/server-messages";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../password";

export const emailSchema = z
  .string(zodMessage("ServerValidation.emailRequired"))
  .trim()
  .max(254, zodMessage("ServerValidation.emailTooLong"))
  .pipe(z.email(zodMessage("ServerValidation.emailInvalid")));

const newPasswordSchema = z
  .string(zodMessage("ServerValidation.passwordRequired"))
  .min(
    PASSWORD_MIN_LENGTH,
    zodMessage("ServerValidation.passwordTooShort", { min: String(PASSWORD_MIN_LENGTH) }),
  )
  .max(
    PASSWORD_MAX_LENGTH,
    zodMessage("ServerValidation.passwordTooLong", { max: String(PASSWORD_MAX_LENGTH) }),
  );

export const signupSchema = z.object({
  name: z
    .string(zodMessage("ServerValidation.nameRequired"))
    .trim()
    .min(1, zodMessage("ServerValidation.nameRequired"))
    .max(50, zodMessage("ServerValidation.nameTooLong", { max: 50 })),
  email: emailSchema,
  password: newPasswordSchema,
});

/** Changing the password: the current one proves it is the user, the new one obeys sign-up's rules. */
export const changePasswordSchema = z.object({
  currentPassword: z
    .string(zodMessage("ServerValidation.currentPasswordRequired"))
    .min(1, zodMessage("ServerValidation.currentPasswordRequired"))
    .max(PASSWORD_MAX_LENGTH, zodMessage("ServerValidation.currentPasswordWrong")),
  newPassword: newPasswordSchema,
});

export const tokenRequestSchema = z.object({
  email: z
    .string(zodMessage("ServerValidation.emailRequired"))
    .trim()
    .min(1, zodMessage("ServerValidation.emailRequired"))
    .max(254),
  password: z
    .string(zodMessage("ServerValidation.passwordRequired"))
    .min(1, zodMessage("ServerValidation.passwordRequired"))
    .max(PASSWORD_MAX_LENGTH),
  name: z.string().trim().min(1).max(100).optional(),
});

export const tokenNameSchema = z.object({
  name: z
    .string(zodMessage("ServerValidation.nameRequired"))
    .trim()
    .min(1, zodMessage("ServerValidation.nameRequired"))
    .max(100, zodMessage("ServerValidation.nameTooLong", { max: 100 })),
});

export const TOKEN_MAX_EXPIRY_DAYS = 365;

/** A new personal token: its name and, optionally, how many days it lives (none: forever). */
export const createTokenSchema = tokenNameSchema.extend({
  expiresInDays: z
    .int(zodMessage("ServerValidation.expiresInDaysWhole"))
    .min(1, zodMessage("ServerValidation.expiresInDaysMin"))
    .max(
      TOKEN_MAX_EXPIRY_DAYS,
      zodMessage("ServerValidation.expiresInDaysMax", { max: String(TOKEN_MAX_EXPIRY_DAYS) }),
    )
    .nullish(),
});

export type SignupInput = z.infer<typeof signupSchema>;
