"use client";

import { useTranslations } from "next-intl";
import { Avatar } from "./avatar";
import { Menu, MenuItem, MenuLabel, MenuSeparator } from "./menu";

/** A user as the pickers show them. */
export interface Person {
  id: number;
  name: string;
}

/**
 * The choices of an assignee: me, nobody, then the other members of the project. `current` is
 * the one assignee of a single error (a radio mark); undefined for several errors at once.
 * Each choice calls `onAssign`, or, with `submit`, posts its form with `assigneeId`
 * (an id, or "none").
 */
export function AssignMenu({
  members,
  currentUserId,
  current,
  onAssign,
  submit,
  label,
  buttonLabel,
  trigger,
  triggerClassName,
  title,
  disabled,
  align,
  lazy,
}: {
  members: Person[];
  currentUserId: number;
  current?: Person | null;
  onAssign?: (assigneeId: number | null) => void;
  submit?: boolean;
  label?: string;
  buttonLabel?: string;
  trigger: React.ReactNode;
  triggerClassName: string;
  title?: string;
  disabled?: boolean;
  align?: "start" | "end";
  /** See Menu: render the choices only once the button is reached. */
  lazy?: boolean;
}) {
  const t = useTranslations("AssignMenu");
  const me = members.find((member) => member.id === currentUserId);
  const others = members.filter((member) => member.id !== currentUserId);
  const checked = (id: number | null) =>
    current === undefined ? undefined : (current?.id ?? null) === id;
  const item = (id: number | null) => ({
    checked: checked(id),
    onClick: onAssign ? () => onAssign(id) : undefined,
    ...(submit ? { type: "submit" as const, name: "assigneeId", value: id ?? "none" } : {}),
  });
  return (
    <Menu
      label={label ?? t("menu")}
      buttonLabel={buttonLabel}
      trigger={trigger}
      triggerClassName={triggerClassName}
      title={title}
      disabled={disabled}
      align={align}
      lazy={lazy}
    >
      {me ? (
        <MenuItem {...item(me.id)}>
          <span className="flex items-center gap-2">
            <Avatar id={me.id} name={me.name} />
            {t("me")} <span className="text-zinc-500 dark:text-zinc-400">({me.name})</span>
          </span>
        </MenuItem>
      ) : null}
      <MenuItem {...item(null)}>
        <span className="flex items-center gap-2">
          <span
            aria-hidden
            className="inline-flex size-6 items-center justify-center rounded-full border border-dashed border-zinc-400 text-zinc-500 dark:border-zinc-500"
          >
            –
          </span>
          {t("nobody")}
        </span>
      </MenuItem>
      {others.length > 0 ? (
        <>
          <MenuSeparator />
          <MenuLabel>{t("members")}</MenuLabel>
          {others.map((member) => (
            <MenuItem key={member.id} {...item(member.id)}>
              <span className="flex min-w-0 items-center gap-2">
                <Avatar id={member.id} name={member.name} />
                <span className="truncate">{member.name}</span>
              </span>
            </MenuItem>
          ))}
        </>
      ) : null}
    </Menu>
  );
}

export function PersonPlusIcon() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      className="size-4"
    >
      <circle cx="6.5" cy="5" r="2.75" />
      <path d="M1.75 13.5c.5-2.5 2.4-4 4.75-4s4.25 1.5 4.75 4M12.5 4.5v4M10.5 6.5h4" />
    </svg>
  );
}
