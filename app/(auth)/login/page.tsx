import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { LoginForm } from "@/components/login-form";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  // Here rather than in the proxy, which cannot tell a live session from a revoked cookie.
  if (await currentUser()) redirect("/errors");
  const { callbackUrl } = await searchParams;
  return (
    <AuthCard
      title="Log in"
      subtitle="Welcome back. Your errors are waiting."
      footer={{ text: "New to Error Central?", href: "/signup", link: "Create an account" }}
    >
      <LoginForm
        callbackUrl={typeof callbackUrl === "string" ? relativePath(callbackUrl) : undefined}
      />
    </AuthCard>
  );
}

/** Auth.js passes an absolute callbackUrl; keep only its path so it stays on this site. */
function relativePath(url: string): string | undefined {
  try {
    const parsed = new URL(url, "http://local");
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return undefined;
  }
}
