import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { SignupForm } from "@/components/signup-form";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignupPage() {
  // Here rather than in the proxy, which cannot tell a live session from a revoked cookie.
  if (await currentUser()) redirect("/errors");
  return (
    <AuthCard
      title="Create your account"
      subtitle="Group, count and triage the errors of every application in one place."
      footer={{ text: "Already have an account?", href: "/login", link: "Log in" }}
    >
      <SignupForm />
    </AuthCard>
  );
}
