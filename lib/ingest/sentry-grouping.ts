import { parameterize } from "./fingerprint";
import { readLogMessage } from "./sentry-logentry";
import { basename, readExceptions, type SentryFrame } from "./sentry-shape";

// Only the innermost frames count, so a deep recursion groups the same at any depth.
const MAX_KEY_FRAMES = 50;

/**
 * The default key of an SDK event: the last exception's type and its in-app frames (all frames when none
 * is marked in-app); its parameterized value only when it has no frames; else the parameterized
 * log message template; else one shared key for unlabeled events.
 */
export function sentryDefaultKey(event: Record<string, unknown>): string[] {
  const exception = readExceptions(event).at(-1);
  if (exception) {
    const frames = exception.frames.filter((f) => f.function || f.module || f.filename);
    const inApp = frames.filter((f) => f.inApp === true);
    const chosen = (inApp.length > 0 ? inApp : frames).slice(-MAX_KEY_FRAMES);
    const type = exception.type ?? "";
    if (chosen.length > 0) return ["exception", type, ...chosen.map(frameKey)];
    return ["exception", type, parameterize(exception.value ?? "")];
  }
  const message = readLogMessage(event);
  if (message) return ["message", parameterize(message.template)];
  return ["unlabeled"];
}

/** "module-or-file-basename function"; an anonymous function ("?" in minified JS) is told apart by its line and column. */
function frameKey(frame: SentryFrame): string {
  const location = frame.module ?? basename(frame.filename ?? "");
  const fn = frame.function && frame.function !== "?" ? frame.function : undefined;
  if (fn) return `${location} ${fn}`;
  return `${location} ?:${frame.lineno ?? ""}:${frame.colno ?? ""}`;
}
