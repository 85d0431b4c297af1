import { AreaMessages } from "@/components/i18n/area-messages";

/** The settings forms' messages travel with the settings pages only. */
export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="settings">{children}</AreaMessages>;
}
