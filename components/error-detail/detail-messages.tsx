import { getMessages } from "next-intl/server";
import { DETAIL_CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";
import { MergeMessages } from "./merge-messages";

/**
 * The client components of an error's and an event's pages (triage actions, charts, times,
 * the live bar) translate with these namespaces: they travel with these pages only, so that
 * the list and the other pages do not carry them.
 */
export async function DetailMessages({ children }: { children: React.ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  return (
    <MergeMessages messages={pickMessages(messages, DETAIL_CLIENT_NAMESPACES) as never}>
      {children}
    </MergeMessages>
  );
}
