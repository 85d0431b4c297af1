import { AreaMessages } from "@/components/i18n/area-messages";

/** The list's messages (table, toolbar, search box) travel with the list only. */
export default function ErrorsListLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="errorsList">{children}</AreaMessages>;
}
