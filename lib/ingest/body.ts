import type { Transform } from "node:stream";
import { finished } from "node:stream/promises";
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from "node:zlib";
import { message, render, type Text } from "../i18n/server-messages";

export type BodyErrorStatus = 400 | 413 | 415;

/** A request body the server refuses; `status` and `code` are meant for the JSON error response. */
export class BodyError extends Error {
  override name = "BodyError";
  constructor(
    readonly status: BodyErrorStatus,
    readonly code: string,
    readonly text: Text,
    options?: ErrorOptions,
  ) {
    super(render(text), options);
  }
}

type Encoding = "identity" | "gzip" | "deflate" | "br";

const ENCODINGS: Record<string, Encoding> = {
  "": "identity",
  identity: "identity",
  gzip: "gzip",
  "x-gzip": "gzip",
  deflate: "deflate",
  br: "br",
};

const FORMAT_NAMES: Record<Exclude<Encoding, "identity">, string> = {
  gzip: "gzip",
  deflate: "deflate",
  br: "brotli",
};

/** A Node request (or any async iterable of bytes) or a web `Request.body`. */
export type BodySource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export interface ReadBodyOptions {
  contentEncoding?: string | null;
  /** Limit on the decompressed body. */
  maxBytes: number;
  /** Limit on the bytes received; defaults to `maxBytes`. */
  maxWireBytes?: number;
}

/**
 * Reads a request body, decompressing it as it streams in. Stops reading (and tears the
 * decompressor down) as soon as a limit is passed, so a compression bomb costs neither memory
 * nor time.
 */
export async function readBody(source: BodySource, opts: ReadBodyOptions): Promise<Uint8Array> {
  const encoding = parseEncoding(opts.contentEncoding);
  const chunks = cutOffIsBodyError("getReader" in source ? readStream(source) : source);
  const maxWire = opts.maxWireBytes ?? opts.maxBytes;
  if (encoding === "identity") return collect(chunks, Math.min(maxWire, opts.maxBytes));
  return decompress(chunks, encoding, opts.maxBytes, maxWire);
}

/**
 * A client that goes away mid-body makes the request stream fail with ECONNRESET ("aborted"),
 * which the API would otherwise take for the database's connection failing (a 503 and a
 * "database unavailable" log line). It is the client's body that is incomplete: a 400.
 */
async function* cutOffIsBodyError(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* source;
  } catch (error) {
    throw new BodyError(400, "incomplete_body", message("ServerBody.incomplete"), {
      cause: error,
    });
  }
}

// TypeScript's DOM types do not declare ReadableStream async-iterable; the reader works everywhere.
async function* readStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stops the upload when we bail out early; a no-op once the stream is done.
    await reader.cancel().catch(() => {});
  }
}

function parseEncoding(header: string | null | undefined): Encoding {
  const key = (header ?? "").trim().toLowerCase();
  if (Object.hasOwn(ENCODINGS, key)) return ENCODINGS[key] as Encoding;
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  return unsupported(shown);
}

function unsupported(encoding: string): never {
  throw new BodyError(415, "unsupported_encoding", message("ServerBody.encoding", { encoding }));
}

function tooLarge(limit: number, what: "body" | "compressed body"): BodyError {
  return new BodyError(
    413,
    "body_too_large",
    message("ServerBody.tooLarge", { what, limit: String(limit) }),
  );
}

async function collect(source: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit, "body");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

async function decompress(
  source: AsyncIterable<Uint8Array>,
  encoding: Exclude<Encoding, "identity">,
  maxBytes: number,
  maxWire: number,
): Promise<Uint8Array> {
  const output: Buffer[] = [];
  let outputSize = 0;
  let wireSize = 0;
  let failure: BodyError | undefined;
  let decodeError: unknown;
  let decoder: Transform | undefined;
  let done: Promise<void> | undefined;
  // Raw and zlib-wrapped deflate are told apart by the first two bytes.
  let head: Uint8Array | undefined;

  const start = (first: Uint8Array): Transform => {
    const stream = createDecoder(encoding, first);
    stream.on("data", (chunk: Buffer) => {
      outputSize += chunk.length;
      if (outputSize > maxBytes) {
        failure ??= tooLarge(maxBytes, "body");
        stream.destroy();
      } else {
        output.push(chunk);
      }
    });
    stream.on("error", (error) => {
      decodeError ??= error;
    });
    done = finished(stream);
    // Awaited below; this only keeps an early exit from leaving an unhandled rejection.
    done.catch(() => {});
    return stream;
  };

  try {
    for await (const chunk of source) {
      wireSize += chunk.byteLength;
      if (wireSize > maxWire) throw tooLarge(maxWire, "compressed body");
      let data = chunk;
      if (!decoder) {
        data = head ? Buffer.concat([head, chunk]) : chunk;
        if (encoding === "deflate" && data.byteLength < 2) {
          head = data;
          continue;
        }
        decoder = start(data);
      }
      throwIfFailed(failure, decodeError);
      if (!decoder.write(data)) await drained(decoder);
      throwIfFailed(failure, decodeError);
    }
    if (!decoder) {
      if (!head) return new Uint8Array(0);
      decoder = start(head);
      decoder.write(head);
    }
    throwIfFailed(failure, decodeError);
    decoder.end();
    await done;
    throwIfFailed(failure, decodeError);
    return Buffer.concat(output, outputSize);
  } catch (error) {
    decoder?.destroy();
    if (failure) throw failure;
    if (error instanceof BodyError) throw error;
    if (decodeError !== undefined) {
      throw new BodyError(
        400,
        "invalid_body",
        message("ServerBody.notValid", { format: FORMAT_NAMES[encoding] }),
        {
          cause: decodeError,
        },
      );
    }
    // Errors of the source itself (a client that went away) are already BodyErrors.
    throw error;
  }
}

/**
 * Inflates zlib (or raw deflate) bytes already in memory, under the same limit and with the
 * same errors as a `Content-Encoding: deflate` body: the output is counted as it is produced.
 */
export function inflateBody(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  async function* once(): AsyncGenerator<Uint8Array> {
    yield bytes;
  }
  return decompress(once(), "deflate", maxBytes, Number.POSITIVE_INFINITY);
}

function throwIfFailed(failure: BodyError | undefined, decodeError: unknown): void {
  if (failure) throw failure;
  if (decodeError !== undefined) throw decodeError;
}

function createDecoder(encoding: Exclude<Encoding, "identity">, first: Uint8Array): Transform {
  if (encoding === "gzip") return createGunzip();
  if (encoding === "br") return createBrotliDecompress();
  return isZlibHeader(first) ? createInflate() : createInflateRaw();
}

/** RFC 1950: compression method 8 with a window ≤ 32 KiB, and a header checksum divisible by 31. */
export function isZlibHeader(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 2) return false;
  const cmf = bytes[0] ?? 0;
  const flg = bytes[1] ?? 0;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

/** Resolves on "drain", or when the stream closes or fails (a destroyed stream never drains). */
function drained(stream: Transform): Promise<void> {
  return new Promise((resolve) => {
    const settle = () => {
      stream.off("drain", settle);
      stream.off("close", settle);
      stream.off("error", settle);
      resolve();
    };
    stream.on("drain", settle);
    stream.on("close", settle);
    stream.on("error", settle);
  });
}

/**
 * How deeply a JSON body may nest. JSON.parse takes far deeper input, but storing it would not:
 * JSON.stringify (which writes jsonb parameters) overflows its stack near 10,000 levels, a 500.
 * SDKs send a handful of levels (Sentry's trim extra data at 3).
 */
export const MAX_JSON_DEPTH = 128;

/** Parses a body as UTF-8 JSON; invalid UTF-8 or JSON, or nesting past MAX_JSON_DEPTH, is a 400. */
export function parseJsonBody(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new BodyError(400, "invalid_json", message("ServerBody.notUtf8"), {
      cause: error,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BodyError(
      400,
      "invalid_json",
      message("ServerBody.invalidJson", { reason: reason.slice(0, 200) }),
      {
        cause: error,
      },
    );
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
    throw new BodyError(
      400,
      "invalid_json",
      message("ServerBody.tooDeep", { depth: String(MAX_JSON_DEPTH) }),
    );
  }
  return value;
}

/** Iterative, so that the check itself cannot overflow the stack. */
function nestsDeeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== "object") return false;
  const stack: [object, number][] = [[value, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}
