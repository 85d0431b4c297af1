import type { Metadata } from "next";
import { AuthCard } from "@/components/auth-card";
import { SignupForm } from "@/components/signup-form";

export const metadata: Metadata = { title: "Sign up" };

export default function SignupPage() {
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
