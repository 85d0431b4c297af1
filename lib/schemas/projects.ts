import { z } from "zod";
import { MEMBER_ROLE_VALUES } from "@/db/schema";
import { emailSchema } from "./auth";

// Request bodies.

/** A project or ingest key name. */
export const projectNameSchema = z
  .string({ error: "Name is required." })
  .trim()
  .min(1, "Name is required.")
  .max(100, "Name must be at most 100 characters.");

export const createProjectSchema = z.object({ name: projectNameSchema });
export const updateProjectSchema = z.object({ name: projectNameSchema });

/** PATCH /api/projects/:id: a new name, an ingest quota (events a minute; null for the default), or both. */
export const patchProjectSchema = z
  .object({
    name: projectNameSchema.optional(),
    eventsPerMinute: z
      .number({ error: "eventsPerMinute must be a whole number of events a minute, or null" })
      .int("eventsPerMinute must be a whole number")
      .min(1, "eventsPerMinute must be at least 1")
      .max(100_000_000, "eventsPerMinute must be at most 100000000")
      .nullable()
      .optional(),
  })
  .refine((value) => value.name !== undefined || value.eventsPerMinute !== undefined, {
    message: "Send a name, eventsPerMinute, or both.",
  });

export const createIngestKeySchema = z.object({ name: projectNameSchema });

export const addMemberSchema = z.object({ email: emailSchema });

export type CreateProjectInput = z.infer<typeof createProjectSchema>;
export type AddMemberInput = z.infer<typeof addMemberSchema>;

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
