import { AreaMessages } from "@/components/i18n/area-messages";

/** The rule form's and the rules' client messages travel with the alert pages only, not Settings'. */
export default function AlertsLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="alerts">{children}</AreaMessages>;
}
