import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../password";

export const emailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email("Enter a valid email address."));

const newPasswordSchema = z
  .string({ error: "Password is required." })
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`);

export const signupSchema = z.object({
  name: z
    .string({ error: "Name is required." })
    .trim()
    .min(1, "Name is required.")
    .max(50, "Name must be at most 50 characters."),
  email: emailSchema,
  password: newPasswordSchema,
});

/** Changing the password: the current one proves it is the user, the new one obeys sign-up's rules. */
export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, "Enter your current password.")
    .max(PASSWORD_MAX_LENGTH, "The current password is wrong."),
  newPassword: newPasswordSchema,
});

export const tokenRequestSchema = z.object({
  email: z.string({ error: "Email is required." }).trim().min(1, "Email is required.").max(254),
  password: z
    .string({ error: "Password is required." })
    .min(1, "Password is required.")
    .max(PASSWORD_MAX_LENGTH),
  name: z.string().trim().min(1).max(100).optional(),
});

export const tokenNameSchema = z.object({
  name: z
    .string({ error: "Name is required." })
    .trim()
    .min(1, "Name is required.")
    .max(100, "Name must be at most 100 characters."),
});

export const TOKEN_MAX_EXPIRY_DAYS = 365;

/** A new personal token: its name and, optionally, how many days it lives (none: forever). */
export const createTokenSchema = tokenNameSchema.extend({
  expiresInDays: z
    .int("expiresInDays must be a whole number of days.")
    .min(1, "expiresInDays must be at least 1.")
    .max(TOKEN_MAX_EXPIRY_DAYS, `expiresInDays must be at most ${TOKEN_MAX_EXPIRY_DAYS}.`)
    .nullish(),
});

export type SignupInput = z.infer<typeof signupSchema>;
