import { AppShell } from "@/components/app-shell";
import { requireUser } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // A deleted account takes its sessions with it (ON DELETE CASCADE): back to the login page.
  const user = await requireUser();
  return <AppShell userName={user.name}>{children}</AppShell>;
}
