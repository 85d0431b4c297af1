import { MAX_DETAILS_LENGTH } from "./limits";
import { readLogMessage } from "./sentry-logentry";
import { readExceptions, type SentryException, type SentryFrame } from "./sentry-shape";
import { truncate } from "./text";

const MAX_FRAMES_PER_EXCEPTION = 50;

/**
 * Readable text for the detail page: the log message, then each exception of the chain as
 * "Type: value" with its innermost frames as "  at function (file:line:column)", most recent
 * call last (the order of Python tracebacks and of Sentry's payload).
 */
export function sentryDetails(event: Record<string, unknown>): string {
  const blocks: string[] = [];
  let length = 0;
  const message = readLogMessage(event)?.text.trim();
  if (message) blocks.push(message);
  for (const exception of readExceptions(event)) {
    // Hostile payloads may carry huge chains; stop once the cap is reached anyway.
    if (length > MAX_DETAILS_LENGTH) break;
    const block = exceptionBlock(exception);
    length += block.length;
    blocks.push(block);
  }
  return truncate(blocks.join("\n\n"), MAX_DETAILS_LENGTH);
}

function exceptionBlock(exception: SentryException): string {
  const headline = [exception.type, exception.value].filter(Boolean).join(": ");
  const frames = exception.frames;
  const lines = [headline];
  if (frames.length > MAX_FRAMES_PER_EXCEPTION) {
    lines.push(`  … ${frames.length - MAX_FRAMES_PER_EXCEPTION} earlier frames`);
  }
  for (const frame of frames.slice(-MAX_FRAMES_PER_EXCEPTION)) lines.push(frameLine(frame));
  return lines.join("\n");
}

function frameLine(frame: SentryFrame): string {
  const file = frame.filename ?? frame.absPath ?? frame.module;
  const position = [file ?? "?", frame.lineno, frame.lineno ? frame.colno : undefined]
    .filter((part) => part !== undefined)
    .join(":");
  return `  at ${frame.function ?? "?"} (${position})`;
}
