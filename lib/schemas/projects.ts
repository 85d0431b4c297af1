import { z } from "zod";
import { MEMBER_ROLE_VALUES } from "@/db/schema";
import { zodMessage } from "../i18n/server-messages";
import { emailSchema } from "./auth";

// Request bodies.

/** A project or ingest key name. */
export const projectNameSchema = z
  .string(zodMessage("ServerValidation.nameRequired"))
  .trim()
  .min(1, zodMessage("ServerValidation.nameRequired"))
  .max(100, zodMessage("ServerValidation.nameTooLong", { max: 100 }));

export const createProjectSchema = z.object({ name: projectNameSchema });

/** PATCH /api/projects/:id: a new name, an ingest quota (events a minute; null for the default), or both. */
export const patchProjectSchema = z
  .object({
    name: projectNameSchema.optional(),
    eventsPerMinute: z
      .number(zodMessage("ServerValidation.eventsPerMinuteType"))
      .int(zodMessage("ServerValidation.eventsPerMinuteWhole"))
      .min(1, zodMessage("ServerValidation.eventsPerMinuteMin"))
      .max(100_000_000, zodMessage("ServerValidation.eventsPerMinuteMax"))
      .nullable()
      .optional(),
  })
  .refine((value) => value.name !== undefined || value.eventsPerMinute !== undefined, {
    ...zodMessage("ServerValidation.projectPatchEmpty"),
  });

export const createIngestKeySchema = z.object({ name: projectNameSchema });

/** POST /api/projects/:id/invitations (and /members): who to invite. */
export const inviteSchema = z.object({ email: emailSchema });

export type CreateProjectInput = z.infer<typeof createProjectSchema>;
export type InviteInput = z.infer<typeof inviteSchema>;

// Response bodies: for the OpenAPI document, and checked against real answers in the API tests.

const timestamp = z.iso.datetime();
export const memberRoleSchema = z.enum(MEMBER_ROLE_VALUES);

export const projectSchema = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  role: memberRoleSchema,
  eventsPerMinute: z.number().int().nullable(),
  createdAt: timestamp,
});

export const projectListSchema = z.strictObject({ items: z.array(projectSchema) });

/** An ingest key as listed: the prefix only, never the key or its hash. */
export const ingestKeySchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
  createdBy: z.strictObject({ id: z.number().int(), name: z.string() }),
});

export const ingestKeyListSchema = z.strictObject({ items: z.array(ingestKeySchema) });

/** A new ingest key: the only answer that carries the key itself. */
export const createdIngestKeySchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: timestamp,
  key: z.string(),
  dsn: z.string(),
});

export const createdProjectSchema = z.strictObject({
  project: projectSchema,
  ingestKey: z.strictObject({
    id: z.uuid(),
    name: z.string(),
    key: z.string(),
    prefix: z.string(),
    dsn: z.string(),
  }),
});

export const memberSchema = z.strictObject({
  userId: z.number().int(),
  name: z.string(),
  email: z.string(),
  role: memberRoleSchema,
  createdAt: timestamp,
});

export const memberListSchema = z.strictObject({ items: z.array(memberSchema) });

/** The answer to an invitation: the same shape (and status) whoever the address belongs to. */
export const invitationReceiptSchema = z.strictObject({
  invitation: z.strictObject({ id: z.uuid(), email: z.string(), expiresAt: timestamp }),
  emailSent: z.boolean().meta({
    description: "Whether a link was emailed (only when SMTP is configured and answered in time).",
  }),
});

const invitedBySchema = z.strictObject({ id: z.number().int(), name: z.string() }).nullable();

/** A pending invitation, as the project's owners see it. */
export const projectInvitationSchema = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  createdAt: timestamp,
  expiresAt: timestamp,
  invitedBy: invitedBySchema,
});

export const projectInvitationListSchema = z.strictObject({
  items: z.array(projectInvitationSchema),
});

/** A pending invitation sent to the caller's address. */
export const myInvitationSchema = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  project: z.strictObject({ id: z.number().int(), name: z.string() }),
  invitedBy: invitedBySchema,
  createdAt: timestamp,
  expiresAt: timestamp,
});

export const myInvitationListSchema = z.strictObject({ items: z.array(myInvitationSchema) });

export const acceptedInvitationSchema = z.strictObject({ project: projectSchema });
