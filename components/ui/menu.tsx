"use client";

import { useEffect, useId, useRef, useState } from "react";

const GAP = 4;
const MARGIN = 8;

/**
 * A menu button on the native popover: the browser puts the menu in the top layer (no table or
 * card clips it), closes it on Escape or a click elsewhere, and gives focus back to the
 * button. Here: placing it beside the button, focus on open, arrow keys, Tab closes, and a
 * chosen item closes it. Without JavaScript the button still opens it (popovertarget) and
 * submit items still post their form.
 *
 * A `lazy` menu (one per row of a list) renders its panel only once the pointer or the focus
 * reaches its button, which is before the click that opens it: pages of many rows do not carry
 * every row's menu in their HTML.
 */
export function Menu({
  label,
  buttonLabel,
  buttonLabelledBy,
  trigger,
  triggerClassName,
  title,
  align = "end",
  disabled,
  lazy = false,
  children,
}: {
  /** The menu's accessible name. */
  label: string;
  /** The button's accessible name, when its visible content (an icon) is not enough. */
  buttonLabel?: string;
  /** Or the ids of the elements that name the button. */
  buttonLabelledBy?: string;
  trigger: React.ReactNode;
  triggerClassName: string;
  title?: string;
  align?: "start" | "end";
  disabled?: boolean;
  lazy?: boolean;
  children: React.ReactNode;
}) {
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(!lazy);
  // A click that came before the panel existed (no hover or focus first): open it once it does.
  const [openOnMount, setOpenOnMount] = useState(false);
  const mount = () => setMounted(true);

  useEffect(() => {
    if (!openOnMount || !panelRef.current) return;
    setOpenOnMount(false);
    panelRef.current.showPopover();
  }, [openOnMount]);

  const items = () =>
    Array.from(
      panelRef.current?.querySelectorAll<HTMLElement>(
        '[role^="menuitem"]:not([aria-disabled="true"]):not(:disabled)',
      ) ?? [],
    );

  /** Below the button, or above it when there is more room there; never off screen. */
  function place() {
    const button = buttonRef.current;
    const panel = panelRef.current;
    if (!button || !panel) return;
    const rect = button.getBoundingClientRect();
    const below = window.innerHeight - rect.bottom - GAP - MARGIN;
    const above = rect.top - GAP - MARGIN;
    const up = below < 240 && above > below;
    Object.assign(panel.style, {
      top: up ? "auto" : `${rect.bottom + GAP}px`,
      bottom: up ? `${window.innerHeight - rect.top + GAP}px` : "auto",
      maxHeight: `${Math.max(120, up ? above : below)}px`,
      left: align === "start" ? `${Math.max(MARGIN, rect.left)}px` : "auto",
      right: align === "end" ? `${Math.max(MARGIN, window.innerWidth - rect.right)}px` : "auto",
    });
  }

  function onKeyDown(event: React.KeyboardEvent) {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index < 0 ? -1 : index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(-1);
    else if (event.key === "Tab") panelRef.current?.hidePopover();
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        popoverTarget={mounted ? id : undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={buttonLabel}
        aria-labelledby={buttonLabelledBy}
        title={title}
        disabled={disabled}
        className={triggerClassName}
        onPointerEnter={mounted ? undefined : mount}
        onPointerDown={mounted ? undefined : mount}
        onFocus={mounted ? undefined : mount}
        onClick={
          mounted
            ? undefined
            : () => {
                mount();
                setOpenOnMount(true);
              }
        }
      >
        {trigger}
      </button>
      {mounted ? (
        <div
          ref={panelRef}
          id={id}
          popover="auto"
          role="menu"
          aria-label={label}
          tabIndex={-1}
          onBeforeToggle={(event) => {
            if (event.newState === "open") place();
          }}
          onToggle={(event) => {
            const isOpen = event.newState === "open";
            setOpen(isOpen);
            if (!isOpen) return;
            const list = items();
            (list.find((item) => item.getAttribute("aria-checked") === "true") ?? list[0])?.focus();
          }}
          onKeyDown={onKeyDown}
          onClick={(event) => {
            const item = (event.target as HTMLElement).closest('[role^="menuitem"]');
            if (item && item.getAttribute("aria-disabled") !== "true") {
              // After the click's own work (a submit, an action) has started.
              window.setTimeout(() => panelRef.current?.hidePopover(), 0);
            }
          }}
          className="m-0 min-w-48 max-w-[min(20rem,calc(100vw-1rem))] overflow-y-auto rounded-lg text-left font-normal whitespace-normal border border-zinc-200 bg-white p-1 text-sm text-zinc-800 shadow-lg [inset:auto] dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          {children}
        </div>
      ) : null}
    </>
  );
}

/** The `mi` class of app/components.css. */
const itemClass = "mi";

/**
 * One choice. `checked` makes it a radio item (the current assignee); `hint` is a second line;
 * a disabled item stays focusable and readable, with its hint saying why.
 */
export function MenuItem({
  checked,
  hint,
  disabled,
  onClick,
  children,
  className = "",
  ...props
}: Omit<React.ButtonHTMLAttributes<HTMLButtonElement>, "role"> & {
  checked?: boolean;
  hint?: React.ReactNode;
}) {
  const shared = {
    type: "button" as const,
    "aria-disabled": disabled || undefined,
    tabIndex: -1,
    onClick: (event: React.MouseEvent<HTMLButtonElement>) => {
      if (disabled) {
        event.preventDefault();
        return;
      }
      onClick?.(event);
    },
    className: `${itemClass} ${className}`,
  };
  const body = (
    <span className="min-w-0 flex-1">
      <span className="block truncate">{children}</span>
      {hint ? (
        <span className="block text-xs whitespace-normal text-zinc-500 dark:text-zinc-400">
          {hint}
        </span>
      ) : null}
    </span>
  );
  if (checked === undefined)
    return (
      <button role="menuitem" {...shared} {...props}>
        {body}
      </button>
    );
  return (
    <button role="menuitemradio" aria-checked={checked} {...shared} {...props}>
      <span aria-hidden className="w-4 shrink-0 text-indigo-600 dark:text-indigo-400">
        {checked ? "✓" : ""}
      </span>
      {body}
    </button>
  );
}

export function MenuSeparator() {
  return <hr className="my-1 border-zinc-200 dark:border-zinc-700" />;
}

export function MenuLabel({ children }: { children: React.ReactNode }) {
  return (
    <p
      aria-hidden
      className="px-2.5 pt-1.5 pb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400"
    >
      {children}
    </p>
  );
}
