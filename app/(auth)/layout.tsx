import { AreaMessages } from "@/components/i18n/area-messages";

/** The login and sign-up forms' messages travel with these pages only. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="auth">{children}</AreaMessages>;
}
