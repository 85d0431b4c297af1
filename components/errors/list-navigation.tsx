"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, use, useCallback, useMemo, useTransition } from "react";

type HistoryMode = "push" | "replace";

interface NavigateOptions {
  mode?: HistoryMode;
  /** Scroll to the top once the page arrives: for paging, not for filters. */
  scroll?: boolean;
}

interface ListNavigation {
  navigate: (href: string, options?: NavigateOptions) => void;
  isPending: boolean;
}

const ListNavigationContext = createContext<ListNavigation | null>(null);

/**
 * Every change of the list's URL goes through one transition, so the current table stays on
 * screen (dimmed) while the next one renders on the server, instead of a blank loading state.
 */
export function ListNavigationProvider({ children }: { children: React.ReactNode }) {
  const t = useTranslations("ErrorList");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const navigate = useCallback(
    // Push by default: each change of the view is one history entry, which Back undoes.
    (href: string, { mode = "push", scroll = false }: NavigateOptions = {}) => {
      startTransition(() => {
        if (mode === "push") router.push(href, { scroll });
        else router.replace(href, { scroll });
      });
    },
    [router],
  );
  const value = useMemo(() => ({ navigate, isPending }), [navigate, isPending]);
  return (
    <ListNavigationContext value={value}>
      <div className="group/list relative" data-pending={isPending || undefined}>
        <div
          aria-hidden
          className="pointer-events-none fixed inset-x-0 top-0 z-30 h-0.5 overflow-hidden opacity-0 transition-opacity group-data-pending/list:opacity-100"
        >
          <div className="h-full w-1/3 animate-[list-progress_1s_ease-in-out_infinite] bg-indigo-500 motion-reduce:w-full motion-reduce:animate-none" />
        </div>
        <p className="sr-only" role="status">
          {isPending ? t("loading") : ""}
        </p>
        {children}
      </div>
    </ListNavigationContext>
  );
}

export function useListNavigation(): ListNavigation {
  const value = use(ListNavigationContext);
  if (!value) throw new Error("useListNavigation needs a ListNavigationProvider");
  return value;
}

/** A real link (open in a new tab works) whose plain click navigates inside the transition. */
export function ListLink({
  href,
  mode = "push",
  scroll = false,
  onClick,
  ...props
}: Omit<React.ComponentProps<typeof Link>, "href" | "scroll"> & {
  href: string;
  mode?: HistoryMode;
  scroll?: boolean;
}) {
  const { navigate } = useListNavigation();
  return (
    <Link
      href={href}
      prefetch={false}
      scroll={scroll}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || event.button !== 0) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href, { mode, scroll });
      }}
      {...props}
    />
  );
}
