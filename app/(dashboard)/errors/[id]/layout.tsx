import { AreaMessages } from "@/components/i18n/area-messages";

/** The badges', menus' and live updates' messages travel with an error's pages only. */
export default function ErrorDetailLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="errorDetail">{children}</AreaMessages>;
}
