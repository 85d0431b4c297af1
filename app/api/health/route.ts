import { sql } from "drizzle-orm";
import { getDbHandle } from "@/lib/db";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 3000;

export async function GET(): Promise<Response> {
  const started = performance.now();
  try {
    const { db, kind } = await withTimeout(getDbHandle(), TIMEOUT_MS);
    await withTimeout(db.execute(sql`select 1`), TIMEOUT_MS);
    return Response.json({
      status: "ok",
      database: { status: "ok", kind, latencyMs: Math.round(performance.now() - started) },
    });
  } catch (error) {
    console.error("health check: database unreachable:", error);
    return Response.json(
      { status: "degraded", database: { status: "unreachable" } },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
