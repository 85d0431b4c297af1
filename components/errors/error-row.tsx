"use client";

import Link from "next/link";
import { memo } from "react";
import { LevelBadge } from "@/components/ui/level-badge";
import { TriageBadges } from "@/components/ui/triage-badges";
import type { ErrorStatusFilter } from "@/lib/errors/list-query";
import { EnvironmentBadge } from "./environment-badge";
import { RelativeTime, useHydrated } from "./relative-time";
import { type RowActionHandlers, RowActions, rowLabel, rowTitleId } from "./row-actions";
import { SelectCheckbox } from "./select-checkbox";
import { Sparkline } from "./sparkline";
import type { ErrorRow as Row } from "./types";

const numberFormat = new Intl.NumberFormat("en");

/**
 * One error: a row of the table from md up, a card below (app/errors-list.css lays out the
 * same cells). `wide` only switches the semantics, from a table row to a list item.
 */
export const ErrorListRow = memo(function ErrorListRow({
  row,
  wide,
  selected,
  current,
  onToggle,
  view,
  showEnvironment,
  ...handlers
}: RowActionHandlers & {
  row: Row;
  wide: boolean;
  selected: boolean;
  /** The row the keyboard shortcuts act on. */
  current: boolean;
  onToggle: (id: number) => void;
  view: ErrorStatusFilter | null;
  showEnvironment: boolean;
}) {
  const cell = wide ? undefined : "none";
  const tips = useHydrated();
  return (
    <tr
      role={wide ? undefined : "listitem"}
      data-error-row={row.id}
      data-selected={selected || undefined}
      aria-current={current ? "true" : undefined}
    >
      <td role={cell} className="c-sel">
        <SelectCheckbox
          aria-labelledby={rowLabel("select", row.id)}
          checked={selected}
          onChange={() => onToggle(row.id)}
        />
      </td>
      <td role={cell}>
        <LevelBadge level={row.level} />
      </td>
      <td role={cell} className="c-main">
        <Link
          id={rowTitleId(row.id)}
          href={`/errors/${row.id}`}
          prefetch={false}
          className="el-t"
          title={tips ? row.title : undefined}
        >
          {row.title}
        </Link>
        <div className="el-m">
          <TriageBadges
            status={row.status}
            substatus={row.substatus}
            eventsSinceStatus={row.eventsSinceStatus}
            view={view}
          />
          {showEnvironment ? <EnvironmentBadge environment={row.environment} /> : null}
          <p className="el-p" title={(tips && row.detailsPreview) || undefined}>
            <span className="el-o">{row.detailsPreview ? `${row.origin} · ` : row.origin}</span>
            {row.detailsPreview}
          </p>
        </div>
      </td>
      <td role={cell} className="c-org" title={tips ? row.origin : undefined}>
        {row.origin}
      </td>
      <td role={cell} className="c-n">
        {numberFormat.format(row.count)}
      </td>
      <td role={cell} className="c-last">
        <RelativeTime iso={row.lastSeen} />
      </td>
      <td role={cell} className="c-first">
        <RelativeTime iso={row.firstSeen} />
      </td>
      <td role={cell} className="c-trend">
        <Sparkline counts={row.hourly} />
      </td>
      <td role={cell} className="c-act">
        <RowActions row={row} wide={wide} tips={tips} {...handlers} />
      </td>
    </tr>
  );
});
