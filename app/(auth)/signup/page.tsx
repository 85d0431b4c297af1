import type { Metadata } from "next";
import { AuthCard } from "@/components/auth-card";
import { SignupForm } from "@/components/signup-form";
import { relativePath } from "@/lib/relative-path";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignupPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
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
