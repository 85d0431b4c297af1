import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth-card";
import { SignupForm } from "@/components/signup-form";
import { currentUser } from "@/lib/auth/session";
import { relativePath } from "@/lib/relative-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SignupPage"))("metaTitle") };
}

export default async function SignupPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  // Here rather than in the proxy, which cannot tell a live session from a revoked cookie.
  if (await currentUser()) redirect("/errors");
  const { callbackUrl } = await searchParams;
  const back = typeof callbackUrl === "string" ? relativePath(callbackUrl) : undefined;
  const t = await getTranslations("SignupPage");
  return (
    <AuthCard
      title={t("title")}
      subtitle={t("subtitle")}
      footer={{
        text: t("footerText"),
        href: back ? `/login?callbackUrl=${encodeURIComponent(back)}` : "/login",
        link: t("footerLink"),
      }}
    >
      <SignupForm callbackUrl={back} />
    </AuthCard>
  );
}
