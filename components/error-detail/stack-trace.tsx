import { useTranslations } from "next-intl";
import type { ExceptionView, FrameView } from "@/lib/sentry-payload";
import { Breakable } from "./breakable";
import { FramesToggle } from "./frames-toggle";
import { KeyValueList } from "./section";

/** The exception chain, last raised first, each with its stack trace, most recent call first. */
export function ExceptionChain({ exceptions }: { exceptions: ExceptionView[] }) {
  const t = useTranslations("StackTrace");
  return (
    <div className="space-y-6">
      {exceptions.map((exception, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the chain's order is fixed
        <div key={index} className="min-w-0 space-y-3" data-testid="exception">
          {index > 0 ? (
            <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
              {t("causedBy")}
            </p>
          ) : null}
          <ExceptionHeading exception={exception} />
          {exception.frames.length > 0 ? (
            <StackTrace frames={exception.frames} omitted={exception.omittedFrames} />
          ) : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("noStack")}</p>
          )}
        </div>
      ))}
    </div>
  );
}

function ExceptionHeading({ exception }: { exception: ExceptionView }) {
  const t = useTranslations("StackTrace");
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="min-w-0 font-mono text-base font-semibold wrap-break-word">
          {exception.type ?? t("exception")}
        </h3>
        {exception.handled === false ? (
          <span className="rounded-md bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-200 ring-inset dark:bg-red-950/60 dark:text-red-200 dark:ring-red-800">
            {t("unhandled")}
          </span>
        ) : exception.handled === true ? (
          <span className="rounded-md bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-700 ring-1 ring-zinc-200 ring-inset dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700">
            {t("handled")}
          </span>
        ) : null}
        {exception.mechanism ? (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {t("mechanism", { name: exception.mechanism })}
          </span>
        ) : null}
      </div>
      {exception.value ? (
        <p className="mt-1 text-sm whitespace-pre-wrap wrap-break-word text-zinc-700 dark:text-zinc-300">
          {exception.value}
        </p>
      ) : null}
    </div>
  );
}

function StackTrace({ frames, omitted }: { frames: FrameView[]; omitted: number }) {
  const t = useTranslations("StackTrace");
  const inAppCount = frames.filter((frame) => frame.inApp).length;
  // With no in-app frame at all (or only in-app ones) there is nothing to hide.
  const hiding = inAppCount > 0 && inAppCount < frames.length;
  const firstInApp = frames.findIndex((frame) => frame.inApp);
  const openIndex = firstInApp === -1 ? 0 : firstInApp;
  return (
    <FramesToggle hiddenCount={hiding ? frames.length - inAppCount : 0}>
      <ol
        aria-label={t("label")}
        className="divide-y divide-zinc-200 overflow-hidden rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
      >
        {frames.map((frame, index) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: frames never move
            key={index}
            data-testid="frame"
            data-in-app={frame.inApp}
            className={
              frame.inApp
                ? "border-l-4 border-l-indigo-500 bg-indigo-50/60 dark:border-l-indigo-400 dark:bg-indigo-950/30"
                : `border-l-4 border-l-transparent text-zinc-500 dark:text-zinc-400 ${hiding ? "group-data-[show-all=false]/frames:hidden" : ""}`
            }
          >
            <Frame frame={frame} open={index === openIndex} />
          </li>
        ))}
      </ol>
      {omitted > 0 ? (
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
          {t("omitted", { count: omitted })}
        </p>
      ) : null}
    </FramesToggle>
  );
}

function FrameLine({ frame }: { frame: FrameView }) {
  const t = useTranslations("StackTrace");
  const where = frame.filename ?? frame.module ?? frame.package;
  const position = frame.lineno ? `${frame.lineno}${frame.colno ? `:${frame.colno}` : ""}` : null;
  return (
    <span className="min-w-0 flex-1 font-mono text-xs leading-5 wrap-break-word">
      <span className={frame.inApp ? "font-semibold text-zinc-900 dark:text-zinc-50" : ""}>
        <Breakable text={frame.function ?? "?"} />
      </span>
      {where ? (
        <>
          <span className="text-zinc-500 dark:text-zinc-400">{t("in")}</span>
          <span title={frame.filename && frame.module ? frame.module : undefined}>
            <Breakable text={where} />
          </span>
        </>
      ) : null}
      {position ? (
        <>
          <span className="text-zinc-500 dark:text-zinc-400">{t("atLine")}</span>
          <span>{position}</span>
        </>
      ) : null}
    </span>
  );
}

function InAppBadge() {
  const t = useTranslations("StackTrace");
  return (
    <span className="shrink-0 rounded bg-indigo-100 px-1.5 py-px text-[11px] font-medium text-indigo-800 dark:bg-indigo-900/60 dark:text-indigo-200">
      {t("inApp")}
    </span>
  );
}

function Frame({ frame, open }: { frame: FrameView; open: boolean }) {
  const t = useTranslations("StackTrace");
  const hasContext =
    frame.contextLine !== undefined || frame.preContext.length > 0 || frame.postContext.length > 0;
  const row = (
    <>
      <FrameLine frame={frame} />
      {frame.inApp ? <InAppBadge /> : null}
    </>
  );
  if (!hasContext && frame.vars.length === 0) {
    return <div className="flex items-start gap-2 px-3 py-2">{row}</div>;
  }
  return (
    <details open={open} className="group/frame">
      <summary className="flex cursor-pointer focus-visible:-outline-offset-2 list-none items-start gap-2 px-3 py-2 hover:bg-zinc-50 dark:hover:bg-zinc-800/60 [&::-webkit-details-marker]:hidden">
        <svg
          aria-hidden
          viewBox="0 0 16 16"
          className="mt-0.5 size-4 shrink-0 transition-transform group-open/frame:rotate-90"
        >
          <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        {row}
      </summary>
      <div className="space-y-3 px-3 pb-3">
        {hasContext ? <SourceContext frame={frame} /> : null}
        {frame.vars.length > 0 ? (
          <div>
            <h4 className="mb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">
              {t("localVariables")}
            </h4>
            <KeyValueList entries={frame.vars} label={t("localVariables")} />
          </div>
        ) : null}
      </div>
    </details>
  );
}

function SourceContext({ frame }: { frame: FrameView }) {
  const t = useTranslations("StackTrace");
  const first = frame.lineno ? frame.lineno - frame.preContext.length : undefined;
  const lines: { text: string; current: boolean }[] = [
    ...frame.preContext.map((text) => ({ text, current: false })),
    ...(frame.contextLine !== undefined ? [{ text: frame.contextLine, current: true }] : []),
    ...frame.postContext.map((text) => ({ text, current: false })),
  ];
  return (
    <ol
      aria-label={t("source")}
      className="overflow-hidden rounded-md border border-zinc-200 bg-zinc-50 py-1 font-mono text-xs leading-5 text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200"
    >
      {lines.map((line, index) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: source lines never move
          key={index}
          aria-current={line.current ? "true" : undefined}
          className={`flex ${line.current ? "bg-amber-100 font-semibold text-zinc-950 dark:bg-amber-900/40 dark:text-amber-50" : ""}`}
        >
          <span className="w-12 shrink-0 pr-3 text-right text-zinc-400 select-none dark:text-zinc-500">
            {first !== undefined && first + index > 0 ? first + index : ""}
          </span>
          <code className="min-w-0 flex-1 pr-2 pl-4 -indent-4 whitespace-pre-wrap wrap-break-word">
            {line.text || " "}
          </code>
        </li>
      ))}
    </ol>
  );
}
