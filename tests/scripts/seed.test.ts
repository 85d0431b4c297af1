import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { DEMO } from "@/scripts/db/seed-demo";
import { freshPostgres } from "@/tests/support/databases";
import { runScript } from "./run-script";

const serverUrl = process.env.TEST_DATABASE_URL;

// The demo account's password is public: a production database gets it only on request.
describe.skipIf(!serverUrl)("npm run db:seed on a production database", () => {
  it("refuses without --allow-production, and seeds with it", async () => {
    const database = await freshPostgres(serverUrl as string);
    try {
      const production = {
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        AUTH_SECRET: "x".repeat(40),
      };
      const demoUsers = () =>
        database.db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.email));

      const refused = await runScript("scripts/db/seed.ts", [], production);
      expect(refused.code, refused.output).not.toBe(0);
      expect(refused.output).toMatch(/Refusing to create the demo account/);
      expect(refused.output).toMatch(/--allow-production/);
      expect(await demoUsers()).toHaveLength(0);

      const allowed = await runScript("scripts/db/seed.ts", ["--allow-production"], production);
      expect(allowed.code, allowed.output).toBe(0);
      expect(await demoUsers()).toHaveLength(1);
    } finally {
      await database.drop();
    }
  }, 120_000);
});
