import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id, a const enum */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed check, never a way in.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Burns the same time as a real check, for unknown emails, so timing reveals nothing. */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword("error-central-dummy-password");
  await verifyPassword(await dummyHash, password);
  return false;
}
