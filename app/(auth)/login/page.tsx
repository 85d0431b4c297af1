import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { LoginForm } from "@/components/login-form";
import { currentUser } from "@/lib/auth/session";
import { relativePath } from "@/lib/relative-path";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  // Here rather than in the proxy, which cannot tell a live session from a revoked cookie.
  if (await currentUser()) redirect("/errors");
  const { callbackUrl } = await searchParams;
  const back = typeof callbackUrl === "string" ? relativePath(callbackUrl) : undefined;
  return (
    <AuthCard
      title="Log in"
      subtitle="Welcome back. Your errors are waiting."
      footer={{
        text: "New to Error Central?",
        // A visitor sent here from a page (an invitation link) comes back to it after signing up.
        href: back ? `/signup?callbackUrl=${encodeURIComponent(back)}` : "/signup",
        link: "Create an account",
      }}
    >
      <LoginForm callbackUrl={back} />
    </AuthCard>
  );
}
