import { CopyButton } from "./copy-button";

/**
 * Code on a dark panel with a copy button. Long lines wrap inside the box (never widening the
 * page at phone width) while keeping the snippet's own line breaks.
 */
export function CodeBlock({
  code,
  label,
  what,
  testId,
}: {
  code: string;
  label?: string;
  what: string;
  testId?: string;
}) {
  return (
    <div className="min-w-0 overflow-hidden rounded-lg bg-zinc-900 ring-1 ring-zinc-800 dark:bg-zinc-950">
      <div className="flex items-center justify-between gap-2 border-b border-zinc-800 px-3 py-1.5">
        <span className="truncate font-mono text-xs text-zinc-400">{label ?? ""}</span>
        <CopyButton text={code} what={what} tone="dark" />
      </div>
      <pre className="p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap wrap-anywhere text-zinc-100">
        <code data-testid={testId}>{code}</code>
      </pre>
    </div>
  );
}
