import { AreaMessages } from "@/components/i18n/area-messages";

/** The welcome page's messages travel with it only. */
export default function WelcomeLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="welcome">{children}</AreaMessages>;
}
