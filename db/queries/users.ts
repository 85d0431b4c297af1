import { eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { isUniqueViolation } from "../driver-errors";
import { hashPassword, verifyDummyPassword, verifyPassword } from "../password-hash";
import { projectMembers, users } from "../schema";
import { uniqueSlug } from "../slug";
import { insertProject } from "./projects";
import { type CreatedToken, createToken } from "./tokens";

export interface PublicUser {
  id: number;
  name: string;
  email: string;
  createdAt: Date;
}

const publicUserColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  createdAt: users.createdAt,
};

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists.");
  }
}

export interface CreatedAccount {
  user: PublicUser;
  project: { id: number; name: string; slug: string };
  personalToken: CreatedToken;
  ingestKey: CreatedToken;
}

/** What sign-up names the first project, key and token (in the sign-up's language). */
export interface SignupNames {
  project: string;
  ingestKey: string;
  personalToken: string;
}

/** User, first project, membership, ingest key and personal token: all or nothing. */
export async function createAccount(
  db: Db,
  input: { name: string; email: string; password: string; names?: SignupNames },
): Promise<CreatedAccount> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ name: input.name, email, passwordHash })
        .returning(publicUserColumns);
      if (!user) throw new Error("user insert returned no row");
      const projectName = input.names?.project ?? `${input.name.split(/\s+/)[0] || "My"}'s project`;
      const { id, name, slug } = await insertProject(tx, { name: projectName }, () =>
        uniqueSlug(input.name),
      );
      const project = { id, name, slug };
      await tx
        .insert(projectMembers)
        .values({ projectId: project.id, userId: user.id, role: "owner" });
      const ingestKey = await createToken(tx, {
        userId: user.id,
        name: input.names?.ingestKey ?? "Default ingest key",
        kind: "ingest",
        projectId: project.id,
      });
      const personalToken = await createToken(tx, {
        userId: user.id,
        name: input.names?.personalToken ?? "Created at sign-up",
        kind: "personal",
      });
      return { user, project, personalToken, ingestKey };
    });
  } catch (error) {
    // The one unique index left to violate: project slugs are drawn again on a clash.
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

export async function findUserById(db: DbOrTx, id: number): Promise<PublicUser | null> {
  const [row] = await db.select(publicUserColumns).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/** The language a user chose (null: none saved, or no such user). */
export async function findUserLocale(db: DbOrTx, id: number): Promise<string | null> {
  const [row] = await db
    .select({ locale: users.locale })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row?.locale ?? null;
}

/** The names of the users with these ids (a deleted user is missing from the map). */
export async function findUserNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Looks a user up by email, ignoring case. */
export async function findUserByEmail(db: DbOrTx, email: string): Promise<PublicUser | null> {
  const [row] = await db
    .select(publicUserColumns)
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizeEmail(email)))
    .limit(1);
  return row ?? null;
}

/**
 * Checks an email and password pair. An unknown email costs the same argon2 work as a wrong
 * password, so the answer's timing does not tell which one was wrong.
 */
export async function verifyCredentials(
  db: DbOrTx,
  input: { email: string; password: string },
): Promise<PublicUser | null> {
  const [row] = await db
    .select({ ...publicUserColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizeEmail(input.email)))
    .limit(1);
  if (!row) return verifyDummyPassword(input.password).then(() => null);
  const { passwordHash, ...user } = row;
  return (await verifyPassword(passwordHash, input.password)) ? user : null;
}

/** Checks the password of a known user; false for a wrong one or an unknown user. */
export async function verifyUserPassword(
  db: DbOrTx,
  input: { userId: number; password: string },
): Promise<boolean> {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, input.userId))
    .limit(1);
  if (!row) return verifyDummyPassword(input.password);
  return verifyPassword(row.passwordHash, input.password);
}

/** Stores a new password (hashed here); false when the user no longer exists. */
export async function updatePassword(
  db: DbOrTx,
  input: { userId: number; password: string },
): Promise<boolean> {
  const passwordHash = await hashPassword(input.password);
  const rows = await db
    .update(users)
    .set({ passwordHash })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id });
  return rows.length > 0;
}
