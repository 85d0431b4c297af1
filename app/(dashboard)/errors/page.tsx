import type { Metadata } from "next";
import { auth } from "@/auth";
import { getDb } from "@/db";
import { listProjectsForUser } from "@/db/queries/projects";

export const metadata: Metadata = { title: "Errors" };

export default async function ErrorsPage() {
  const session = await auth();
  const projects = await listProjectsForUser(await getDb(), Number(session?.user?.id));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Errors</h1>
      <section className="rounded-2xl border border-dashed border-zinc-300 bg-white p-8 text-center dark:border-zinc-700 dark:bg-zinc-900">
        <h2 className="text-lg font-medium">No errors yet</h2>
        <p className="mx-auto mt-2 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
          Send events to <code className="font-mono">POST /api/events</code> with an ingest key of{" "}
          {projects[0] ? <strong>{projects[0].name}</strong> : "your project"} and they appear here,
          grouped by error.
        </p>
      </section>
    </div>
  );
}
