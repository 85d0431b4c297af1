"use client";

import { createTranslator, useLocale } from "next-intl";
import { createContext, use, useEffect, useMemo, useState } from "react";
import type { Messages } from "@/lib/i18n/messages";

type Later = Messages["ErrorListLater"];

/**
 * The catalogue of the list's area, loaded as a script of its own: none of it is in the page.
 * English is the fallback for any other locale, as in lib/i18n/locale.ts.
 */
const LOADERS: Record<string, () => Promise<{ default: { ErrorListLater: Later } }>> = {
  en: () => import("@/lib/i18n/messages/en/errors.json"),
  "pt-BR": () => import("@/lib/i18n/messages/pt-BR/errors.json"),
};

const LaterContext = createContext<Later | null>(null);

/**
 * The words the list needs only once someone acts (bulk bar, delete dialog, notices, menus'
 * hints, shortcuts, live updates): loaded after hydration instead of travelling with every
 * list page, which keeps the page within its weight budget.
 */
export function LaterMessagesProvider({ children }: { children: React.ReactNode }) {
  const locale = useLocale();
  const [messages, setMessages] = useState<Later | null>(null);
  useEffect(() => {
    let live = true;
    (LOADERS[locale] ?? LOADERS.en)?.()
      .then((module) => {
        if (live) setMessages(module.default.ErrorListLater);
      })
      .catch((error: unknown) => console.error(error));
    return () => {
      live = false;
    };
  }, [locale]);
  return <LaterContext value={messages}>{children}</LaterContext>;
}

/** ErrorListLater's translator; until the messages are there, every message is empty. */
export function useLaterTranslations() {
  const locale = useLocale();
  const messages = use(LaterContext);
  return useMemo(
    () =>
      createTranslator({
        locale,
        messages: { ErrorListLater: messages ?? EMPTY } as Messages,
        namespace: "ErrorListLater",
        getMessageFallback: () => "",
        onError: () => {},
      }),
    [locale, messages],
  );
}

const EMPTY = {} as Later;
