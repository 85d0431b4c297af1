import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { SignupForm } from "@/components/signup-form";
import { currentUser } from "@/lib/auth/session";
import { relativePath } from "@/lib/relative-path";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignupPage({
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
      title="Create your account"
      subtitle="Group, count and triage the errors of every application in one place."
      footer={{
        text: "Already have an account?",
        href: back ? `/login?callbackUrl=${encodeURIComponent(back)}` : "/login",
        link: "Log in",
      }}
    >
      <SignupForm callbackUrl={back} />
    </AuthCard>
  );
}
