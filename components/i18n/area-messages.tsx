import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { type ClientArea, clientMessages } from "@/lib/i18n/client-messages";

/**
 * The client messages of one area's pages: a provider inside the root one (which carries only
 * what every page uses). A nested provider replaces the messages rather than adding to them,
 * so it carries again what its area shares with the shell (lib/i18n/client-messages.ts).
 */
export async function AreaMessages({
  area,
  children,
}: {
  area: ClientArea;
  children: React.ReactNode;
}) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={clientMessages(messages, area)}>
      {children}
    </NextIntlClientProvider>
  );
}
