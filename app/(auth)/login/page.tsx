import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth-card";
import { LoginForm } from "@/components/login-form";
import { currentUser } from "@/lib/auth/session";
import { relativePath } from "@/lib/relative-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("LoginPage"))("metaTitle") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  // Here rather than in the proxy, which cannot tell a live session from a revoked cookie.
  if (await currentUser()) redirect("/errors");
  const { callbackUrl } = await searchParams;
  const back = typeof callbackUrl === "string" ? relativePath(callbackUrl) : undefined;
  const t = await getTranslations("LoginPage");
  return (
    <AuthCard
      title={t("title")}
      subtitle={t("subtitle")}
      footer={{
        text: t("footerText"),
        // A visitor sent here from a page (an invitation link) comes back to it after signing up.
        href: back ? `/signup?callbackUrl=${encodeURIComponent(back)}` : "/signup",
        link: t("footerLink"),
      }}
    >
      <LoginForm callbackUrl={back} />
    </AuthCard>
  );
}
