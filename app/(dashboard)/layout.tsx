import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { AppShell } from "@/components/app-shell";
import { getDb } from "@/db";
import { findUserById } from "@/db/queries/users";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!Number.isInteger(userId) || userId <= 0) redirect("/login");
  const user = await findUserById(await getDb(), userId);
  return (
    <AppShell userName={user?.name ?? null}>
      {user ? (
        children
      ) : (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          This account no longer exists. Sign out and create a new one.
        </p>
      )}
    </AppShell>
  );
}
